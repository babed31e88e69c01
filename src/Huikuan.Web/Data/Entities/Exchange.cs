namespace Huikuan.Web.Data.Entities;

/// <summary>
/// One line of the company's rate table: on <see cref="Day"/>, one unit of <see cref="Currency"/> is worth
/// <see cref="RateScaled"/> × 10⁻⁸ units of the company's currency. The rate for a date is the latest on or before it.
/// A rate is never changed; a correction is a rate of a later day.
/// </summary>
public sealed class ExchangeRate
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Currency { get; set; }
    public DateOnly Day { get; set; }
    public long RateScaled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// The realised exchange difference (汇兑损益) of one cross-currency allocation, in the company's currency: what the
/// money received was worth at the table rate of its day less what the invoice it paid was booked at (positive: a
/// gain). Undoing the allocation adds the negated row.
/// </summary>
public sealed class ExchangeDifference
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid AllocationId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? ReceiptId { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }
    public DateOnly On { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ExchangeApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A cross-currency allocation at a rate further from the table's than the company's tolerance: it waits here and is
/// applied only when someone other than the requester approves it.
/// </summary>
public sealed class ExchangeApproval
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid InstallmentId { get; set; }
    public Guid? ReceiptId { get; set; }
    public Guid? CreditNoteId { get; set; }
    public long AmountMinor { get; set; }
    public long SourceAmountMinor { get; set; }
    public long RateScaled { get; set; }
    public long TableRateScaled { get; set; }
    public DateOnly AppliedOn { get; set; }
    public ExchangeApprovalStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>Why it was rejected: required then, so the one who asked can see it.</summary>
    public string? RejectionReason { get; set; }
    public Guid? AllocationId { get; set; }
}
