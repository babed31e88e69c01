using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Delivery;

public sealed record OutboxAttachmentView(int Sequence, string FileName, string ContentType, long Bytes);

public sealed record OutboxMessageView(
    Guid Id, string Key, string Channel, Guid? CustomerId, string? CustomerName, string To, string? Subject, string Status, int Attempts,
    DateTimeOffset NextAttemptAt, string? LastError, string? LastErrorCode, int Interruptions, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SentAt, int AttachmentCount);

public sealed record OutboxMessageDetail(OutboxMessageView Message, string Body, IReadOnlyList<OutboxAttachmentView> Attachments);

/// <summary>How many messages stand in each status, for the counts above the list.</summary>
public sealed record OutboxCounts(int Pending, int Sending, int Sent, int Failed);

public sealed record OutboxList(OutboxCounts Counts, Page<OutboxMessageView> Messages);

/// <summary>
/// The outbox as the people who run dunning see it: every e-mail and SMS with its delivery status, attempts and last
/// error, newest first, filtered by status, channel, customer or recipient; and a retry for a message the sender gave up
/// on (the mail server was down too long, or refused it), which puts it back in the queue at once and is recorded in
/// the audit trail.
/// </summary>
public sealed class OutboxMessagesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, OutboxSignal signal)
{
    public async Task<OutboxList> ListAsync(string? status, string? channel, Guid? customerId, string? search, PageRequest paging, CancellationToken ct)
    {
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        var query = db.Outbox.AsNoTracking().Where(m => m.CompanyId == company);
        if (status is { Length: > 0 })
        {
            var s = Parse<OutboxStatus>(status, "status");
            query = query.Where(m => m.Status == s);
        }
        if (channel is { Length: > 0 })
        {
            var c = Parse<MessageChannel>(channel, "channel");
            query = query.Where(m => m.Channel == c);
        }
        if (customerId is { } customer)
        {
            query = query.Where(m => m.CustomerId == customer);
        }
        if (search?.Trim() is { Length: > 0 } term)
        {
            query = query.Where(m => m.To.Contains(term) || (m.Subject != null && m.Subject.Contains(term)));
        }
        var counts = await db.Outbox.AsNoTracking().Where(m => m.CompanyId == company).GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Status, x => x.Count, ct);
        var total = await query.LongCountAsync(ct);
        var rows = await (
            from m in query
            join k in db.Customers on new { m.CompanyId, Id = m.CustomerId ?? Guid.Empty } equals new { k.CompanyId, k.Id } into customers
            from k in customers.DefaultIfEmpty()
            orderby m.CreatedAt descending, m.Id descending
            select new { M = m, CustomerName = k == null ? null : k.Name, Attachments = m.Attachments.Count })
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new OutboxList(
            new OutboxCounts(counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sending),
                counts.GetValueOrDefault(OutboxStatus.Sent), counts.GetValueOrDefault(OutboxStatus.Failed)),
            new Page<OutboxMessageView>([.. rows.Select(r => View(r.M, r.CustomerName, r.Attachments))], paging.Page, paging.PageSize, total));
    }

    public async Task<OutboxMessageDetail> GetAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        var m = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == id, ct)
            ?? throw new NotFoundException("OutboxMessage", id);
        var attachments = await db.Set<OutboxAttachment>().AsNoTracking().Where(a => a.CompanyId == company && a.MessageId == id)
            .OrderBy(a => a.Sequence).Select(a => new OutboxAttachmentView(a.Sequence, a.FileName, a.ContentType, a.Content.Length)).ToListAsync(ct);
        var name = m.CustomerId is { } c
            ? await db.Customers.AsNoTracking().Where(k => k.CompanyId == company && k.Id == c).Select(k => k.Name).SingleOrDefaultAsync(ct)
            : null;
        return new OutboxMessageDetail(View(m, name, attachments.Count), m.Body, attachments);
    }

    /// <summary>Puts a failed message back in the queue, due now; its attempts so far are kept.</summary>
    public async Task<OutboxMessageDetail> RetryAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        var now = clock.Now;
        await Transactions.RunAsync(db, async c =>
        {
            var message = await db.Outbox.AsNoTracking().Where(m => m.CompanyId == company && m.Id == id)
                .Select(m => new { m.Status, m.Attempts, m.LastError }).SingleOrDefaultAsync(c) ?? throw new NotFoundException("OutboxMessage", id);
            // Conditional, so a retry racing another retry (or the sender) changes the row once.
            var changed = await db.Outbox.Where(m => m.CompanyId == company && m.Id == id && m.Status == OutboxStatus.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now), c);
            if (changed == 0)
            {
                throw new ConflictException("outbox.notFailed", $"Only a failed message can be retried; this one is {message.Status.ToString().ToLowerInvariant()}.",
                    message.Status.ToString());
            }
            AuditLog.Event(db, scope, clock, company, "outbox.retried", nameof(OutboxMessage), id.ToString(),
                new { message.Attempts, message.LastError });
            await db.SaveChangesAsync(c);
            return changed;
        }, ct);
        signal.Notify();
        return await GetAsync(id, ct);
    }

    private static T Parse<T>(string value, string field) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new DomainRuleException("outbox.filter", field, $"Unknown {field} '{value}'.", field, value);

    private static OutboxMessageView View(OutboxMessage m, string? customerName, int attachments)
    {
        var (code, error) = Huikuan.Web.Infrastructure.Messaging.DeliveryException.Parse(m.LastError);
        return new(m.Id, m.Key, m.Channel.ToString(), m.CustomerId, customerName, m.To, m.Subject, m.Status.ToString(), m.Attempts, m.NextAttemptAt,
            error, code, m.Interruptions, m.CreatedAt, m.CreatedBy, m.SentAt, attachments);
    }
}
