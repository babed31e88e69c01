using Huikuan.Domain.Dunning;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Templates;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>
/// The payment notice that goes out when an invoice is issued (R10): the invoice's installments and due dates, in the
/// recipient's language, by the channel they prefer. Written in the issuing transaction, so an invoice rolled back
/// sends nothing and an issued one is never left without its notice.
/// </summary>
public sealed class PaymentNoticesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, Outbox outbox, MessageTemplatesHandler templates,
    DunningPoliciesHandler policies)
{
    public static string Key(Guid invoiceId) => $"notice:{invoiceId:N}";

    /// <summary>Adds the notice of a just-saved invoice to the unit of work; false when notices are off or nobody can receive one.</summary>
    public async Task<bool> AddForInvoiceAsync(Invoice invoice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var company = scope.CompanyId;
        var policy = await policies.PolicyAsync(ct);
        if (!policy.PaymentNotices || invoice.Kind != DocumentKind.Invoice || invoice.Installments.Count == 0)
        {
            return false;
        }
        var recipient = (await DunningRecipients.ForCustomersAsync(db, company, [invoice.CustomerId], ct)).GetValueOrDefault(invoice.CustomerId);
        if (recipient is null || (recipient.Email is null && recipient.Mobile is null))
        {
            return false;
        }
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == invoice.CustomerId)
            .Select(c => new { c.Name, c.Code }).SingleAsync(ct);
        var companyName = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.Name).SingleAsync(ct);
        var today = clock.Today;
        var items = invoice.Installments.OrderBy(i => i.Sequence)
            .Select(i => new MessageItem(invoice.Number, i.DueDate, 0, i.Currency, i.OpenMinor)).ToList();
        var language = recipient.Language == "en" ? "en" : "zh-CN";
        var values = new MergeValues(customer.Name, customer.Code, recipient.Name, companyName, today, null, items, LetterCharges.None(invoice.Currency), 0,
            items.Min(i => i.DueDate), items.Min(i => i.DueDate), policy.PaymentInstructions);
        var message = MessageComposer.Compose(await templates.TextAsync(DefaultTemplates.Notice, language, ct), language, values);

        var communication = CustomerMessages.Communication(company, null, invoice.CustomerId, today, Key(invoice.Id), DunningOutcomeKind.Notice,
            invoice.Currency, items.Sum(i => i.OpenMinor), language, message, scope.Actor, clock.Now);
        communication.ItemCount = items.Count;
        db.DunningCommunications.Add(communication);
        foreach (var i in invoice.Installments)
        {
            db.DunningCommunicationItems.Add(new DunningCommunicationItem
            {
                CompanyId = company, CommunicationId = communication.Id, InstallmentId = i.Id, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number,
                Currency = i.Currency, DueDate = i.DueDate, OpenMinor = i.OpenMinor, DaysOverdue = 0,
            });
        }
        await CustomerMessages.DeliverAsync(outbox, communication, recipient, message, language, ct);
        return true;
    }
}

/// <summary>What notices and reminders share: the communication row, and delivery by the recipient's preferred channel.</summary>
internal static class CustomerMessages
{
    public static DunningCommunication Communication(
        Guid company, Guid? runId, Guid customerId, DateOnly day, string key, DunningOutcomeKind kind, string currency, long amountMinor, string language,
        ComposedMessage message, string actor, DateTimeOffset now) => new()
    {
        CompanyId = company, Id = Ids.New(), RunId = runId, CustomerId = customerId, RunDay = day, Key = key, Outcome = kind, Level = 0,
        Currency = currency, OverdueMinor = amountMinor, Language = language, Subject = message.Subject,
        Body = message.Text.Length > 16000 ? message.Text[..16000] : message.Text, CreatedAt = now, CreatedBy = actor,
    };

    /// <summary>
    /// One message per notice or reminder: an SMS when the recipient prefers SMS (or has no e-mail), else an e-mail. The
    /// outbox key derives from the communication's, so a retried transaction enqueues nothing twice.
    /// </summary>
    public static async Task DeliverAsync(Outbox outbox, DunningCommunication communication, Recipient recipient, ComposedMessage message,
        string language, CancellationToken ct)
    {
        var bySms = recipient.Mobile is not null && message.Sms.Length > 0 && (recipient.PreferredChannel == "sms" || recipient.Email is null);
        if (bySms)
        {
            await outbox.EnqueueAsync(new OutgoingMessage(communication.Key + ":sms", MessageChannel.Sms, recipient.Mobile!, null, message.Sms,
                CustomerId: communication.CustomerId), ct);
            communication.Channels = (int)DunningChannel.Sms;
            communication.Recipient = recipient.Mobile;
        }
        else if (recipient.Email is { } email)
        {
            await outbox.EnqueueAsync(new OutgoingMessage(communication.Key + ":email", MessageChannel.Email, email, message.Subject, message.Text,
                EmailHtml.Document(message.Html, language), communication.CustomerId), ct);
            communication.Channels = (int)DunningChannel.Email;
            communication.Recipient = email;
        }
    }
}
