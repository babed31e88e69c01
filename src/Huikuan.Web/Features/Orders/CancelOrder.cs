using Huikuan.Domain.Access;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.Orders;

/// <summary>Cancel what is not delivered yet. An order with nothing delivered becomes cancelled; otherwise it is delivered as far as it went.</summary>
public sealed record CancelOrder(string? Reason = null);

public sealed class CancelOrderHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, QueryOrdersHandler orders)
{
    public async Task<OrderView> HandleAsync(Guid orderId, CancelOrder request, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        var reason = CompanyHandler.Optional(request?.Reason, "reason", 2000);
        await Transactions.RunAsync(db, async token =>
        {
            var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, token);
            OrderStatusRules.Require(order.Status, OrderAction.Cancel);
            foreach (var line in order.Lines)
            {
                line.CancelledQuantity = line.Quantity - line.DeliveredQuantity;
                line.ReleasedQuantity = line.DeliveredQuantity;
            }
            OrderMath.AfterDelivery(order);
            AuditLog.Event(db, scope, clock, order.CompanyId, "order.cancel", nameof(SalesOrder), order.Id.ToString(), new { order.Number, Reason = reason });
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }
}
