using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

public sealed record OrderLineView(
    int LineNo, string Description, decimal Quantity, decimal UnitPrice, decimal TaxRatePercent, decimal Amount,
    decimal Released, decimal Delivered, decimal Invoiced, decimal Cancelled);

/// <summary>A reason of a credit check; <see cref="Values"/> as its text names them: money in major units (limit.*), days (overdue.*).</summary>
public sealed record CreditReasonView(string Code, CreditDecision Severity, IReadOnlyList<decimal> Values);

public sealed record OrderCheckView(
    DateTimeOffset CheckedAt, string CheckedBy, CreditDecision Decision, IReadOnlyList<CreditReasonView> Reasons,
    decimal Amount, decimal ExposureAfter, decimal Releasable);

public sealed record OrderReleaseView(DateTimeOffset ReleasedAt, string ReleasedBy, string Kind, decimal Amount, string? Reason);

public sealed record OrderDeliveryView(
    Guid Id, int Sequence, DateOnly DeliveredOn, decimal Amount, IReadOnlyList<OrderQuantityDto> Lines, Guid? InvoiceId, string? InvoiceNumber);

/// <summary>An override above the company's amount, waiting for a second credit manager.</summary>
public sealed record PendingOverrideView(string Reason, string RequestedBy, DateTimeOffset RequestedAt);

public sealed record OrderView(
    Guid Id, string Number, Guid CustomerId, string CustomerCode, string CustomerName, DateOnly OrderDate, string Currency,
    Guid PaymentTermId, bool Prepaid, string? CustomerReference, DateOnly? RequestedDelivery, SalesOrderStatus Status,
    decimal Total, decimal Unbilled, decimal Held, IReadOnlyList<OrderLineView> Lines, IReadOnlyList<OrderCheckView> Checks,
    IReadOnlyList<OrderReleaseView> Releases, IReadOnlyList<OrderDeliveryView> Deliveries, PendingOverrideView? PendingOverride = null);

public sealed record OrderListItem(
    Guid Id, string Number, Guid CustomerId, string CustomerCode, string CustomerName, DateOnly OrderDate, string Currency,
    SalesOrderStatus Status, decimal Total, decimal Unbilled, decimal Held);

public sealed record DeliveryToInvoice(
    Guid OrderId, string OrderNumber, Guid DeliveryId, int Sequence, string CustomerCode, string CustomerName, DateOnly DeliveredOn,
    string Currency, decimal Amount);

public sealed class QueryOrdersHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<OrderView> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.CompanyId == company && o.Id == id, ct) ?? throw new NotFoundException("Order", id);
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == order.CustomerId)
            .Select(c => new { c.Code, c.Name }).SingleAsync(ct);
        var checks = await db.SalesOrderChecks.AsNoTracking().Where(c => c.CompanyId == company && c.OrderId == id)
            .OrderBy(c => c.CheckedAt).ToListAsync(ct);
        var releases = await db.SalesOrderReleases.AsNoTracking().Where(r => r.CompanyId == company && r.OrderId == id)
            .OrderBy(r => r.ReleasedAt).ToListAsync(ct);
        var deliveries = await db.SalesOrderDeliveries.AsNoTracking().Include(d => d.Lines).Where(d => d.CompanyId == company && d.OrderId == id)
            .OrderBy(d => d.Sequence).ToListAsync(ct);
        var invoiceIds = deliveries.Where(d => d.InvoiceId is not null).Select(d => d.InvoiceId!.Value).ToList();
        var numbers = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && invoiceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Number, ct);

        var cur = Currency.Of(order.Currency);
        return new OrderView(order.Id, order.Number, order.CustomerId, customer.Code, customer.Name, order.OrderDate, order.Currency,
            order.PaymentTermId, order.Prepaid, order.CustomerReference, order.RequestedDelivery, order.Status,
            cur.ToMajor(order.TotalMinor), cur.ToMajor(order.UnbilledMinor), cur.ToMajor(order.HeldMinor),
            order.Lines.OrderBy(l => l.LineNo).Select(l => new OrderLineView(l.LineNo, l.Description, Plain(l.Quantity), Plain(l.UnitPrice),
                Plain(l.TaxRatePercent), cur.ToMajor(l.NetMinor + l.TaxMinor), Plain(l.ReleasedQuantity), Plain(l.DeliveredQuantity),
                Plain(l.InvoicedQuantity), Plain(l.CancelledQuantity))).ToList(),
            checks.Select(c => new OrderCheckView(c.CheckedAt, c.CheckedBy, Enum.Parse<CreditDecision>(c.Decision), Reasons(c.ReasonsJson, cur),
                cur.ToMajor(c.AmountMinor), cur.ToMajor(c.ExposureAfterMinor), cur.ToMajor(c.ReleasableMinor))).ToList(),
            releases.Select(r => new OrderReleaseView(r.ReleasedAt, r.ReleasedBy, r.Kind, cur.ToMajor(r.AmountMinor), r.Reason)).ToList(),
            deliveries.Select(d => new OrderDeliveryView(d.Id, d.Sequence, d.DeliveredOn, cur.ToMajor(d.AmountMinor),
                d.Lines.OrderBy(l => l.LineNo).Select(l => new OrderQuantityDto(l.LineNo, Plain(l.Quantity))).ToList(),
                d.InvoiceId, d.InvoiceId is { } inv ? numbers.GetValueOrDefault(inv) : null)).ToList(),
            order.PendingOverrideBy is { } by ? new PendingOverrideView(order.PendingOverrideReason!, by, order.PendingOverrideAt!.Value) : null);
    }

    /// <param name="status">One <see cref="SalesOrderStatus"/>, "held" (something still on hold), or empty for all.</param>
    public async Task<Page<OrderListItem>> ListAsync(Guid? customerId, string? status, PageRequest page, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.SalesOrders.AsNoTracking().Where(o => o.CompanyId == company);
        if (customerId is { } c)
        {
            query = query.Where(o => o.CustomerId == c);
        }
        if (string.Equals(status, "held", StringComparison.OrdinalIgnoreCase))
        {
            query = query.Where(o => o.HeldMinor != 0);
        }
        else if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<SalesOrderStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                throw new DomainRuleException("order.status", "status", $"Unknown order status '{status}'.", status);
            }
            query = query.Where(o => o.Status == s);
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(o => o.OrderDate).ThenByDescending(o => o.Number).Skip(page.Skip).Take(page.PageSize)
            .Select(o => new
            {
                o.Id, o.Number, o.CustomerId, o.OrderDate, o.Currency, o.Status, o.TotalMinor, o.UnbilledMinor, o.HeldMinor,
                Customer = db.Customers.Where(x => x.CompanyId == company && x.Id == o.CustomerId).Select(x => new { x.Code, x.Name }).First(),
            }).ToListAsync(ct);
        return new Page<OrderListItem>(rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new OrderListItem(r.Id, r.Number, r.CustomerId, r.Customer.Code, r.Customer.Name, r.OrderDate, r.Currency, r.Status,
                cur.ToMajor(r.TotalMinor), cur.ToMajor(r.UnbilledMinor), cur.ToMajor(r.HeldMinor));
        }).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>Deliveries recorded by someone who may not post, oldest first: the accountant invoices each with one click.</summary>
    public async Task<IReadOnlyList<DeliveryToInvoice>> ToInvoiceAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await db.SalesOrderDeliveries.AsNoTracking().Where(d => d.CompanyId == company && d.InvoicedAt == null)
            .OrderBy(d => d.DeliveredOn).Take(500)
            .Select(d => new
            {
                d.OrderId, d.Id, d.Sequence, d.DeliveredOn, d.AmountMinor,
                Order = db.SalesOrders.Where(o => o.CompanyId == company && o.Id == d.OrderId).Select(o => new { o.Number, o.Currency }).First(),
                Customer = db.Customers.Where(x => x.CompanyId == company && x.Id == d.CustomerId).Select(x => new { x.Code, x.Name }).First(),
            }).ToListAsync(ct);
        return rows.Select(r => new DeliveryToInvoice(r.OrderId, r.Order.Number, r.Id, r.Sequence, r.Customer.Code, r.Customer.Name, r.DeliveredOn,
            r.Order.Currency, Currency.Of(r.Order.Currency).ToMajor(r.AmountMinor))).ToList();
    }

    /// <summary>Without the trailing zeros of the column's scale: 4, not 4.000000.</summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    private static List<CreditReasonView> Reasons(string json, Currency currency) =>
        (JsonSerializer.Deserialize<List<CreditReason>>(json) ?? [])
        .Select(r => new CreditReasonView(r.Code, r.Severity,
            r.Values.Select(v => r.Code.StartsWith("limit.", StringComparison.Ordinal) ? currency.ToMajor(v) : v).ToList()))
        .ToList();
}
