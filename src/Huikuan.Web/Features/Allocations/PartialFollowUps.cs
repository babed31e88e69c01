using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

public sealed record PartialFollowUp(
    Guid InstallmentId, Guid InvoiceId, string InvoiceNumber, Guid CustomerId, string CustomerName, DateOnly DueDate, string Currency,
    decimal Amount, decimal Paid, decimal Open, DateOnly? LastPaidOn);

/// <summary>
/// Installments paid in part (求全责备): something was paid, something is still open. Each is a
/// follow-up for the collector, the oldest due first.
/// </summary>
public sealed class PartialFollowUpsHandler(HuikuanDbContext db, Scope scope)
{
    /// <summary>How many there are, without listing them (the dashboard's count).</summary>
    public Task<long> CountAsync(CancellationToken ct) => Query(null).LongCountAsync(ct);

    public async Task<Page<PartialFollowUp>> HandleAsync(Guid? customerId, PageRequest page, CancellationToken ct)
    {
        var query = Query(customerId);
        var total = await query.LongCountAsync(ct);
        var rows = await (
            from i in query
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            join cu in db.Customers on new { i.CompanyId, Id = i.CustomerId } equals new { cu.CompanyId, cu.Id }
            orderby i.DueDate, inv.Number, i.Sequence
            select new { i.Id, i.InvoiceId, inv.Number, i.CustomerId, cu.Name, i.DueDate, i.Currency, i.AmountMinor, i.OpenMinor, i.LastAppliedOn })
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<PartialFollowUp>(rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new PartialFollowUp(r.Id, r.InvoiceId, r.Number, r.CustomerId, r.Name, r.DueDate, r.Currency, cur.ToMajor(r.AmountMinor),
                cur.ToMajor(r.AmountMinor - r.OpenMinor), cur.ToMajor(r.OpenMinor), r.LastAppliedOn);
        }).ToList(), page.Page, page.PageSize, total);
    }

    private IQueryable<Data.Entities.Installment> Query(Guid? customerId)
    {
        var company = scope.CompanyId;
        var query = db.Installments.AsNoTracking().Where(i => i.CompanyId == company && i.OpenMinor != 0 && i.OpenMinor < i.AmountMinor);
        return customerId is { } c ? query.Where(i => i.CustomerId == c) : query;
    }
}
