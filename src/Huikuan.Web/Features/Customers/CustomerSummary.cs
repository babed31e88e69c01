using Huikuan.Domain;
using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

/// <summary>The earliest promise to pay still open: its day, amount and what has been paid towards it.</summary>
public sealed record RunningPromise(Guid Id, DateOnly PromisedOn, string Currency, decimal Amount, decimal Paid);

/// <summary>The latest contact (its kind and day) and the next step it set, if any.</summary>
public sealed record LatestContact(string Kind, DateOnly On, string? NextStep, DateOnly? NextStepOn, string By);

/// <summary>
/// What the head of the customer page shows beside the balances: the credit grade the customer is checked as (approved,
/// else the score's; <see cref="ScoreGrade"/> when the two differ), the running promise and the next step.
/// </summary>
public sealed record CustomerSummaryView(
    Guid CustomerId, string Grade, bool Graded, bool Approved, string? ScoreGrade, RunningPromise? Promise, LatestContact? LatestContact);

/// <summary>
/// The customer page's header: a handful of small reads, so that the page can open on its first tab without loading the
/// others. The grade is the credit standing's (one rule, <see cref="CreditStandingHandler"/>); the promise is the earliest
/// open one (receipts count toward promises oldest first); the next step is the latest contact's, as a later contact
/// without a next step means the earlier step was dealt with.
/// </summary>
public sealed class CustomerSummaryHandler(HuikuanDbContext db, Scope scope, CreditStandingHandler standing)
{
    public async Task<CustomerSummaryView> HandleAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        if (!await db.Customers.AsNoTracking().AnyAsync(c => c.CompanyId == company && c.Id == customerId, ct))
        {
            throw new NotFoundException("Customer", customerId);
        }
        var credit = await standing.ForCustomerAsync(customerId, ct);
        var promise = await db.PaymentPromises.AsNoTracking()
            .Where(p => p.CompanyId == company && p.CustomerId == customerId && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.PromisedOn).ThenBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.PromisedOn, p.Currency, p.AmountMinor, p.PaidMinor }).FirstOrDefaultAsync(ct);
        var contact = await db.CollectionActivities.AsNoTracking()
            .Where(a => a.CompanyId == company && a.CustomerId == customerId)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.RecordedAt)
            .Select(a => new { a.Kind, a.OccurredOn, a.NextStep, a.NextStepOn, a.RecordedBy }).FirstOrDefaultAsync(ct);

        RunningPromise? running = null;
        if (promise is not null)
        {
            var currency = Domain.Money.Currency.Of(promise.Currency);
            running = new RunningPromise(promise.Id, promise.PromisedOn, promise.Currency, currency.ToMajor(promise.AmountMinor), currency.ToMajor(promise.PaidMinor));
        }
        var latest = contact is null ? null
            : new LatestContact(contact.Kind.ToString(), contact.OccurredOn, contact.NextStep, contact.NextStepOn, contact.RecordedBy);
        return new CustomerSummaryView(customerId, credit.Grade, credit.Graded, credit.Approved, credit.ScoreGrade, running, latest);
    }
}
