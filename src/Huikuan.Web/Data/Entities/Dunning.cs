using Huikuan.Domain.Access;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A company's dunning policy (R10–R11): the settings here and its ordered <see cref="DunningLevelRow"/>s. A company
/// without a row uses the seeds' default policy in its own currency.
/// </summary>
public sealed class DunningSettings
{
    public Guid CompanyId { get; set; }
    public required string Currency { get; set; }

    /// <summary>
    /// The late interest charged on items whose invoice carries no contract clause, as a daily or a yearly rate (at most
    /// one is set); neither charges none.
    /// </summary>
    public decimal? InterestDailyRatePercent { get; set; }
    public decimal? InterestYearlyRatePercent { get; set; }
    public int InterestGraceDays { get; set; }

    /// <summary>Days from a dunning message to the pay-by date it names.</summary>
    public int PayByDays { get; set; }
    public string? PaymentInstructions { get; set; }

    /// <summary>Days before due that reminders go out, comma separated ("7,1").</summary>
    public required string ReminderDaysBefore { get; set; }
    public bool PaymentNotices { get; set; }
    public bool Reminders { get; set; }

    /// <summary>Days from one level to the next (the pace); null for the default.</summary>
    public int? DaysBetweenLevels { get; set; }

    /// <summary>Send the level the oldest item's age calls for at once, instead of one level per run.</summary>
    public bool StraightToAgeLevel { get; set; }

    /// <summary>The first level whose sends a person confirms above <see cref="ConfirmAboveCustomers"/>; null for the default.</summary>
    public int? ConfirmFromLevel { get; set; }
    public int? ConfirmAboveCustomers { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>One level of the company's policy; <see cref="Number"/> is its 1-based position.</summary>
public sealed class DunningLevelRow
{
    public Guid CompanyId { get; set; }
    public int Number { get; set; }
    public required string Code { get; set; }
    public int MinDaysOverdue { get; set; }
    public long MinOverdueMinor { get; set; }

    /// <summary>Credit grades the level applies to, comma separated; empty for every grade.</summary>
    public required string Grades { get; set; }

    /// <summary><see cref="Huikuan.Domain.Dunning.DunningChannel"/> flags.</summary>
    public int Channels { get; set; }
    public long FeeMinor { get; set; }
    public bool PutsOnCreditHold { get; set; }
    public Role Responsible { get; set; }

    /// <summary>Reaching the level opens an escalation case of this kind (Management, Agency, Legal); null opens none.</summary>
    public string? Escalation { get; set; }
}

/// <summary>
/// What a message says, per purpose ("notice", "reminder", "level:&lt;code&gt;") and language (zh-CN, en), with merge
/// fields. Missing rows fall back to <see cref="Huikuan.Domain.Templates.DefaultTemplates"/>.
/// </summary>
public sealed class MessageTemplateRow
{
    public Guid CompanyId { get; set; }
    public required string Purpose { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string Sms { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

public enum DunningRunTrigger
{
    OnDemand,
    Scheduled,
}

/// <summary>One execution of the dunning run for a day, with what it did. Previews are not stored.</summary>
public sealed class DunningRun
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public DateOnly RunDay { get; set; }
    public DunningRunTrigger Trigger { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string StartedBy { get; set; }
    public int Considered { get; set; }
    public int Sent { get; set; }
    public int Lowered { get; set; }
    public int Skipped { get; set; }
    public int AlreadyDone { get; set; }
    public int Messages { get; set; }
    public int Letters { get; set; }
    public int Tasks { get; set; }
    public int Failed { get; set; }

    /// <summary>Pre-due reminders the run sent before dunning (R10).</summary>
    public int Reminders { get; set; }

    public string? Error { get; set; }
}

public enum DunningOutcomeKind
{
    Sent,
    Lowered,

    /// <summary>A payment notice when an invoice was issued (no run).</summary>
    Notice,

    /// <summary>A reminder some days before items fall due.</summary>
    Reminder,
}

/// <summary>
/// A level reached by a customer on a day (sent), or a payment bringing them down (lowered): the customer's dunning
/// history. <see cref="Key"/> is unique per company (one per customer, level and day), so a re-run adds nothing.
/// </summary>
public sealed class DunningCommunication
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }

    /// <summary>The run that wrote it; none for a payment notice, which goes out when the invoice is issued.</summary>
    public Guid? RunId { get; set; }

    public Guid CustomerId { get; set; }
    public DateOnly RunDay { get; set; }
    public required string Key { get; set; }
    public DunningOutcomeKind Outcome { get; set; }
    public int Level { get; set; }
    public string? LevelCode { get; set; }
    public int Channels { get; set; }
    public required string Currency { get; set; }
    public long OverdueMinor { get; set; }
    public long InterestMinor { get; set; }
    public long FeeMinor { get; set; }
    public int OldestDaysOverdue { get; set; }
    public int ItemCount { get; set; }
    public DateOnly? PayBy { get; set; }
    public required string Language { get; set; }
    public string? Recipient { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public bool HasLetter { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>An item a communication covered, as it stood that day.</summary>
public sealed class DunningCommunicationItem
{
    public Guid CompanyId { get; set; }
    public Guid CommunicationId { get; set; }
    public Guid InstallmentId { get; set; }
    public Guid InvoiceId { get; set; }
    public required string InvoiceNumber { get; set; }
    public required string Currency { get; set; }
    public DateOnly DueDate { get; set; }
    public long OpenMinor { get; set; }
    public int DaysOverdue { get; set; }
}

/// <summary>The PDF letter of a communication, in a table of its own so that lists never read the bytes.</summary>
public sealed class DunningLetter
{
    public Guid CompanyId { get; set; }
    public Guid CommunicationId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>Where a customer stands in dunning: the level last reached and whether it holds their deliveries.</summary>
public sealed class CustomerDunningState
{
    public Guid CompanyId { get; set; }
    public Guid CustomerId { get; set; }
    public int Level { get; set; }
    public string? LevelCode { get; set; }
    public DateOnly ReachedOn { get; set; }
    public bool CreditHold { get; set; }
    public Guid? LastCommunicationId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A manual block (R12): a whole customer, or one invoice, left out of dunning until released or until a day. Kept
/// after release, so the history says who blocked and who released.
/// </summary>
public sealed class DunningBlock
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? InvoiceId { get; set; }
    public required string Reason { get; set; }
    public DateOnly BlockedOn { get; set; }
    public DateOnly? Until { get; set; }
    public required string BlockedBy { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleasedBy { get; set; }
}

public enum CollectionTaskKind
{
    Phone,
    Visit,
}

public enum CollectionTaskStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>A call or a visit a dunning level asks a person to make, for the role the level names.</summary>
public sealed class CollectionTask
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? CommunicationId { get; set; }
    public CollectionTaskKind Kind { get; set; }
    public Role Responsible { get; set; }
    public DateOnly DueOn { get; set; }
    public CollectionTaskStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}
