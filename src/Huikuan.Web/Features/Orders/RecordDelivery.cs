using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

/// <summary>Deliver these quantities on <see cref="DeliveredOn"/>: at most what is released and not yet delivered on each line.</summary>
public sealed record RecordDelivery(DateOnly DeliveredOn, IReadOnlyList<OrderQuantityDto> Lines);

/// <summary>
/// Records a delivery. A quantity still on credit hold is refused (stop supply). When the user may post, the
/// delivery is invoiced at once through the invoice use case; otherwise it waits in the list to invoice.
/// </summary>
public sealed class RecordDeliveryHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, InvoiceDeliveryHandler invoicing, QueryOrdersHandler orders)
{
    public async Task<OrderView> HandleAsync(Guid orderId, RecordDelivery request, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        ArgumentNullException.ThrowIfNull(request);
        BusinessDates.Require(request.DeliveredOn, "deliveredOn");
        var deliveryId = Ids.New();
        await Transactions.RunAsync(db, async token =>
        {
            var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, token);
            OrderStatusRules.Require(order.Status, OrderAction.Deliver);
            if (request.DeliveredOn < order.OrderDate)
            {
                throw new DomainRuleException("order.deliveryDate", "deliveredOn", "A delivery cannot be before the order date.");
            }
            var quantities = OrderMath.Quantities(order, request.Lines);
            foreach (var line in order.Lines)
            {
                var q = quantities[line.LineNo];
                if (q > OrderMath.Open(line) - line.DeliveredQuantity)
                {
                    throw new DomainRuleException("order.deliveryQuantity", "lines",
                        $"Line {line.LineNo}: only {Text(OrderMath.Open(line) - line.DeliveredQuantity)} is left to deliver.",
                        line.LineNo, Text(OrderMath.Open(line) - line.DeliveredQuantity));
                }
                if (q > line.ReleasedQuantity - line.DeliveredQuantity)
                {
                    throw new DomainRuleException("order.held", "lines",
                        $"Line {line.LineNo}: only {Text(line.ReleasedQuantity - line.DeliveredQuantity)} is released for delivery; the rest is on credit hold.",
                        line.LineNo, Text(line.ReleasedQuantity - line.DeliveredQuantity));
                }
            }
            if (quantities.Values.All(q => q == 0))
            {
                throw new DomainRuleException("order.deliveryNothing", "lines", "Give a quantity delivered on at least one line.");
            }
            var currency = Currency.Of(order.Currency);
            var sequence = await db.SalesOrderDeliveries.Where(d => d.CompanyId == order.CompanyId && d.OrderId == order.Id).CountAsync(token) + 1;
            db.SalesOrderDeliveries.Add(new SalesOrderDelivery
            {
                CompanyId = order.CompanyId, Id = deliveryId, OrderId = order.Id, CustomerId = order.CustomerId, Sequence = sequence,
                DeliveredOn = request.DeliveredOn, RecordedAt = clock.Now, RecordedBy = scope.Actor,
                AmountMinor = order.Lines.Sum(l => OrderMath.Value(l, quantities[l.LineNo], currency)),
                Lines = quantities.Where(q => q.Value != 0).Select(q => new SalesOrderDeliveryLine
                {
                    CompanyId = order.CompanyId, DeliveryId = deliveryId, LineNo = q.Key, Quantity = q.Value,
                }).ToList(),
            });
            foreach (var line in order.Lines)
            {
                line.DeliveredQuantity += quantities[line.LineNo];
            }
            OrderMath.AfterDelivery(order);
            await OrderMath.SaveAsync(db, token);
            return deliveryId;
        }, ct);
        if (scope.Role.Allows(Permission.PostLedger))
        {
            db.ChangeTracker.Clear();
            await invoicing.HandleAsync(orderId, deliveryId, ct);
        }
        return await orders.GetAsync(orderId, ct);
    }

    private static string Text(decimal quantity) => quantity.ToString("0.######", CultureInfo.InvariantCulture);
}
