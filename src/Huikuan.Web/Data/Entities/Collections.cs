using Huikuan.Domain.Collections;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A customer's promise to pay an amount by a day (R16), recorded by whoever spoke to them. Its status is read from the
/// receipts (<see cref="PromiseToPay.Evaluate"/>) and stored when the credit scan resolves it; a broken promise opens a
/// credit review. Never deleted: a mistaken one is cancelled.
/// </summary>
public sealed class PaymentPromise
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }
    public DateOnly MadeOn { get; set; }
    public DateOnly PromisedOn { get; set; }
    public string? Note { get; set; }
    public PromiseStatus Status { get; set; }
    public long PaidMinor { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A call, visit, e-mail, SMS, letter or note about a customer (R15), with what came of it and the next step. Never
/// changed or deleted: a mistaken entry is corrected by a later one.
/// </summary>
public sealed class CollectionActivity
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public ContactKind Kind { get; set; }

    /// <summary>What came of it; none for a note.</summary>
    public ContactOutcome? Outcome { get; set; }
    public string? Note { get; set; }

    /// <summary>What to do next ("call the finance manager", "send the delivery note") and by which day.</summary>
    public string? NextStep { get; set; }
    public DateOnly? NextStepOn { get; set; }

    /// <summary>The business day it happened on (today unless logged afterwards; never in the future).</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The promise made in this contact, when one was.</summary>
    public Guid? PromiseId { get; set; }

    /// <summary>The user who logged it (the collector whose contacts these are), and the audit name.</summary>
    public Guid? UserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// One rule of the worklist's score (R14): when it holds for a customer it adds its points, and it is named as a reason.
/// Of the rules of one kind, only the one with the most points counts (bands: overdue ≥ 10,000 and ≥ 100,000).
/// </summary>
public sealed class WorklistRule
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public WorklistRuleKind Kind { get; set; }

    /// <summary>The rule's day threshold or window, for the kinds that have one.</summary>
    public int? Days { get; set; }

    /// <summary>The rule's amount threshold in the company's currency, minor units, for the kinds that have one.</summary>
    public long? AmountMinor { get; set; }
    public int Points { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A customer set aside from the worklist until a day (inclusive); woken early by ending it.</summary>
public sealed class WorklistSnooze
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly Until { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }
}

/// <summary>
/// Which collector works which customers when none is named on the customer: by salesperson, region or the overdue
/// amount's band (from this much, in the company's currency). The most specific rule that fits wins, then the lowest
/// order number.
/// </summary>
public sealed class CollectorAssignment
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CollectorId { get; set; }
    public Guid? SalespersonId { get; set; }
    public string? Region { get; set; }
    public long? OverdueFromMinor { get; set; }
    public int Order { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
