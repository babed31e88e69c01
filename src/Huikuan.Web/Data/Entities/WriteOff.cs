using Huikuan.Domain.Ledger;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A request to write off (坏账核销) part or all of an installment, with its reason, and what became of it: one or two
/// approvals by others, or a rejection, and later perhaps its reversal (坏账核销冲回). Only an approved request touches the
/// ledger, through a write-off allocation; its reversal is the counter-entry of that allocation. Nothing is deleted.
/// </summary>
public sealed class WriteOffRequest
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid InvoiceId { get; set; }
    public Guid InstallmentId { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }
    public required string Reason { get; set; }

    /// <summary>The day the write-off is booked on when approved; none: the day of the last approval.</summary>
    public DateOnly? BookOn { get; set; }

    public WriteOffStatus Status { get; set; }

    /// <summary>1 within the company's band, 2 above it; fixed when asked for.</summary>
    public int ApprovalsNeeded { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset? FirstApprovedAt { get; set; }
    public string? FirstApprovedBy { get; set; }

    /// <summary>The last approval, or the rejection.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    public Guid? AllocationId { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }
    public string? ReversedBy { get; set; }
    public string? ReversalReason { get; set; }
    public Guid? ReversalAllocationId { get; set; }

    /// <summary>Bumped by every step; two steps saved at the same moment cannot both count.</summary>
    public int Version { get; set; }
}
