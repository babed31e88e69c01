namespace Huikuan.Web.Data.Entities;

public enum ChargeKind
{
    /// <summary>Late interest on one overdue item, accrued up to <see cref="DunningCharge.Through"/>.</summary>
    Interest,

    /// <summary>The fee of the dunning level whose letter raised it.</summary>
    Fee,
}

/// <summary>
/// Interest or a fee charged to a customer by a dunning letter (R7): a balance of its own beside the principal, so a
/// payment of the invoice takes nothing off it. Never changed once written; <see cref="ChargeWaiver"/>s take it down.
/// </summary>
public sealed class DunningCharge
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public ChargeKind Kind { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }

    /// <summary>The communication (letter) that charged it.</summary>
    public Guid CommunicationId { get; set; }

    public string? LevelCode { get; set; }

    /// <summary>The item the interest runs on; none for a fee.</summary>
    public Guid? InstallmentId { get; set; }

    public Guid? InvoiceId { get; set; }
    public string? InvoiceNumber { get; set; }

    /// <summary>For interest: the first day that bore interest, and the day it was accrued to.</summary>
    public DateOnly? From { get; set; }

    public DateOnly? Through { get; set; }
    /// <summary>For interest: the clause's rate, per day or per year (one of the two).</summary>
    public decimal? DailyRatePercent { get; set; }
    public decimal? YearlyRatePercent { get; set; }
    public DateOnly ChargedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum WaiverStatus
{
    Requested,
    Approved,
    Rejected,
}

/// <summary>
/// A request to waive part or all of a charge, and its decision by someone else. Only an approved waiver takes the
/// charge's balance down; the request, who made it and why, and who decided and when stay on record.
/// </summary>
public sealed class ChargeWaiver
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid ChargeId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }
    public required string Reason { get; set; }
    public WaiverStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
}
