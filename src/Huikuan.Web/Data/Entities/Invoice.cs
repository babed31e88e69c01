using Huikuan.Domain.Ledger;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A posted invoice or credit note. Posted documents are never edited: an invoice is reversed by a
/// credit note that points at it (<see cref="ReversalOfId"/>, 红冲) and is applied to every installment.
/// </summary>
public sealed class Invoice
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Number { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public required string Currency { get; set; }
    public long NetMinor { get; set; }
    public long TaxMinor { get; set; }
    public long TotalMinor { get; set; }

    /// <summary>Credit notes only: the part not yet applied to installments (kept for speed; checked against history).</summary>
    public long UnappliedMinor { get; set; }

    public Guid? PaymentTermId { get; set; }
    public string? FapiaoNumber { get; set; }
    public string? Reference { get; set; }
    public string? Note { get; set; }
    public Guid? ReversalOfId { get; set; }

    /// <summary>The contract the invoice was raised from: its clauses (late interest, early-payment discount) apply.</summary>
    public Guid? ContractId { get; set; }
    /// <summary>The sales order whose delivery this invoice bills, if any.</summary>
    public Guid? SalesOrderId { get; set; }

    public DateTimeOffset PostedAt { get; set; }
    public required string PostedBy { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
    public List<Installment> Installments { get; set; } = [];
}

public sealed class InvoiceLine
{
    public Guid CompanyId { get; set; }
    public Guid InvoiceId { get; set; }
    public int LineNo { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal TaxRatePercent { get; set; }
    public long NetMinor { get; set; }
    public long TaxMinor { get; set; }
}

/// <summary>
/// One due date of an invoice. <see cref="OpenMinor"/> and <see cref="LastAppliedOn"/> are caches of
/// the allocation history, kept so that aging reads only open items; the check command recomputes them.
/// Customer, dates and currency are copied from the invoice so that aging needs no join.
/// </summary>
public sealed class Installment
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid InvoiceId { get; set; }
    public Guid CustomerId { get; set; }
    public int Sequence { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public DateOnly DueDate { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }
    public long OpenMinor { get; set; }
    public DateOnly? LastAppliedOn { get; set; }
}
