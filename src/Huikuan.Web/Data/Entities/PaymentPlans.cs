using Huikuan.Domain.Collections;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A payment plan (分期还款计划, R18): installments agreed with a customer for (part of) what is overdue, in the customer's
/// currency. Proposed by whoever works the customer, approved by a credit manager who did not propose it, then followed
/// from the receipts (<see cref="PaymentPlans.Evaluate"/>). Never deleted: a mistaken one is cancelled; the audit trail
/// keeps every change with who and when.
/// </summary>
public sealed class PaymentPlan
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public required string Currency { get; set; }

    /// <summary>What the plan covers: the sum of its lines.</summary>
    public long AmountMinor { get; set; }

    /// <summary>The last line's due date: a completed plan is read again until its grace is over (a bounced cheque).</summary>
    public DateOnly LastDueOn { get; set; }
    public PaymentPlanStatus Status { get; set; }

    /// <summary>What the receipts since approval brought towards it when it was last read.</summary>
    public long PaidMinor { get; set; }

    /// <summary>The line (0-based) that broke it.</summary>
    public int? BrokenLine { get; set; }
    public string? Note { get; set; }
    public DateOnly ProposedOn { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public required string ProposedBy { get; set; }
    public Guid? ProposedByUserId { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>The business day it was completed, broken or cancelled.</summary>
    public DateOnly? ResolvedOn { get; set; }
    public string? CancelledBy { get; set; }
    public string? CancelNote { get; set; }

    /// <summary>Raised by every change of status, so that two people approving at once cannot both succeed.</summary>
    public int Version { get; set; }
}

/// <summary>One installment of a plan, in the order of their due dates.</summary>
public sealed class PaymentPlanLineRow
{
    public Guid CompanyId { get; set; }
    public Guid PlanId { get; set; }
    public int LineNo { get; set; }
    public DateOnly DueOn { get; set; }
    public long AmountMinor { get; set; }
    public long PaidMinor { get; set; }
}

/// <summary>An overdue item a running plan covers, and how much of it: dunning leaves that much alone while the plan runs.</summary>
public sealed class PaymentPlanItem
{
    public Guid CompanyId { get; set; }
    public Guid PlanId { get; set; }
    public Guid InstallmentId { get; set; }
    public Guid CustomerId { get; set; }
    public long CoveredMinor { get; set; }
}
