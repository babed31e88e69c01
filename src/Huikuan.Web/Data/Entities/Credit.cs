namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A customer's credit terms (R3): the limit in one currency (none means no limit) and the grade the credit check
/// uses. One row per customer, created when a credit manager first sets something; a customer without a row has
/// no limit and is checked as <see cref="Huikuan.Web.Features.Credit.CreditStandingHandler.UngradedAs"/>.
/// Every change is in the audit trail.
/// </summary>
public sealed class CustomerCredit
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>Null: no limit.</summary>
    public long? LimitMinor { get; set; }

    public required string Currency { get; set; }

    /// <summary>A financial or external rating entered by hand, 0–100 (R2's manual factor); null when none.</summary>
    public int? ManualRating { get; set; }

    /// <summary>Where the manual rating comes from (a rating agency, the customer's accounts) and the day it was given.</summary>
    public string? ManualRatingSource { get; set; }

    public DateOnly? ManualRatingOn { get; set; }

    /// <summary>The grade the last scoring or review set (A–E); null until the customer is first graded.</summary>
    public string? Grade { get; set; }

    /// <summary>When the grade's scheduled re-rating falls due; set by the first grading and by each completed review.</summary>
    public DateOnly? NextReviewOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>
/// How punctually a customer paid over the last 12 months, as the daily credit run last found it (one row per customer,
/// replaced by each run): what the worklist's habitual-late-payer rules read, so that they need not read a year of
/// every customer's items while a collector waits.
/// </summary>
public sealed class CustomerPaymentHabit
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>The business day of the run that found it.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Items that fell due in the 12 months to <see cref="AsOf"/>, and how many of them were paid by their due date.</summary>
    public int ItemsDue { get; set; }
    public int PaidOnTime { get; set; }

    /// <summary>The average days late of the items paid late; null when none was.</summary>
    public decimal? AverageDaysLate { get; set; }
}

/// <summary>
/// A requested change of a customer's limit (R3, R4): requested by one person, approved or rejected by a credit manager
/// who is someone else. Only an approval changes <see cref="CustomerCredit"/> (and the customer's default payment term).
/// </summary>
public sealed class CreditLimitRequest
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>The requested limit; null with <see cref="NoLimit"/> for "no limit".</summary>
    public long? LimitMinor { get; set; }

    public bool NoLimit { get; set; }
    public required string Currency { get; set; }
    public Guid? PaymentTermId { get; set; }
    public required string Reason { get; set; }

    /// <summary>Pending, Approved or Rejected.</summary>
    public required string Status { get; set; }

    public Guid? ReviewId { get; set; }
    public required string RequestedBy { get; set; }
    public Guid? RequestedByUserId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>A company's credit policy for one grade (R3), and how often that grade is re-rated (R4). Missing rows are the defaults.</summary>
public sealed class CreditGradePolicyRow
{
    public Guid CompanyId { get; set; }
    public required string Grade { get; set; }
    public bool PrepaymentOnly { get; set; }
    public int MaxDaysOverdue { get; set; }
    public int WarnDaysOverdue { get; set; }

    /// <summary>The warning threshold as a share of the limit in per mille (900 = 90 %), an integer both databases compare exactly.</summary>
    public int WarnPermilleOfLimit { get; set; }

    public int ReviewMonths { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>The company's score weights (R2), whole points per factor; a company without a row uses the defaults.</summary>
public sealed class CreditScoreWeightsRow
{
    public Guid CompanyId { get; set; }
    public int OnTime { get; set; }
    public int DaysLate { get; set; }
    public int Trend { get; set; }
    public int Disputes { get; set; }
    public int Exposure { get; set; }
    public int Relationship { get; set; }
    public int ManualRating { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A customer's score as of one day (R2), with each factor's points: at most one per customer and day.</summary>
public sealed class CreditScoreSnapshot
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly AsOf { get; set; }
    public int Score { get; set; }
    public required string Grade { get; set; }

    /// <summary>The factors' lines as JSON: [{"factor":"onTime","subScore":..,"weightPercent":..,"points":..}].</summary>
    public required string Lines { get; set; }

    /// <summary>"daily" for the scheduled job, "manual" for a re-score.</summary>
    public required string Trigger { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A review task (R4): opened by the schedule or an event, worked by a credit manager, completed with an outcome.</summary>
public sealed class CreditReview
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>A <see cref="Huikuan.Domain.Credit.ReviewTrigger"/> name.</summary>
    public required string Trigger { get; set; }

    /// <summary>A <see cref="Huikuan.Domain.Credit.ReviewStatus"/> name.</summary>
    public required string Status { get; set; }

    public string? Assignee { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }

    /// <summary>What the scan saw: the days overdue or the exposure and limit, for the person who works the task.</summary>
    public string? Detail { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The grade the review confirmed or set.</summary>
    public string? OutcomeGrade { get; set; }

    public bool GradeChanged { get; set; }
    public Guid? LimitRequestId { get; set; }
    public string? Note { get; set; }
}
