using System.Text.Json;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Domain.Orders;
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
            OrderStatusRules.Require(order.Status, OrderAction.Confirm);
            var result = await CheckAsync(order, order.TotalMinor, token);
            order.Status = OrderStatusRules.AfterConfirm(held: result.Decision == CreditDecision.Hold);
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
            OrderStatusRules.Require(order.Status, OrderAction.Recheck);
            var held = OrderMath.UnreleasedMinor(order, Currency.Of(order.Currency));
            if (held == 0)
            {
                throw new Huikuan.Domain.ConflictException("order.notHeld", "Nothing on this order is on hold.");
            }
            var result = await CheckAsync(order, held, token);
            if (result.Decision != CreditDecision.Hold)
            {
                ReleaseAll(order);
                order.Status = OrderStatusRules.AfterRecheckPassed(order.Status);
                // Nothing is held any more: an override waiting for approval has nothing left to release.
                order.PendingOverrideReason = null;
                order.PendingOverrideBy = null;
                order.PendingOverrideByUserId = null;
                order.PendingOverrideAt = null;
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
