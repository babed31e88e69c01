using Huikuan.Domain;
using Huikuan.Domain.Aging;
using Huikuan.Domain.Dunning;
using Huikuan.Domain.Templates;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Charges;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>
/// What a run knows once for all the customers it writes to: besides the texts and numbers, each customer's last letter
/// and the unpaid charges of earlier letters, and the rate table of the run's day (amount, from, to; null without a rate).
/// </summary>
public sealed record DunningContext(
    DunningPlan Plan, string CompanyName, IReadOnlyDictionary<Guid, Recipient> Recipients, IReadOnlyDictionary<Guid, string> InvoiceNumbers,
    Func<string, string, MessageText> Texts, IReadOnlyDictionary<Guid, ItemInterest> Interest, IReadOnlyDictionary<Guid, PreviousLetter> Previous,
    IReadOnlyDictionary<Guid, IReadOnlyList<CurrencyAmount>> EarlierCharges, Func<long, string, string, long?> Convert);

/// <summary>The interest a letter charges on one of its items (the part accrued since the last letter), in the item's currency.</summary>
public sealed record DraftInterest(Guid InstallmentId, string Currency, InterestCharge Charge, LateInterest? Clause);

/// <summary>
/// One customer's message, written before the transaction that records it. <see cref="Currency"/> is the letter's:
/// the fee is charged in it, and <see cref="InterestMinor"/> is this letter's new interest in it.
/// </summary>
public sealed record DunningDraft(
    string Language, Recipient? Recipient, ComposedMessage Message, IReadOnlyList<MessageItem> Items, DateOnly PayBy, long InterestMinor, long FeeMinor,
    IReadOnlyList<DraftInterest> Interest, string Currency, LetterDraft? Letter = null);

public sealed record WrittenMessages(int Messages, int Letters, int Tasks);

/// <summary>
/// Turns a planned level into what reaches the customer: the level's template in the recipient's language with its
/// merge fields filled, e-mail and SMS into the outbox (each with a key derived from the communication's, so nothing
/// is enqueued twice), and a task for a call or a visit for the role the level names.
/// </summary>
public sealed class DunningMessagesHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, Outbox outbox, MessageTemplatesHandler templates, DunningLetters letters)
{
    public async Task<DunningContext> ContextAsync(DunningPlan plan, IReadOnlyList<PlannedCustomer> customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(customers);
        var company = scope.CompanyId;
        var sending = customers.Where(c => c.Proposal.Outcome == DunningOutcome.Send).ToList();
        var name = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.Name).SingleAsync(ct);
        var recipients = await DunningRecipients.ForCustomersAsync(db, company, [.. sending.Select(c => c.CustomerId)], ct);
        var invoiceIds = sending.SelectMany(c => c.Proposal.Items.Select(i => c.Items[i.InstallmentId].InvoiceId)).Distinct().ToList();
        var numbers = new Dictionary<Guid, string>(invoiceIds.Count);
        foreach (var chunk in invoiceIds.Chunk(2_000))
        {
            foreach (var row in await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && chunk.Contains(i.Id))
                         .Select(i => new { i.Id, i.Number }).ToListAsync(ct))
            {
                numbers[row.Id] = row.Number;
            }
        }
        var installments = sending.SelectMany(c => c.Proposal.Items.Select(i => i.InstallmentId)).ToList();
        var interest = await InterestBases.ForItemsAsync(db, company, installments, plan.Policy.Interest, ct);
        var ids = sending.Select(c => c.CustomerId).ToList();
        return new DunningContext(plan, name, recipients, numbers, await templates.ResolverAsync(ct), interest,
            await DunningHistoryHandler.LastLettersAsync(db, company, ids, plan.Day, ct), await CustomerChargesHandler.OpenByCustomerAsync(db, company, ids, ct),
            await DunningPlanningHandler.ConverterAsync(db, company, plan.Day, ct));
    }

    /// <summary>
    /// The currency a letter charges its fee in and states first: the policy's when the customer owes anything in it (or
    /// nothing at all), else that of the customer's overdue items (the first by code if several). A fee set in the
    /// policy's currency is converted at the run day's rate, so a USD customer pays a USD fee.
    /// </summary>
    public static string LetterCurrency(DunningProposal proposal, string policyCurrency)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposal.OverdueMinorByCurrency.ContainsKey(policyCurrency) || proposal.OverdueMinorByCurrency.Count == 0
            ? policyCurrency : proposal.OverdueMinorByCurrency.Keys.Order(StringComparer.Ordinal).First();
    }

    public async Task<DunningDraft> DraftAsync(DunningContext context, PlannedCustomer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        var plan = context.Plan;
        var p = customer.Proposal;
        var level = plan.Policy.Policy.Level(p.Level);
        var recipient = context.Recipients.GetValueOrDefault(customer.CustomerId);
        var language = recipient?.Language == "en" ? "en" : "zh-CN";
        var items = p.Items.Select(i => new MessageItem(context.InvoiceNumbers.GetValueOrDefault(customer.Items[i.InstallmentId].InvoiceId) ?? "",
            i.DueDate, AgingBuckets.DaysOverdue(i.DueDate, plan.Day), i.Currency, i.CountedMinor)).ToList();
        var payBy = plan.Day.AddDays(plan.Policy.PayByDays);
        var policyCurrency = plan.Policy.Policy.Currency;
        var currency = LetterCurrency(p, policyCurrency);
        // The level's fee is set in the policy's currency and charged in the letter's, at the run day's rate; without a
        // rate the customer is not written to and the run says why, rather than charging a figure in the wrong currency.
        var fee = level.FeeMinor == 0 ? 0 : context.Convert(level.FeeMinor, policyCurrency, currency)
            ?? throw new DomainRuleException("dunning.feeRate", "",
                $"The {level.Code} fee is set in {policyCurrency} and this customer's letter is in {currency}, but the rate table has no rate between them on or before {plan.Day:yyyy-MM-dd}.",
                level.Code, policyCurrency, currency, plan.Day);
        // Interest (R7) on each item up to today, in the item's currency: the letter charges what accrued since the last
        // letter; what earlier letters charged and is still owed is stated on a line of its own.
        var charges = new List<DraftInterest>();
        foreach (var i in p.Items)
        {
            if (context.Interest.GetValueOrDefault(i.InstallmentId) is not { } basis)
            {
                continue;
            }
            var charge = DunningCharges.Interest(basis.Basis, plan.Day);
            if (charge.NewMinor > 0)
            {
                charges.Add(new DraftInterest(i.InstallmentId, i.Currency, charge, basis.Basis.Clause));
            }
        }
        var letterCharges = new LetterCharges(currency, context.EarlierCharges.GetValueOrDefault(customer.CustomerId) ?? [],
            [.. MessageComposer.Sum(charges.Select(c => new CurrencyAmount(c.Currency, c.Charge.NewMinor)))], fee > 0 ? new CurrencyAmount(currency, fee) : null);
        var values = new MergeValues(customer.Name, customer.Code, recipient?.Name, context.CompanyName, plan.Day, level.Code, items,
            letterCharges, p.OldestDaysOverdue, items.Count == 0 ? null : items.Min(i => i.DueDate), payBy,
            plan.Policy.PaymentInstructions, context.Previous.GetValueOrDefault(customer.CustomerId));
        var message = MessageComposer.Compose(context.Texts(DefaultTemplates.ForLevel(level.Code), language), language, values);
        var interest = charges.Where(c => c.Currency == currency).Sum(c => c.Charge.NewMinor);
        var draft = new DunningDraft(language, recipient, message, items, payBy, interest, fee, charges, currency);
        return draft with { Letter = await letters.RenderAsync(level, customer, context.CompanyName, plan.Day, draft, ct) };
    }

    /// <summary>Adds the communication's items, messages and tasks to the unit of work; the caller saves.</summary>
    public async Task<WrittenMessages> WriteAsync(
        DunningCommunication communication, PlannedCustomer customer, DunningLevel level, DunningDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(draft);
        // The draft lists the proposal's items in the same order.
        foreach (var (i, item) in customer.Proposal.Items.Zip(draft.Items))
        {
            db.DunningCommunicationItems.Add(new DunningCommunicationItem
            {
                CompanyId = communication.CompanyId, CommunicationId = communication.Id, InstallmentId = i.InstallmentId,
                InvoiceId = customer.Items[i.InstallmentId].InvoiceId, InvoiceNumber = item.Number, Currency = i.Currency, DueDate = i.DueDate,
                OpenMinor = i.CountedMinor, DaysOverdue = item.DaysOverdue,
            });
        }
        communication.PayBy = draft.PayBy;
        communication.InterestMinor = draft.InterestMinor;
        communication.FeeMinor = draft.FeeMinor;
        communication.Subject = draft.Message.Subject;
        communication.Body = draft.Message.Text.Length > 16000 ? draft.Message.Text[..16000] : draft.Message.Text;

        if (draft.Letter is { } letter)
        {
            db.DunningLetters.Add(new DunningLetter
            {
                CompanyId = communication.CompanyId, CommunicationId = communication.Id, FileName = letter.FileName, Content = letter.Pdf,
            });
            communication.HasLetter = true;
        }

        var sent = 0;
        var to = new List<string>();
        if (level.Channels.HasFlag(DunningChannel.Email) && draft.Recipient?.Email is { } email)
        {
            // The letter goes with the e-mail as a PDF; without e-mail it is printed and posted from the communication page.
            var attachments = draft.Letter is { } l ? new[] { new OutgoingAttachment(l.FileName, "application/pdf", l.Pdf) } : null;
            sent += await outbox.EnqueueAsync(new OutgoingMessage(communication.Key + ":email", MessageChannel.Email, email, draft.Message.Subject,
                draft.Message.Text, EmailHtml.Document(draft.Message.Html, draft.Language), communication.CustomerId, attachments), ct) ? 1 : 0;
            to.Add(email);
        }
        if (level.Channels.HasFlag(DunningChannel.Sms) && draft.Recipient?.Mobile is { } mobile && draft.Message.Sms.Length > 0)
        {
            sent += await outbox.EnqueueAsync(new OutgoingMessage(communication.Key + ":sms", MessageChannel.Sms, mobile, null, draft.Message.Sms,
                CustomerId: communication.CustomerId), ct) ? 1 : 0;
            to.Add(mobile);
        }
        communication.Recipient = to.Count == 0 ? null : string.Join(", ", to);
        ChargeWriter.Add(db, communication, customer, level, draft, clock.Now, scope.Actor);

        var tasks = 0;
        foreach (var (channel, kind) in new[] { (DunningChannel.PhoneTask, CollectionTaskKind.Phone), (DunningChannel.VisitTask, CollectionTaskKind.Visit) })
        {
            if (level.Channels.HasFlag(channel))
            {
                db.CollectionTasks.Add(new CollectionTask
                {
                    CompanyId = communication.CompanyId, Id = Ids.New(), CustomerId = communication.CustomerId, CommunicationId = communication.Id,
                    Kind = kind, Responsible = level.Responsible, DueOn = communication.RunDay.AddDays(kind == CollectionTaskKind.Visit ? 3 : 1),
                    Status = CollectionTaskStatus.Open, CreatedAt = clock.Now, CreatedBy = scope.Actor,
                });
                tasks++;
            }
        }
        return new WrittenMessages(sent, draft.Letter is null ? 0 : 1, tasks);
    }
}

/// <summary>The HTML document around a message body for e-mail clients: inline styles only, as they ignore the rest.</summary>
internal static class EmailHtml
{
    public static string Document(string bodyHtml, string language) =>
        "<!DOCTYPE html><html lang=\"" + (language == "en" ? "en" : "zh-CN") + "\"><head><meta charset=\"utf-8\"></head>"
        + "<body style=\"font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',Arial,sans-serif;font-size:14px;line-height:1.6;color:#222\">"
        + bodyHtml.Replace("<table class=\"items\">", "<table class=\"items\" style=\"border-collapse:collapse;margin:8px 0\" cellpadding=\"6\" border=\"1\">", StringComparison.Ordinal)
        + "</body></html>";
}
