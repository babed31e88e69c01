using System.Text.Json;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.Orders;

/// <summary>
/// Confirm a draft order: the credit check runs on its total. Pass or warn confirms it and releases every line;
/// hold puts it on hold (nothing may be delivered). Re-check asks again about what is still held (a payment may
/// have come in): pass or warn releases it. Every run is stored with its reasons.
/// </summary>
public sealed class ConfirmOrderHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, CreditStandingHandler credit, QueryOrdersHandler orders)
{
    public async Task<OrderView> ConfirmAsync(Guid orderId, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        await Transactions.RunAsync(db, async token =>
        {
            var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, token);
            OrderMath.RequireStatus(order, SalesOrderStatus.Draft);
            var result = await CheckAsync(order, order.TotalMinor, token);
            order.Status = result.Decision == CreditDecision.Hold ? SalesOrderStatus.OnHold : SalesOrderStatus.Confirmed;
            if (result.Decision != CreditDecision.Hold)
            {
                ReleaseAll(order);
            }
            OrderMath.Refresh(order);
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }

    public async Task<OrderView> RecheckAsync(Guid orderId, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        await Transactions.RunAsync(db, async token =>
        {
            var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, token);
            OrderMath.RequireStatus(order, SalesOrderStatus.OnHold, SalesOrderStatus.Released, SalesOrderStatus.PartlyDelivered);
            var held = OrderMath.UnreleasedMinor(order, Currency.Of(order.Currency));
            if (held == 0)
            {
                throw new Huikuan.Domain.ConflictException("order.notHeld", "Nothing on this order is on hold.");
            }
            var result = await CheckAsync(order, held, token);
            if (result.Decision != CreditDecision.Hold)
            {
                ReleaseAll(order);
                if (order.Status == SalesOrderStatus.OnHold)
                {
                    order.Status = SalesOrderStatus.Confirmed;
                }
            }
            OrderMath.Refresh(order);
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }

    private async Task<CreditCheckResult> CheckAsync(SalesOrder order, long amountMinor, CancellationToken ct)
    {
        var result = await credit.CheckAsync(order.CustomerId, amountMinor, order.Prepaid, ct);
        db.SalesOrderChecks.Add(new SalesOrderCheck
        {
            CompanyId = order.CompanyId, Id = Ids.New(), OrderId = order.Id, CheckedAt = clock.Now, CheckedBy = scope.Actor,
            Decision = result.Decision.ToString(), ReasonsJson = JsonSerializer.Serialize(result.Reasons), AmountMinor = amountMinor,
            ExposureAfterMinor = result.ExposureAfterMinor, ReleasableMinor = result.ReleasableMinor,
        });
        return result;
    }

    internal static void ReleaseAll(SalesOrder order)
    {
        foreach (var line in order.Lines)
        {
            line.ReleasedQuantity = OrderMath.Open(line);
        }
    }
}
