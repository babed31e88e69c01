using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

/// <summary>
/// Invoices one delivery through the invoice use case: its lines, the order's payment term, the order number as
/// reference. The delivery is marked invoiced (and the order's invoiced quantities and unbilled value move) in the
/// invoice's own transaction, so a delivery is never invoiced twice nor lost between the two.
/// </summary>
public sealed class InvoiceDeliveryHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IssueInvoiceHandler issue, QueryOrdersHandler orders)
{
    public async Task<OrderView> HandleAsync(Guid orderId, Guid deliveryId, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        var (order, delivery) = await LoadAsync(orderId, deliveryId, ct);
        if (delivery.InvoicedAt is not null)
        {
            throw new ConflictException("order.alreadyInvoiced", "This delivery is already invoiced.");
        }
        var lines = delivery.Lines.OrderBy(d => d.LineNo).Select(d =>
        {
            var line = order.Lines.Single(l => l.LineNo == d.LineNo);
            return new InvoiceLineDto(line.Description, d.Quantity, line.UnitPrice, line.TaxRatePercent);
        }).ToList();
        MarkInvoiced(order, delivery);
        // The invoice use case saves in its own transaction: the tracked changes above commit with the invoice.
        InvoiceView invoice;
        try
        {
            invoice = await issue.HandleAsync(new IssueInvoice(order.CustomerId, delivery.DeliveredOn, lines, Currency: order.Currency,
                PaymentTermId: order.PaymentTermId, Reference: order.Number, SalesOrderId: order.Id), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone invoiced this delivery or changed the order meanwhile: the invoice rolled back with it.
            throw OrderMath.Changed();
        }
        if (db.Entry(delivery).State == EntityState.Detached)
        {
            // A lost race was retried and the tracker cleared: mark the delivery again, now that its invoice exists.
            (order, delivery) = await LoadAsync(orderId, deliveryId, ct);
            if (delivery.InvoicedAt is null)
            {
                MarkInvoiced(order, delivery);
            }
        }
        delivery.InvoiceId = invoice.Id;
        await OrderMath.SaveAsync(db, ct);
        return await orders.GetAsync(orderId, ct);
    }

    private void MarkInvoiced(SalesOrder order, SalesOrderDelivery delivery)
    {
        delivery.InvoicedAt = clock.Now;
        foreach (var d in delivery.Lines)
        {
            order.Lines.Single(l => l.LineNo == d.LineNo).InvoicedQuantity += d.Quantity;
        }
        OrderMath.Refresh(order);
    }

    private async Task<(SalesOrder, SalesOrderDelivery)> LoadAsync(Guid orderId, Guid deliveryId, CancellationToken ct)
    {
        var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, ct);
        var delivery = await db.SalesOrderDeliveries.Include(d => d.Lines)
            .SingleOrDefaultAsync(d => d.CompanyId == scope.CompanyId && d.OrderId == orderId && d.Id == deliveryId, ct)
            ?? throw new NotFoundException("Delivery", deliveryId);
        return (order, delivery);
    }
}
