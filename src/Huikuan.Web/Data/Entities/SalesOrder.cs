using Huikuan.Domain.Orders;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A sales order. Each line carries what was ordered, released by the credit check or a credit manager,
/// delivered and invoiced; <see cref="UnbilledMinor"/> is the value of the released but not yet invoiced
/// quantities, kept with every change so that the credit exposure reads one column.
/// </summary>
public sealed class SalesOrder
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly OrderDate { get; set; }
    public required string Currency { get; set; }
    public Guid PaymentTermId { get; set; }

    /// <summary>款到发货: paid before delivery, so the credit check always passes.</summary>
    public bool Prepaid { get; set; }

    public string? CustomerReference { get; set; }
    public DateOnly? RequestedDelivery { get; set; }
    public SalesOrderStatus Status { get; set; }
    public long TotalMinor { get; set; }
    public long UnbilledMinor { get; set; }

    /// <summary>The value still held by the credit check: neither released nor cancelled (0 for drafts and cancelled orders).</summary>
    public long HeldMinor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>An override above the company's amount, asked for and waiting for a second credit manager (null: none).</summary>
    public string? PendingOverrideReason { get; set; }

    public string? PendingOverrideBy { get; set; }
    public Guid? PendingOverrideByUserId { get; set; }
    public DateTimeOffset? PendingOverrideAt { get; set; }

    /// <summary>Raised with every change: two people releasing or delivering the same order at once cannot both win.</summary>
    public int Version { get; set; }

    public List<SalesOrderLine> Lines { get; set; } = [];
}

public sealed class SalesOrderLine
{
    public Guid CompanyId { get; set; }
    public Guid OrderId { get; set; }
    public int LineNo { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal TaxRatePercent { get; set; }
    public long NetMinor { get; set; }
    public long TaxMinor { get; set; }
    public decimal ReleasedQuantity { get; set; }
    public decimal DeliveredQuantity { get; set; }
    public decimal InvoicedQuantity { get; set; }
    public decimal CancelledQuantity { get; set; }
}

/// <summary>One run of the credit check on an order: its decision, the reasons with their values (JSON), the exposure after the order and what could be released.</summary>
public sealed class SalesOrderCheck
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public required string CheckedBy { get; set; }
    public required string Decision { get; set; }
    public required string ReasonsJson { get; set; }
    public long AmountMinor { get; set; }
    public long ExposureAfterMinor { get; set; }
    public long ReleasableMinor { get; set; }
}

/// <summary>A credit manager's release of a held order: part of it (限量供货, the quantities in JSON) or all of it by override, with the reason.</summary>
public sealed class SalesOrderRelease
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset ReleasedAt { get; set; }
    public required string ReleasedBy { get; set; }
    public long AmountMinor { get; set; }
    public required string QuantitiesJson { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A delivery of released quantities; invoiced at once when the user may post, else listed to invoice.</summary>
public sealed class SalesOrderDelivery
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid CustomerId { get; set; }
    public int Sequence { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public long AmountMinor { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    /// <summary>Set in the same transaction as the invoice is issued; a concurrency token, so a delivery is invoiced once.</summary>
    public DateTimeOffset? InvoicedAt { get; set; }

    public Guid? InvoiceId { get; set; }
    public List<SalesOrderDeliveryLine> Lines { get; set; } = [];
}

public sealed class SalesOrderDeliveryLine
{
    public Guid CompanyId { get; set; }
    public Guid DeliveryId { get; set; }
    public int LineNo { get; set; }
    public decimal Quantity { get; set; }
}
