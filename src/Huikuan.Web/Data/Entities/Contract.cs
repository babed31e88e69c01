using Huikuan.Domain.Contracts;

namespace Huikuan.Web.Data.Entities;

public enum ContractStatus
{
    Draft,
    Active,
    Completed,
    Cancelled,
}

/// <summary>How a reached stage is billed: an invoice at once, or a billing request that an accountant turns into one.</summary>
public enum BillingMode
{
    Invoice,
    Request,
}

/// <summary>
/// A sales contract (R6–R8): its total, payment stages and the clauses the ledger honours. Invoices raised from it
/// carry <see cref="Invoice.ContractId"/>, so receipts and the customer's balance find the clauses.
/// </summary>
public sealed class Contract
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid CustomerId { get; set; }
    public required string Title { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string Currency { get; set; }
    public long TotalMinor { get; set; }
    public Guid? PaymentTermId { get; set; }
    public ContractStatus Status { get; set; }
    public BillingMode BillingMode { get; set; }

    /// <summary>
    /// Late interest (违约金): a daily or a yearly rate in percent (at most one is set) and grace days; both null when the
    /// contract has none.
    /// </summary>
    public decimal? InterestDailyRatePercent { get; set; }
    public decimal? InterestYearlyRatePercent { get; set; }
    public int? InterestGraceDays { get; set; }

    /// <summary>Early-payment discount such as 2/10 net 30; null when none.</summary>
    public decimal? DiscountPercent { get; set; }
    public int? DiscountDays { get; set; }
    public int? DiscountNetDays { get; set; }

    /// <summary>The accepted payment methods, comma-separated <see cref="Huikuan.Domain.Ledger.ReceiptMethod"/> names; empty: any.</summary>
    public required string AcceptedMethods { get; set; }

    /// <summary>质保金: the warranty period after acceptance before the retention stage falls due.</summary>
    public int? WarrantyMonths { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<ContractStage> Stages { get; set; } = [];
}

/// <summary>
/// One payment stage. Reached (date, who, evidence) and not yet invoiced, it is a billing request and counts in the
/// customer's exposure; <see cref="InvoiceId"/> is set once, in the transaction that issues its invoice.
/// </summary>
public sealed class ContractStage
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public Guid CustomerId { get; set; }
    public int Sequence { get; set; }
    public StageKind Kind { get; set; }
    public required string Name { get; set; }
    public decimal? Percent { get; set; }
    public long AmountMinor { get; set; }
    public int DueDays { get; set; }
    public DateOnly? ReachedOn { get; set; }
    public string? ReachedBy { get; set; }
    public string? Evidence { get; set; }
    public Guid? InvoiceId { get; set; }
}
