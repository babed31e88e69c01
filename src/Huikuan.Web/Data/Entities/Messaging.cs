namespace Huikuan.Web.Data.Entities;

public enum MessageChannel
{
    Email,
    Sms,
}

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt (<see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Claimed by a sender that is delivering it now; back to pending if that sender died.</summary>
    Sending,
    Sent,
    /// <summary>Given up after the last attempt, or refused for good by the server; a person may retry it.</summary>
    Failed,
}

/// <summary>
/// A message to deliver, written in the same transaction as the business change that causes it (a dunning letter, a
/// payment notice): if that change commits, the message will be sent; if it rolls back, there is none. The
/// <see cref="Key"/> is unique per company, so whatever causes a message twice (a re-run) enqueues it once.
/// </summary>
public sealed class OutboxMessage
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Key { get; set; }
    public MessageChannel Channel { get; set; }
    public Guid? CustomerId { get; set; }
    public required string To { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public string? HtmlBody { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// How often a sender stopped (crashed, was killed) while delivering this message. Such a message is delivered again;
    /// if the server had accepted it in the instant before the stop, the customer gets a second copy with the same Message-ID.
    /// </summary>
    public int Interruptions { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public List<OutboxAttachment> Attachments { get; set; } = [];
}

/// <summary>A file sent with an e-mail (a PDF letter).</summary>
public sealed class OutboxAttachment
{
    public Guid CompanyId { get; set; }
    public Guid MessageId { get; set; }
    public int Sequence { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
