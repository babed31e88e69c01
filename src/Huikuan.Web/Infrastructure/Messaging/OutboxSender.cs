using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huikuan.Web.Infrastructure.Messaging;

/// <summary>Configuration section "Outbox".</summary>
public sealed class OutboxOptions
{
    /// <summary>Null: send when a channel is configured. False stops the background sender (tests, a second instance).</summary>
    public bool? Enabled { get; set; }

    public int PollSeconds { get; set; } = 10;
    public int MaxAttempts { get; set; } = 12;
    public int FirstRetrySeconds { get; set; } = 30;
    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>A claim older than this belongs to a sender that died; the message is delivered again.</summary>
    public int ClaimTimeoutSeconds { get; set; } = 300;

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>What one pass of the sender did.</summary>
public sealed record OutboxPass(int Sent, int Retrying, int Failed, int Recovered);

/// <summary>
/// Delivers what is due in the outbox, one message at a time, for every company. A message is first claimed (a
/// conditional UPDATE from pending to sending), so two senders never deliver the same message; then it is delivered,
/// then marked sent. A failure puts it back with a doubling delay (30 s, 1 min, 2 min, … up to an hour) until
/// <see cref="OutboxOptions.MaxAttempts"/>; a permanent refusal marks it failed at once.
/// </summary>
/// <remarks>
/// A sender that dies while delivering leaves its claim behind; after <see cref="OutboxOptions.ClaimTimeoutSeconds"/>
/// (and at every start) that one message is delivered again and its <see cref="OutboxMessage.Interruptions"/> counted.
/// Nothing is lost. SMTP gives no way to ask a server whether it took a message, so exactly-once is not possible
/// without the server's help: if the sender died in the instant between the server's "250 OK" and our commit, the
/// customer gets that one message twice, with the same Message-ID (mail clients show it once). Every other message
/// goes out once: a message is marked sent before the next is claimed, and a repeat enqueue is refused by its key.
/// </remarks>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxSender> log)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Claims left by a sender that is gone (at start: every claim, as this process is the only sender that was running).</summary>
    public async Task<int> RecoverClaimsAsync(bool all, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<BusinessClock>().Now;
        var before = all ? DateTimeOffset.MaxValue : now.AddSeconds(-_options.ClaimTimeoutSeconds);
        var stale = await db.Outbox.Where(m => m.Status == OutboxStatus.Sending).Select(m => new { m.CompanyId, m.Id, m.ClaimedAt }).ToListAsync(ct);
        var recovered = 0;
        foreach (var m in stale.Where(m => m.ClaimedAt is null || m.ClaimedAt < before))
        {
            recovered += await db.Outbox.Where(x => x.CompanyId == m.CompanyId && x.Id == m.Id && x.Status == OutboxStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, OutboxStatus.Pending).SetProperty(x => x.NextAttemptAt, now)
                    .SetProperty(x => x.Interruptions, x => x.Interruptions + 1)
                    .SetProperty(x => x.LastError, DeliveryException.Stored("delivery.interrupted", "Delivery was interrupted; sending again.")), ct);
        }
        if (recovered > 0)
        {
            log.LogWarning("{Count} outbox messages were being sent when their sender stopped; they are sent again", recovered);
        }
        return recovered;
    }

    /// <summary>Delivers everything due now (up to <paramref name="max"/> messages) and reports what happened.</summary>
    public async Task<OutboxPass> SendDueAsync(CancellationToken ct, int max = 500)
    {
        var recovered = await RecoverClaimsAsync(all: false, ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        var transports = scope.ServiceProvider.GetServices<IMessageTransport>().ToDictionary(t => t.Channel);
        var configured = transports.Values.Where(t => t.IsConfigured).Select(t => t.Channel).ToList();
        int sent = 0, retrying = 0, failed = 0;
        try
        {
            while (sent + retrying + failed < max && !ct.IsCancellationRequested)
            {
                var now = clock.Now;
                var due = await db.Outbox.AsNoTracking()
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && configured.Contains(m.Channel))
                    .OrderBy(m => m.NextAttemptAt).Select(m => new { m.CompanyId, m.Id }).Take(50).ToListAsync(ct);
                if (due.Count == 0)
                {
                    break;
                }
                foreach (var d in due)
                {
                    var outcome = await DeliverOneAsync(db, clock, transports, d.CompanyId, d.Id, ct);
                    switch (outcome)
                    {
                        case OutboxStatus.Sent: sent++; break;
                        case OutboxStatus.Pending: retrying++; break;
                        case OutboxStatus.Failed: failed++; break;
                    }
                    if (outcome == OutboxStatus.Pending && retrying > 0)
                    {
                        // The channel is failing: leave the rest for the next pass instead of waiting on each.
                        return new OutboxPass(sent, retrying, failed, recovered);
                    }
                }
            }
        }
        finally
        {
            foreach (var t in transports.Values)
            {
                await t.DisposeAsync();
            }
        }
        return new OutboxPass(sent, retrying, failed, recovered);
    }

    /// <returns>The message's status afterwards, or <see cref="OutboxStatus.Sending"/> when another sender had claimed it.</returns>
    private async Task<OutboxStatus> DeliverOneAsync(
        HuikuanDbContext db, BusinessClock clock, Dictionary<MessageChannel, IMessageTransport> transports, Guid company, Guid id, CancellationToken ct)
    {
        var now = clock.Now;
        var claimed = await db.Outbox.Where(m => m.CompanyId == company && m.Id == id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            return OutboxStatus.Sending;
        }
        var message = await db.Outbox.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.CompanyId == company && m.Id == id, ct);
        try
        {
            await transports[message.Channel].SendAsync(message, ct);
        }
        catch (DeliveryException e)
        {
            var giveUp = e.Permanent || message.Attempts >= _options.MaxAttempts;
            var status = giveUp ? OutboxStatus.Failed : OutboxStatus.Pending;
            var next = clock.Now + _options.RetryDelay(message.Attempts);
            var error = DeliveryException.Stored(e.Code, e.Message);
            // Not cancelled by ct: the outcome of an attempt that happened must be written down.
            await db.Outbox.Where(m => m.CompanyId == company && m.Id == id && m.Status == OutboxStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedAt, (DateTimeOffset?)null), CancellationToken.None);
            log.LogWarning("Outbox message {Key} (attempt {Attempt}) {Outcome}: {Error}", message.Key, message.Attempts,
                giveUp ? "failed" : "will be retried", e.Message);
            return status;
        }
        var sentAt = clock.Now;
        await db.Outbox.Where(m => m.CompanyId == company && m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return OutboxStatus.Sent;
    }
}

/// <summary>
/// Runs the sender in the background: at start it takes back the claims a previous run left, then sends what is due,
/// waking when something is enqueued or every <see cref="OutboxOptions.PollSeconds"/>.
/// </summary>
public sealed class OutboxWorker(OutboxSender sender, OutboxSignal signal, IOptions<OutboxOptions> options, IOptions<SmtpOptions> smtp,
    IOptions<SmsOptions> sms, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Enabled == false || (o.Enabled is null && string.IsNullOrWhiteSpace(smtp.Value.Host) && sms.Value.WebhookUrl is null))
        {
            log.LogInformation("The outbox sender is off: no mail server or SMS provider is configured (or Outbox:Enabled is false)");
            return;
        }
        await Task.Yield();
        try
        {
            await sender.RecoverClaimsAsync(all: true, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var pass = await sender.SendDueAsync(stoppingToken);
                    if (pass.Sent + pass.Failed > 0)
                    {
                        continue;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "The outbox sender failed; it tries again");
                }
                await signal.WaitAsync(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
