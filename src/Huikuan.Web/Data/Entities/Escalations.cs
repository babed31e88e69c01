using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// An escalation case (R13): a management escalation, or an agency or legal case, for one customer, with its owner,
/// status and the amounts claimed and recovered (minor units, cached from the <see cref="EscalationEvent"/>s that
/// record each change, who made it and when).
/// </summary>
public sealed class EscalationCase
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid CustomerId { get; set; }
    public EscalationKind Kind { get; set; }
    public EscalationStatus Status { get; set; }

    /// <summary>The user (e-mail) who works the case; none until someone takes it.</summary>
    public string? Owner { get; set; }

    public Role Responsible { get; set; }
    public required string Currency { get; set; }
    public long ClaimedMinor { get; set; }
    public long RecoveredMinor { get; set; }

    /// <summary>The agency or law firm, and its reference (case number, court docket).</summary>
    public string? Agent { get; set; }

    public string? ExternalReference { get; set; }

    /// <summary>The dunning communication whose level opened it; none for a case opened by hand.</summary>
    public Guid? CommunicationId { get; set; }

    public string? LevelCode { get; set; }

    /// <summary>The earlier case this one continues (a management escalation passed on to a lawyer).</summary>
    public Guid? PreviousCaseId { get; set; }

    public DateOnly OpenedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum EscalationEventKind
{
    Opened,
    Status,
    Owner,
    Note,
    Claimed,
    Recovered,
    Document,
}

/// <summary>What happened to a case, by whom and when; never changed. Amounts are the change (recoveries may be negative).</summary>
public sealed class EscalationEvent
{
    public Guid CompanyId { get; set; }
    public Guid CaseId { get; set; }
    public Guid Id { get; set; }
    public EscalationEventKind Kind { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public long? AmountMinor { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

/// <summary>A file of a case (the agency's contract, a lawyer's letter, a judgment), in a table of its own so lists never read the bytes.</summary>
public sealed class EscalationDocument
{
    public Guid CompanyId { get; set; }
    public Guid CaseId { get; set; }
    public Guid Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
