using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Dunning;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contacts;

/// <summary>The kinds of entry on a customer's timeline.</summary>
public static class TimelineKinds
{
    public const string Contact = "contact";
    public const string Dunning = "dunning";
    public const string PromiseMade = "promiseMade";
    public const string PromiseKept = "promiseKept";
    public const string PromisePartlyKept = "promisePartlyKept";
    public const string PromiseBroken = "promiseBroken";
    public const string PromiseCancelled = "promiseCancelled";
    public const string DisputeOpened = "disputeOpened";
    public const string DisputeResolved = "disputeResolved";
    public const string Receipt = "receipt";
    public const string ReceiptReversal = "receiptReversal";
    public const string Invoice = "invoice";
    public const string CreditNote = "creditNote";

    public static readonly IReadOnlyList<string> All =
    [
        Contact, Dunning, PromiseMade, PromiseKept, PromisePartlyKept, PromiseBroken, PromiseCancelled, DisputeOpened, DisputeResolved,
        Receipt, ReceiptReversal, Invoice, CreditNote,
    ];
}

/// <summary>
/// One event in a customer's history. <see cref="Title"/> is a short English title for API clients; pages name the
/// event in the reader's language from <see cref="Kind"/> and the fields. <see cref="Code"/> is the dunning message's
/// kind (sent, notice, reminder), a dispute's reason when opened and its outcome when resolved, a receipt's method.
/// <see cref="At"/> orders the events of one day; a promise's resolution has none and comes last in its day.
/// </summary>
public sealed record TimelineEntry(
    DateOnly On, DateTimeOffset? At, string Kind, string Title, Guid Id, string? Reference = null, decimal? Amount = null,
    string? Currency = null, string? Code = null, string? Detail = null, ContactKind? ContactKind = null, ContactOutcome? Outcome = null,
    string? NextStep = null, DateOnly? NextStepOn = null, string? LevelCode = null, IReadOnlyList<string>? Channels = null, string? By = null,
    IReadOnlyList<TimelineDelivery>? Deliveries = null);

/// <summary>An e-mail or SMS (<see cref="Channel"/>: Email, Sms) a dunning message put in the outbox, and how far it got (Pending, Sending, Sent, Failed).</summary>
public sealed record TimelineDelivery(string Channel, string Status, string To);

/// <summary>The newest entries before a day; <see cref="NextBefore"/> asks for the ones before those, when there are more.</summary>
public sealed record CustomerTimelineView(Guid CustomerId, IReadOnlyList<TimelineEntry> Entries, DateOnly? NextBefore);

/// <summary>
/// A customer's history in one list, newest first (R15): contacts, dunning messages (letters, e-mails, SMS of a level, a
/// payment notice or a reminder, with how far each e-mail and SMS got in the outbox), promises made and how they ended, disputes opened and resolved, receipts and their
/// reversals, invoices and credit notes. Each kind of event is one query filtered by company and customer, ordered and
/// cut in the database; the merged list keeps the newest <c>take</c> (whole days, so that the next page starts clean).
/// </summary>
public sealed class CustomerTimelineHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int DefaultTake = 200;
    public const int MaxTake = 500;

    public async Task<CustomerTimelineView> ForCustomerAsync(Guid customerId, DateOnly? before, int? take, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var n = Math.Clamp(take ?? DefaultTake, 1, MaxTake);
        // No day given: everything (no business date lies after BusinessDates.Latest).
        var until = before ?? BusinessDates.Latest.AddDays(1);
        DateTimeOffset? untilInstant = before is { } b ? StartOf(b, company) : null;
        var entries = new List<TimelineEntry>();
        entries.AddRange(await ContactsAsync(company, customerId, until, n, ct));
        entries.AddRange(await DunningAsync(company, customerId, until, n, ct));
        entries.AddRange(await PromisesAsync(company, customerId, until, n, ct));
        entries.AddRange(await DisputesAsync(company, customerId, untilInstant, n, ct));
        entries.AddRange(await ReceiptsAsync(company, customerId, until, n, ct));
        entries.AddRange(await InvoicesAsync(company, customerId, until, n, ct));
        // A promise's resolution has no instant: it comes after whatever else happened that day.
        var ordered = entries.OrderByDescending(e => e.On).ThenByDescending(e => e.At ?? DateTimeOffset.MaxValue).ThenByDescending(e => e.Id).ToList();
        if (ordered.Count <= n)
        {
            return new CustomerTimelineView(customerId, ordered, null);
        }
        // The oldest day kept may have more entries than fit: leave it to the next page. When that day is the only one,
        // it is given whole (as far as each kind's query reached), and the next page starts the day before.
        var lastDay = ordered[n - 1].On;
        var whole = ordered.Take(n).Where(e => e.On > lastDay).ToList();
        return whole.Count > 0
            ? new CustomerTimelineView(customerId, whole, lastDay.AddDays(1))
            : new CustomerTimelineView(customerId, [.. ordered.Where(e => e.On == lastDay)], lastDay);
    }

    private DateTimeOffset StartOf(DateOnly day, Guid company)
    {
        var zone = clock.ZoneOf(company);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private async Task<IEnumerable<TimelineEntry>> ContactsAsync(Guid company, Guid customer, DateOnly until, int n, CancellationToken ct)
    {
        var rows = await db.CollectionActivities.AsNoTracking()
            .Where(a => a.CompanyId == company && a.CustomerId == customer && a.OccurredOn < until)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.RecordedAt).Take(n).ToListAsync(ct);
        return rows.Select(a => new TimelineEntry(a.OccurredOn, a.RecordedAt, TimelineKinds.Contact,
            a.Outcome is { } o ? $"{a.Kind}: {o}" : a.Kind.ToString(), a.Id, Detail: a.Note, ContactKind: a.Kind, Outcome: a.Outcome,
            NextStep: a.NextStep, NextStepOn: a.NextStepOn, By: a.RecordedBy));
    }

    private async Task<IEnumerable<TimelineEntry>> DunningAsync(Guid company, Guid customer, DateOnly until, int n, CancellationToken ct)
    {
        // A lowering is the history's own bookkeeping after a payment, not a message to the customer.
        var rows = await db.DunningCommunications.AsNoTracking()
            .Where(c => c.CompanyId == company && c.CustomerId == customer && c.RunDay < until && c.Outcome != DunningOutcomeKind.Lowered)
            .OrderByDescending(c => c.RunDay).ThenByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Key, c.RunDay, c.CreatedAt, c.Outcome, c.Level, c.LevelCode, c.Channels, c.Currency, c.OverdueMinor, c.Subject, c.CreatedBy })
            .Take(n).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        // Each message's e-mail and SMS are outbox rows keyed by the message's key (see DunningMessages, PaymentNotices).
        var keys = rows.SelectMany(c => new[] { c.Key + ":email", c.Key + ":sms" }).ToList();
        var deliveries = (await db.Outbox.AsNoTracking().Where(m => m.CompanyId == company && keys.Contains(m.Key))
                .Select(m => new { m.Key, m.Channel, m.Status, m.To }).ToListAsync(ct))
            .ToLookup(m => m.Key[..m.Key.LastIndexOf(':')], m => new TimelineDelivery(m.Channel.ToString(), m.Status.ToString(), m.To), StringComparer.Ordinal);
        return rows.Select(c =>
        {
            var type = c.Outcome.ToString().ToLowerInvariant();
            var channels = DunningPoliciesHandler.ChannelNames((DunningChannel)c.Channels);
            var title = $"Dunning {type}{(c.LevelCode is { } level ? " " + level : "")}{(channels.Count > 0 ? " by " + string.Join(", ", channels) : "")}";
            return new TimelineEntry(c.RunDay, c.CreatedAt, TimelineKinds.Dunning, title, c.Id, Amount: Currency.Of(c.Currency).ToMajor(c.OverdueMinor),
                Currency: c.Currency, Code: type, Detail: c.Subject, LevelCode: c.LevelCode, Channels: channels, By: c.CreatedBy,
                Deliveries: [.. deliveries[c.Key].OrderBy(d => d.Channel, StringComparer.Ordinal)]);
        });
    }

    private async Task<IEnumerable<TimelineEntry>> PromisesAsync(Guid company, Guid customer, DateOnly until, int n, CancellationToken ct)
    {
        var promises = db.PaymentPromises.AsNoTracking().Where(p => p.CompanyId == company && p.CustomerId == customer);
        var made = await promises.Where(p => p.MadeOn < until).OrderByDescending(p => p.MadeOn).ThenByDescending(p => p.CreatedAt).Take(n).ToListAsync(ct);
        var resolved = await promises.Where(p => p.Status != PromiseStatus.Open && p.ResolvedOn != null && p.ResolvedOn < until)
            .OrderByDescending(p => p.ResolvedOn).Take(n).ToListAsync(ct);
        var day = CultureInfo.InvariantCulture;
        return made.Select(p => new TimelineEntry(p.MadeOn, p.CreatedAt, TimelineKinds.PromiseMade,
                $"Promise to pay by {p.PromisedOn.ToString("yyyy-MM-dd", day)}", p.Id, Amount: Currency.Of(p.Currency).ToMajor(p.AmountMinor),
                Currency: p.Currency, Detail: p.Note, NextStepOn: p.PromisedOn, By: p.CreatedBy))
            .Concat(resolved.Select(p =>
            {
                var kind = p.Status switch
                {
                    PromiseStatus.Kept => TimelineKinds.PromiseKept,
                    PromiseStatus.PartlyKept => TimelineKinds.PromisePartlyKept,
                    PromiseStatus.Broken => TimelineKinds.PromiseBroken,
                    _ => TimelineKinds.PromiseCancelled,
                };
                var money = Currency.Of(p.Currency);
                return new TimelineEntry(p.ResolvedOn!.Value, null, kind, $"Promise of {p.PromisedOn.ToString("yyyy-MM-dd", day)} {p.Status.ToString().ToLowerInvariant()}",
                    p.Id, Amount: money.ToMajor(p.Status == PromiseStatus.Cancelled ? p.AmountMinor : p.PaidMinor), Currency: p.Currency,
                    NextStepOn: p.PromisedOn);
            }));
    }

    private async Task<IEnumerable<TimelineEntry>> DisputesAsync(Guid company, Guid customer, DateTimeOffset? until, int n, CancellationToken ct)
    {
        var disputes = db.Disputes.AsNoTracking().Where(d => d.CompanyId == company && d.CustomerId == customer);
        var opened = await (until is { } u ? disputes.Where(d => d.OpenedAt < u) : disputes)
            .OrderByDescending(d => d.OpenedAt).Take(n).ToListAsync(ct);
        var resolved = await (until is { } v ? disputes.Where(d => d.ResolvedAt != null && d.ResolvedAt < v) : disputes.Where(d => d.ResolvedAt != null))
            .OrderByDescending(d => d.ResolvedAt).Take(n).ToListAsync(ct);
        return opened.Select(d => new TimelineEntry(clock.DayOf(d.OpenedAt), d.OpenedAt, TimelineKinds.DisputeOpened,
                $"Dispute on {d.InvoiceNumber} ({d.Reason})", d.Id, d.InvoiceNumber, Currency.Of(d.Currency).ToMajor(d.AmountMinor), d.Currency,
                d.Reason, d.Note, By: d.OpenedBy))
            .Concat(resolved.Select(d =>
            {
                var outcome = d.Status.ToString().ToLowerInvariant();
                return new TimelineEntry(clock.DayOf(d.ResolvedAt!.Value), d.ResolvedAt, TimelineKinds.DisputeResolved,
                    $"Dispute on {d.InvoiceNumber} {outcome}", d.Id, d.InvoiceNumber, Currency.Of(d.Currency).ToMajor(d.AmountMinor), d.Currency,
                    outcome, d.Resolution, By: d.ResolvedBy);
            }));
    }

    private async Task<IEnumerable<TimelineEntry>> ReceiptsAsync(Guid company, Guid customer, DateOnly until, int n, CancellationToken ct)
    {
        var rows = await db.Receipts.AsNoTracking().Where(r => r.CompanyId == company && r.CustomerId == customer && r.ReceivedOn < until)
            .OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.RecordedAt)
            .Select(r => new { r.Id, r.Number, r.ReceivedOn, r.RecordedAt, r.Method, r.Currency, r.AmountMinor, r.ReversalOfId, r.Note, r.RecordedBy })
            .Take(n).ToListAsync(ct);
        return rows.Select(r =>
        {
            var reversal = r.ReversalOfId is not null;
            return new TimelineEntry(r.ReceivedOn, r.RecordedAt, reversal ? TimelineKinds.ReceiptReversal : TimelineKinds.Receipt,
                $"{(reversal ? "Receipt reversed" : "Receipt")} {r.Number}", r.Id, r.Number, Currency.Of(r.Currency).ToMajor(r.AmountMinor), r.Currency,
                r.Method.ToString(), r.Note, By: r.RecordedBy);
        });
    }

    private async Task<IEnumerable<TimelineEntry>> InvoicesAsync(Guid company, Guid customer, DateOnly until, int n, CancellationToken ct)
    {
        var rows = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && i.CustomerId == customer && i.InvoiceDate < until)
            .OrderByDescending(i => i.InvoiceDate).ThenByDescending(i => i.PostedAt)
            .Select(i => new { i.Id, i.Kind, i.Number, i.InvoiceDate, i.PostedAt, i.Currency, i.TotalMinor, i.FapiaoNumber, i.PostedBy })
            .Take(n).ToListAsync(ct);
        return rows.Select(i =>
        {
            var credit = i.Kind == DocumentKind.CreditNote;
            return new TimelineEntry(i.InvoiceDate, i.PostedAt, credit ? TimelineKinds.CreditNote : TimelineKinds.Invoice,
                $"{(credit ? "Credit note" : "Invoice")} {i.Number}", i.Id, i.Number, Currency.Of(i.Currency).ToMajor(i.TotalMinor), i.Currency,
                Detail: i.FapiaoNumber, By: i.PostedBy);
        });
    }
}
