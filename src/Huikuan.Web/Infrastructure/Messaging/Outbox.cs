using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Infrastructure.Messaging;

/// <summary>What a use case wants sent. <see cref="Key"/> makes it once-only: the same key is never enqueued twice.</summary>
public sealed record OutgoingMessage(
    string Key, MessageChannel Channel, string To, string? Subject, string Body, string? HtmlBody = null, Guid? CustomerId = null,
    IReadOnlyList<OutgoingAttachment>? Attachments = null);

public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Puts messages in the outbox as part of the caller's unit of work: they are saved by the caller's one
/// SaveChanges, with the change that caused them. The sender (<see cref="OutboxSender"/>) picks them up afterwards.
/// </summary>
public sealed class Outbox(HuikuanDbContext db, Scope scope, BusinessClock clock, OutboxSignal signal)
{
    public const int MaxAttachmentBytes = 10 * 1024 * 1024;

    /// <summary>Adds the message unless its key is already in the outbox; returns whether it was added.</summary>
    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var company = scope.CompanyId;
        if (await db.Outbox.AnyAsync(m => m.CompanyId == company && m.Key == message.Key, ct)
            || db.Outbox.Local.Any(m => m.CompanyId == company && m.Key == message.Key))
        {
            return false;
        }
        if (message.Attachments?.Sum(a => (long)a.Content.Length) > MaxAttachmentBytes)
        {
            throw new InvalidOperationException($"The attachments of '{message.Key}' exceed {MaxAttachmentBytes} bytes.");
        }
        var now = clock.Now;
        var id = Ids.New();
        db.Outbox.Add(new OutboxMessage
        {
            CompanyId = company, Id = id, Key = message.Key, Channel = message.Channel, CustomerId = message.CustomerId,
            To = message.To, Subject = message.Subject, Body = message.Body, HtmlBody = message.HtmlBody,
            Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now, CreatedBy = scope.Actor,
            Attachments = (message.Attachments ?? []).Select((a, i) => new OutboxAttachment
            {
                CompanyId = company, MessageId = id, Sequence = i + 1, FileName = a.FileName, ContentType = a.ContentType, Content = a.Content,
            }).ToList(),
        });
        signal.Notify();
        return true;
    }
}

/// <summary>Wakes the sender when something was enqueued, so a message does not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another enqueue woke the sender already.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);

    public void Dispose() => _semaphore.Dispose();
}
