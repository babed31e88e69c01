using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>What a customer's contract clauses mean for their balance today, per currency, in minor units.</summary>
public sealed record ContractTermsFigures(long LateInterestMinor, long DiscountAvailableMinor);

/// <summary>
/// The late interest accrued to date on the open installments of invoices raised from contracts with an interest
/// clause (simple, per day outstanding after the grace days, each payment counting from its day), and the
/// early-payment discount still available today. Shown, not posted: charging the interest is a document of its own.
/// </summary>
internal static class ContractBalanceTerms
{
    public static async Task<IReadOnlyDictionary<string, ContractTermsFigures>> ForCustomerAsync(
        HuikuanDbContext db, Guid company, Guid customerId, DateOnly today, CancellationToken ct)
    {
        var items = await (
            from i in db.Installments.AsNoTracking()
            where i.CompanyId == company && i.CustomerId == customerId && i.OpenMinor > 0
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            where inv.ContractId != null
            join c in db.Contracts on new { inv.CompanyId, Id = inv.ContractId!.Value } equals new { c.CompanyId, c.Id }
            where c.InterestDailyRatePercent != null || c.InterestYearlyRatePercent != null || c.DiscountPercent != null
            select new { Installment = i, Contract = c }).ToListAsync(ct);
        if (items.Count == 0)
        {
            return new Dictionary<string, ContractTermsFigures>(StringComparer.Ordinal);
        }
        var ids = items.Select(x => x.Installment.Id).ToList();
        var payments = (await db.Allocations.AsNoTracking()
            .Where(a => a.CompanyId == company && ids.Contains(a.InstallmentId))
            .Select(a => new { a.InstallmentId, a.AppliedOn, a.AmountMinor }).ToListAsync(ct))
            .ToLookup(a => a.InstallmentId, a => new Payment(a.AppliedOn, a.AmountMinor));
        return items.GroupBy(x => x.Installment.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            long interest = 0, discount = 0;
            foreach (var x in g)
            {
                var i = x.Installment;
                if (ContractClauses.Interest(x.Contract) is { } clause)
                {
                    interest += clause.InterestMinor(i.AmountMinor, i.DueDate, today, payments[i.Id]);
                }
                if (ContractClauses.Discount(x.Contract) is { } d)
                {
                    discount += Math.Min(d.DiscountMinor(i.AmountMinor, i.InvoiceDate, today), i.OpenMinor);
                }
            }
            return new ContractTermsFigures(interest, discount);
        }, StringComparer.Ordinal);
    }
}
