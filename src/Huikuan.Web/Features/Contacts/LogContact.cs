using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contacts;

/// <summary>The promise a customer made in the contact: the amount (in the customer's currency unless given) by a day.</summary>
public sealed record ContactPromise(decimal Amount, DateOnly PromisedOn, string? Currency = null);

/// <summary>
/// A contact to log. The outcome is required for every kind but <see cref="ContactKind.Note"/>, which has none;
/// <see cref="OccurredOn"/> defaults to the business day; <see cref="Promise"/> goes with ReachedPromise, and only with it.
/// </summary>
public sealed record LogContact(
    ContactKind Kind, ContactOutcome? Outcome = null, string? Note = null, string? NextStep = null, DateOnly? NextStepOn = null,
    DateOnly? OccurredOn = null, ContactPromise? Promise = null);

public sealed record LoggedContactView(
    Guid Id, Guid CustomerId, ContactKind Kind, ContactOutcome? Outcome, string? Note, string? NextStep, DateOnly? NextStepOn,
    DateOnly OccurredOn, Guid? PromiseId, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// The activity log (R15): calls, visits, e-mails, SMS, letters and notes about a customer, by those who record what a
/// customer says (<see cref="Permission.RecordCollections"/>; a salesperson only on their own customers, as the
/// customer query filter sees no other). A promise made in the contact is recorded by <see cref="PromisesHandler"/> in
/// the same transaction and linked. Entries are never changed or deleted: a later entry corrects an earlier one.
/// </summary>
public sealed class ContactLogHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PromisesHandler promises)
{
    public const int NoteLength = 2000;
    public const int NextStepLength = 200;

    public async Task<LoggedContactView> LogAsync(Guid customerId, LogContact request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var today = clock.Today;
        var occurredOn = request.OccurredOn ?? today;
        var note = CreditFileAccess.Text(request.Note, "note", NoteLength);
        var nextStep = CreditFileAccess.Text(request.NextStep, "nextStep", NextStepLength);
        ContactRules.Validate(request.Kind, request.Outcome, request.Promise is not null, occurredOn, nextStep is not null, request.NextStepOn, today);
        return await Transactions.RunAsync(db, async token =>
        {
            Guid? promiseId = null;
            if (request.Promise is { } p)
            {
                // The promise keeps the contact's words when they fit its own, shorter note.
                var promiseNote = note is { Length: <= 1000 } ? note : null;
                promiseId = (await promises.CreateAsync(customerId, new CreatePromise(p.Amount, p.PromisedOn, p.Currency, promiseNote), token)).Id;
            }
            var activity = new CollectionActivity
            {
                CompanyId = company, Id = Ids.New(), CustomerId = customerId, Kind = request.Kind, Outcome = request.Outcome, Note = note,
                NextStep = nextStep, NextStepOn = request.NextStepOn, OccurredOn = occurredOn, PromiseId = promiseId, UserId = scope.UserId,
                RecordedAt = clock.Now, RecordedBy = scope.Actor,
            };
            db.CollectionActivities.Add(activity);
            await db.SaveChangesAsync(token);
            return View(activity);
        }, ct);
    }

    /// <summary>The customer's contacts, newest day first (the latest <paramref name="take"/>, at most 500).</summary>
    public async Task<IReadOnlyList<LoggedContactView>> ForCustomerAsync(Guid customerId, int take, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var rows = await db.CollectionActivities.AsNoTracking().Where(a => a.CompanyId == company && a.CustomerId == customerId)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    private static LoggedContactView View(CollectionActivity a) => new(a.Id, a.CustomerId, a.Kind, a.Outcome, a.Note, a.NextStep, a.NextStepOn,
        a.OccurredOn, a.PromiseId, a.RecordedAt, a.RecordedBy);
}
