using Huikuan.Domain;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.CreditFile;

internal static class CreditFileAccess
{
    /// <summary>The customer must exist for this user (a salesperson sees only their own): else 404.</summary>
    public static async Task RequireCustomerAsync(HuikuanDbContext db, Guid company, Guid customerId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.CompanyId == company && c.Id == customerId, ct))
        {
            throw new NotFoundException("Customer", customerId);
        }
    }

    public static string? Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainRuleException("field.tooLong", field, $"At most {maxLength} characters.", maxLength);
    }

    public static string Required(string? value, string field, int maxLength) =>
        Text(value, field, maxLength) ?? throw new DomainRuleException("field.required", field, $"{field} is required.");
}
