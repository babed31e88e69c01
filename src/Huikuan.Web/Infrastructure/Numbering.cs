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
    public static async Task<string> NextAsync(HuikuanDbContext db, Guid companyId, string prefix, CancellationToken ct)
    {
        var updated = await db.NumberSequences
            .Where(s => s.CompanyId == companyId && s.Name == prefix)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + 1), ct);
        if (updated == 0)
        {
            db.NumberSequences.Add(new NumberSequence { CompanyId = companyId, Name = prefix, NextValue = 2 });
            await db.SaveChangesAsync(ct);
            return Format(prefix, 1);
        }
        var next = await db.NumberSequences.AsNoTracking()
            .Where(s => s.CompanyId == companyId && s.Name == prefix)
            .Select(s => s.NextValue)
            .SingleAsync(ct);
        return Format(prefix, next - 1);
    }

    private static string Format(string prefix, long value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{value:D6}");
}
