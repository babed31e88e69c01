using Huikuan.Web.Data;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

/// <summary>
/// What a customer's orders add to the credit exposure: the released, not yet invoiced value of confirmed and
/// released orders (drafts, the unreleased part of holds and cancelled quantities are not in it). Kept per order in
/// <see cref="Data.Entities.SalesOrder.UnbilledMinor"/>, so this is one indexed sum.
/// </summary>
public sealed class OrderExposure(HuikuanDbContext db, Scope scope) : IUnbilledExposure
{
    public UnbilledSource Source => UnbilledSource.Orders;

    public Task<long> UnbilledMinorAsync(Guid customerId, string currency, CancellationToken ct) =>
        db.SalesOrders.AsNoTracking()
            .Where(o => o.CompanyId == scope.CompanyId && o.CustomerId == customerId && o.Currency == currency && o.UnbilledMinor != 0)
            .SumAsync(o => o.UnbilledMinor, ct);

    public async Task<Dictionary<(Guid CustomerId, string Currency), long>> UnbilledMinorByCustomerAsync(CancellationToken ct) =>
        (await db.SalesOrders.AsNoTracking()
            .Where(o => o.CompanyId == scope.CompanyId && o.UnbilledMinor != 0)
            .GroupBy(o => new { o.CustomerId, o.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(o => o.UnbilledMinor) })
            .ToListAsync(ct)).ToDictionary(x => (x.CustomerId, x.Currency), x => x.Sum);
}
