using Huikuan.Domain.Dunning;
using Huikuan.Domain.Templates;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>
/// Sends the reminders before due (R10, by default 7 and 1 days before) as the first step of the daily run: plans them
/// with <see cref="PreDueReminders"/>, then writes each as a communication (its key once per customer, due date and
/// offset) with its message in the outbox, a batch per transaction. Customers blocked from dunning get none.
/// </summary>
public sealed class PreDueReminderRunHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, Outbox outbox, MessageTemplatesHandler templates)
{
    private const int Batch = 200;

    public async Task<int> RunAsync(CompanyDunningPolicy policy, Guid runId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.Reminders || policy.ReminderDaysBefore.Count == 0)
        {
            return 0;
        }
        var company = scope.CompanyId;
        var last = day.AddDays(policy.ReminderDaysBefore.Max());
        var rows = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor > 0 && i.DueDate > day && i.DueDate <= last)
            .Select(i => new { i.Id, i.InvoiceId, i.CustomerId, i.Currency, i.DueDate, i.OpenMinor }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }
        var blocked = (await db.DunningBlocks.AsNoTracking()
            .Where(b => b.CompanyId == company && b.InvoiceId == null && b.ReleasedAt == null && (b.Until == null || b.Until >= day))
            .Select(b => b.CustomerId).ToListAsync(ct)).ToHashSet();
        var since = day.AddDays(-policy.ReminderDaysBefore.Max());
        var sent = (await db.DunningCommunications.AsNoTracking()
            .Where(c => c.CompanyId == company && c.Outcome == DunningOutcomeKind.Reminder && c.RunDay >= since)
            .Select(c => c.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var plan = PreDueReminders.Plan(rows.Where(r => !blocked.Contains(r.CustomerId))
            .Select(r => new ReminderItem(r.Id, r.CustomerId, r.Currency, r.DueDate, r.OpenMinor)), day, policy.ReminderDaysBefore, sent);
        if (plan.Count == 0)
        {
            return 0;
        }

        var invoiceOf = rows.ToDictionary(r => r.Id, r => r.InvoiceId);
        var customerIds = plan.Select(r => r.CustomerId).Distinct().ToList();
        var recipients = await DunningRecipients.ForCustomersAsync(db, company, customerIds, ct);
        var customers = new Dictionary<Guid, (string Name, string Code)>();
        var invoiceIds = plan.SelectMany(r => r.Items).Select(i => invoiceOf[i.InstallmentId]).Distinct().ToList();
        var numbers = new Dictionary<Guid, string>();
        foreach (var chunk in customerIds.Chunk(2_000))
        {
            foreach (var c in await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && chunk.Contains(c.Id))
                         .Select(c => new { c.Id, c.Name, c.Code }).ToListAsync(ct))
            {
                customers[c.Id] = (c.Name, c.Code);
            }
        }
        foreach (var chunk in invoiceIds.Chunk(2_000))
        {
            foreach (var i in await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && chunk.Contains(i.Id))
                         .Select(i => new { i.Id, i.Number }).ToListAsync(ct))
            {
                numbers[i.Id] = i.Number;
            }
        }
        var companyName = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.Name).SingleAsync(ct);
        var texts = await templates.ResolverAsync(ct);

        var written = 0;
        foreach (var batch in plan.Where(r => recipients.GetValueOrDefault(r.CustomerId) is { } x && (x.Email ?? x.Mobile) is not null).Chunk(Batch))
        {
            written += await Transactions.RunAsync(db, async token =>
            {
                var keys = batch.Select(r => r.Key).ToList();
                var taken = (await db.DunningCommunications.AsNoTracking().Where(c => c.CompanyId == company && keys.Contains(c.Key))
                    .Select(c => c.Key).ToListAsync(token)).ToHashSet(StringComparer.Ordinal);
                var count = 0;
                foreach (var reminder in batch.Where(r => !taken.Contains(r.Key)))
                {
                    await WriteAsync(reminder, runId, day, recipients[reminder.CustomerId], customers[reminder.CustomerId], companyName, numbers, invoiceOf,
                        texts, policy, token);
                    count++;
                }
                await db.SaveChangesAsync(token);
                db.ChangeTracker.Clear();
                return count;
            }, ct);
        }
        return written;
    }

    private async Task WriteAsync(PreDueReminder reminder, Guid runId, DateOnly day, Recipient recipient, (string Name, string Code) customer,
        string companyName, Dictionary<Guid, string> numbers, Dictionary<Guid, Guid> invoiceOf, Func<string, string, MessageText> texts,
        CompanyDunningPolicy policy, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var language = recipient.Language == "en" ? "en" : "zh-CN";
        var items = reminder.Items.Select(i => new MessageItem(numbers.GetValueOrDefault(invoiceOf[i.InstallmentId]) ?? "", i.DueDate, 0, i.Currency, i.OpenMinor))
            .ToList();
        var currency = reminder.Items[0].Currency;
        var values = new MergeValues(customer.Name, customer.Code, recipient.Name, companyName, day, null, items, LetterCharges.None(currency), 0, reminder.DueDate,
            reminder.DueDate, policy.PaymentInstructions);
        var message = MessageComposer.Compose(texts(DefaultTemplates.Reminder, language), language, values);
        var communication = CustomerMessages.Communication(company, runId, reminder.CustomerId, day, reminder.Key, DunningOutcomeKind.Reminder, currency,
            reminder.Items.Where(i => i.Currency == currency).Sum(i => i.OpenMinor), language, message, scope.Actor, clock.Now);
        communication.ItemCount = items.Count;
        db.DunningCommunications.Add(communication);
        foreach (var i in reminder.Items)
        {
            db.DunningCommunicationItems.Add(new DunningCommunicationItem
            {
                CompanyId = company, CommunicationId = communication.Id, InstallmentId = i.InstallmentId, InvoiceId = invoiceOf[i.InstallmentId],
                InvoiceNumber = numbers.GetValueOrDefault(invoiceOf[i.InstallmentId]) ?? "", Currency = i.Currency, DueDate = i.DueDate,
                OpenMinor = i.OpenMinor, DaysOverdue = 0,
            });
        }
        await CustomerMessages.DeliverAsync(outbox, communication, recipient, message, language, ct);
    }
}
