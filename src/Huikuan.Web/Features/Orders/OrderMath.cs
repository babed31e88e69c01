using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

/// <summary>One line's quantity in a request (a release, a delivery).</summary>
public sealed record OrderQuantityDto(int LineNo, decimal Quantity);

/// <summary>
/// The value of part of a line, computed exactly as the invoice for that quantity would be (<see cref="LineAmounts"/>),
/// so that what an order adds to exposure is what its invoices will bill.
/// </summary>
internal static class OrderMath
{
    public static long Value(SalesOrderLine line, decimal quantity, Currency currency)
    {
        if (quantity == 0)
        {
            return 0;
        }
        var (net, tax) = LineAmounts.Of(quantity, line.UnitPrice, line.TaxRatePercent, currency);
        return net + tax;
    }

    public static decimal Open(SalesOrderLine line) => line.Quantity - line.CancelledQuantity;

    /// <summary>The value of what is neither released nor cancelled: what a re-check asks the credit check about.</summary>
    public static long UnreleasedMinor(SalesOrder order, Currency currency) =>
        order.Lines.Sum(l => Value(l, Open(l) - l.ReleasedQuantity, currency));

    /// <summary>Released but not invoiced (and what is still held): the order's part of the customer's exposure. Drafts, holds' unreleased part and cancelled quantities are not in it.</summary>
    public static void Refresh(SalesOrder order)
    {
        var currency = Currency.Of(order.Currency);
        order.Version++;
        var counts = OrderStatusRules.CountsInExposure(order.Status);
        order.UnbilledMinor = counts ? order.Lines.Sum(l => Value(l, l.ReleasedQuantity - l.InvoicedQuantity, currency)) : 0;
        order.HeldMinor = counts ? UnreleasedMinor(order, currency) : 0;
    }

    /// <summary>After a delivery or a cancellation: the status <see cref="OrderStatusRules.AfterDelivery"/> gives, then the amounts.</summary>
    public static void AfterDelivery(SalesOrder order)
    {
        order.Status = OrderStatusRules.AfterDelivery(order.Status, order.Lines.All(l => l.DeliveredQuantity >= Open(l)),
            order.Lines.Any(l => l.DeliveredQuantity > 0));
        Refresh(order);
    }

    public static async Task<SalesOrder> LoadAsync(HuikuanDbContext db, Guid company, Guid orderId, CancellationToken ct) =>
        await db.SalesOrders.Include(o => o.Lines.OrderBy(l => l.LineNo))
            .SingleOrDefaultAsync(o => o.CompanyId == company && o.Id == orderId, ct)
        ?? throw new NotFoundException("Order", orderId);

    /// <summary>Quantities per line from a request: each line named once, none negative, the rest zero.</summary>
    public static Dictionary<int, decimal> Quantities(SalesOrder order, IReadOnlyList<OrderQuantityDto>? given)
    {
        var result = order.Lines.ToDictionary(l => l.LineNo, _ => 0m);
        foreach (var (q, i) in (given ?? []).Select((q, i) => (q, i)))
        {
            if (!result.ContainsKey(q.LineNo))
            {
                throw new DomainRuleException("order.line", $"lines[{i}].lineNo", $"The order has no line {q.LineNo}.", q.LineNo);
            }
            if (q.Quantity < 0)
            {
                throw new DomainRuleException("order.quantity", $"lines[{i}].quantity", "A quantity must not be negative.");
            }
            result[q.LineNo] += q.Quantity;
        }
        return result;
    }

    /// <summary>Saves the use case's changes; an order changed by someone else meanwhile is a 409 that says to load it again.</summary>
    public static async Task SaveAsync(HuikuanDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Changed();
        }
    }

    public static ConflictException Changed() =>
        new("order.changed", "The order was changed by someone else at the same time; load it again and retry.");
}
