using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>Whom a customer's messages go to, in which language, and the channel the customer prefers.</summary>
public sealed record Recipient(string Name, string? Email, string? Mobile, string Language, string PreferredChannel);

/// <summary>
/// Picks the recipient of notices, reminders and dunning for many customers at once: the active finance contact (the
/// primary one first), else another active contact (primary ones first), else the customer's own e-mail and phone in
/// Chinese. The contact's language and preferred channel (R10) come with it.
/// </summary>
internal static class DunningRecipients
{
    public static async Task<Dictionary<Guid, Recipient>> ForCustomersAsync(HuikuanDbContext db, Guid company, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, Recipient>(customerIds.Count);
        foreach (var chunk in customerIds.Chunk(2_000))
        {
            var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.Name, c.Email, c.Phone }).ToListAsync(ct);
            var contacts = (await db.CustomerContacts.AsNoTracking().Where(c => c.CompanyId == company && chunk.Contains(c.CustomerId) && c.Active)
                .ToListAsync(ct)).ToLookup(c => c.CustomerId);
            foreach (var c in customers)
            {
                var best = contacts[c.Id]
                    .OrderByDescending(x => x.Roles.Contains("finance", StringComparison.Ordinal))
                    .ThenByDescending(x => x.PrimaryFor.Contains("finance", StringComparison.Ordinal))
                    .ThenByDescending(x => x.PrimaryFor.Length > 0)
                    .ThenByDescending(x => x.Email != null)
                    .ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
                result[c.Id] = best is null
                    ? new Recipient(c.Name, Blank(c.Email), Blank(c.Phone), "zh-CN", "email")
                    : new Recipient(best.Name, Blank(best.Email) ?? Blank(c.Email), Blank(best.Mobile) ?? Blank(best.Phone) ?? Blank(c.Phone),
                        best.Language, best.Channel);
            }
        }
        return result;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
