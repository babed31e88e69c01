using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Gap-free document numbers per company (INV-000001, CN-000001, RC-000001). The increment is a
/// conditional update inside the caller's transaction, so two requests never get the same number.
/// </summary>
public static class Numbering
{
    public static async Task<string> NextAsync(HuikuanDbContext db, Guid companyId, string prefix, CancellationToken ct) =>
        (await NextAsync(db, companyId, prefix, 1, ct))[0];

    /// <summary>
    /// <paramref name="count"/> consecutive numbers in one increment, for a use case that writes many documents in one
    /// transaction (a bank statement's receipts): the same gap-free sequence, two statements instead of two per number.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NextAsync(HuikuanDbContext db, Guid companyId, string prefix, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var updated = await db.NumberSequences
            .Where(s => s.CompanyId == companyId && s.Name == prefix)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + count), ct);
        long first;
        if (updated == 0)
        {
            db.NumberSequences.Add(new NumberSequence { CompanyId = companyId, Name = prefix, NextValue = 1 + count });
            await db.SaveChangesAsync(ct);
            first = 1;
        }
        else
        {
            var next = await db.NumberSequences.AsNoTracking()
                .Where(s => s.CompanyId == companyId && s.Name == prefix)
                .Select(s => s.NextValue)
                .SingleAsync(ct);
            first = next - count;
        }
        return [.. Enumerable.Range(0, count).Select(i => Format(prefix, first + i))];
    }

    private static string Format(string prefix, long value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{value:D6}");
}
