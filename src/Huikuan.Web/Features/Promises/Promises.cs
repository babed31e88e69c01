using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Promises;

public sealed record CreatePromise(decimal Amount, DateOnly PromisedOn, string? Currency = null, string? Note = null);

public sealed record CancelPromise(string? Note = null);

/// <summary>A promise with its status as of today (read from the receipts) and what has been paid towards it.</summary>
public sealed record PromiseView(
    Guid Id, Guid CustomerId, string Currency, decimal Amount, DateOnly MadeOn, DateOnly PromisedOn, string Status, decimal Paid,
    string? Note, string CreatedBy);

/// <summary>
/// Promises to pay (R16). Whoever works the customer records one (collectors, accountants, credit managers, the
/// salesperson for their own customers; not executives). Its status comes from the receipts (<see cref="PromiseToPay"/>):
/// <see cref="ResolveCustomersAsync"/> stores it after every receipt and reversal of the customer, and
/// <see cref="ResolveAsync"/> for the whole company in the daily credit run, where broken and partly kept promises open
/// a review. Views show the status as of today. A customer with a running promise is not dunned.
/// </summary>
public sealed class PromisesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PaymentPlans.PaymentPlansHandler plans)
{
    /// <summary>
    /// Kept promises are read again while their window may still run: the longest grace (10 business days) spans at most
    /// 16 calendar days after the promised day.
    /// </summary>
    private const int LongestGraceSpan = 16;

    public async Task<PromiseView> CreateAsync(Guid customerId, CreatePromise request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var company = scope.CompanyId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId)
            .Select(c => new { c.Currency }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        var currency = Currency.Of(request.Currency ?? customer.Currency);
        var amount = currency.ToMinor(request.Amount, "amount");
        var today = Today;
        PromiseToPay.Validate(amount, today, request.PromisedOn);
        var promise = new PaymentPromise
        {
            CompanyId = company, Id = Ids.New(), CustomerId = customerId, Currency = currency.Code, AmountMinor = amount, MadeOn = today,
            PromisedOn = request.PromisedOn, Note = Companies.CompanyHandler.Optional(request.Note, "note", 1000), Status = PromiseStatus.Open,
            CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
        db.PaymentPromises.Add(promise);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(customerId, p => p.Id == promise.Id, ct)).Single();
    }

    public async Task<IReadOnlyList<PromiseView>> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await CreditFile.CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        return await ViewsAsync(customerId, p => p.CustomerId == customerId, ct);
    }

    public async Task<PromiseView> CancelAsync(Guid id, CancelPromise request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var promise = await db.PaymentPromises.SingleOrDefaultAsync(p => p.CompanyId == scope.CompanyId && p.Id == id, ct)
            ?? throw new NotFoundException("Promise", id);
        if (promise.Status != PromiseStatus.Open)
        {
            throw new ConflictException("promise.closed", $"This promise is {StatusName(promise.Status)} already.", StatusName(promise.Status));
        }
        promise.Status = PromiseStatus.Cancelled;
        promise.ResolvedOn = Today;
        promise.Note = Companies.CompanyHandler.Optional(string.Join(" · ", new[] { promise.Note, request.Note }.Where(n => !string.IsNullOrWhiteSpace(n))), "note", 1000);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(promise.CustomerId, p => p.Id == id, ct)).Single();
    }

    /// <summary>The business days after the promised day that money still counts (the company's, else 2).</summary>
    public async Task<int> GraceDaysAsync(CancellationToken ct) =>
        await db.Companies.AsNoTracking().Where(c => c.Id == scope.CompanyId).Select(c => c.PromiseGraceDays).SingleAsync(ct)
        ?? PromiseToPay.DefaultGraceDays;

    /// <summary>
    /// Stores the status of every undecided promise of the company (and takes back a kept one that a reversal left short
    /// while its window runs), and returns those found broken or partly kept now so that the caller can act on them;
    /// the caller's SaveChanges stores them. Needs no permission: it only records facts.
    /// </summary>
    public async Task<IReadOnlyList<PaymentPromise>> ResolveAsync(CancellationToken ct)
    {
        var decided = Apply(await EvaluateAsync(null, tracking: true, ct));
        // Payment plans are followed at the same moments as promises.
        await plans.ResolveAsync(null, ct);
        return decided;
    }

    /// <summary>
    /// The same for a few customers, after their receipts changed (recorded, posted from the bank, reversed), and their
    /// payment plans; saved here.
    /// </summary>
    public async Task ResolveCustomersAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0)
        {
            return;
        }
        Apply(await EvaluateAsync(customerIds, tracking: true, ct));
        await plans.ResolveAsync(customerIds, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The status as of today of the undecided promises of these customers; nothing is stored.</summary>
    internal async Task<IReadOnlyDictionary<Guid, PromiseOutcome>> AsOfTodayAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        customerIds.Count == 0 ? new Dictionary<Guid, PromiseOutcome>()
            : (await EvaluateAsync(customerIds, tracking: false, ct)).ToDictionary(x => x.Promise.Id, x => x.Outcome);

    /// <summary>The status as it is shown and sent: camel case, as every enum of the API (partlyKept).</summary>
    public static string StatusName(PromiseStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private DateOnly Today => clock.Today;

    private List<PaymentPromise> Apply(IReadOnlyList<(PaymentPromise Promise, PromiseOutcome Outcome)> evaluated)
    {
        var today = Today;
        var decided = new List<PaymentPromise>();
        foreach (var (p, outcome) in evaluated)
        {
            if (p.Status == outcome.Status && p.PaidMinor == outcome.PaidMinor)
            {
                continue;
            }
            if (p.Status != outcome.Status)
            {
                p.ResolvedOn = outcome.Status == PromiseStatus.Open ? null : today;
                if (outcome.Status is PromiseStatus.Broken or PromiseStatus.PartlyKept)
                {
                    decided.Add(p);
                }
            }
            p.Status = outcome.Status;
            p.PaidMinor = outcome.PaidMinor;
        }
        return decided;
    }

    /// <summary>
    /// The promises still to be decided (open, or kept while their window may run) of the given customers (null: all),
    /// with their status as of today. One read of the promises around them (those decided for good keep what they took),
    /// one of the receipts since the earliest was made.
    /// </summary>
    private async Task<IReadOnlyList<(PaymentPromise Promise, PromiseOutcome Outcome)>> EvaluateAsync(
        IReadOnlyCollection<Guid>? customerIds, bool tracking, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = Today;
        var keptFrom = today.AddDays(-LongestGraceSpan);
        var aroundFrom = today.AddDays(-(PromiseToPay.MaxDaysAhead + LongestGraceSpan));
        var q = db.PaymentPromises.Where(p => p.CompanyId == company);
        if (customerIds is not null)
        {
            q = q.Where(p => customerIds.Contains(p.CustomerId));
        }
        var rows = await (tracking ? q : q.AsNoTracking())
            .Where(p => p.Status != PromiseStatus.Cancelled && (p.Status == PromiseStatus.Open || p.PromisedOn >= aroundFrom))
            .Where(p => db.PaymentPromises.Any(o => o.CompanyId == company && o.CustomerId == p.CustomerId
                && (o.Status == PromiseStatus.Open || (o.Status == PromiseStatus.Kept && o.PromisedOn >= keptFrom))))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var grace = await GraceDaysAsync(ct);
        var live = rows.Where(p => p.Status == PromiseStatus.Open
            || (p.Status == PromiseStatus.Kept && PromiseToPay.LastDay(p.PromisedOn, grace) >= today)).ToList();
        if (live.Count == 0)
        {
            return [];
        }
        // The promises decided for good whose window reaches the undecided ones' are read with them, from their own first
        // day: they take back what they had before the undecided ones are served.
        var liveIds = live.Select(p => p.Id).ToHashSet();
        var liveFrom = live.Min(p => p.MadeOn);
        var around = rows.Where(p => liveIds.Contains(p.Id) || PromiseToPay.LastDay(p.PromisedOn, grace) >= liveFrom).ToList();
        var from = around.Min(p => p.MadeOn);
        var customers = live.Select(p => p.CustomerId).Distinct().ToList();
        var receipts = (await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && customers.Contains(r.CustomerId) && r.ReceivedOn >= from && r.ReceivedOn <= today)
            .Select(r => new { r.Id, r.CustomerId, r.Currency, r.ReceivedOn, r.AmountMinor, r.ReversalOfId, r.RecordedAt, r.Number })
            .ToListAsync(ct))
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.RecordedAt).ThenBy(r => r.Number, StringComparer.Ordinal)
            .ToLookup(r => (r.CustomerId, r.Currency), r => new ReceivedPayment(r.ReceivedOn, r.AmountMinor, r.Id, r.ReversalOfId));
        var result = new List<(PaymentPromise, PromiseOutcome)>(live.Count);
        foreach (var group in around.GroupBy(p => (p.CustomerId, p.Currency)).Where(g => g.Any(p => liveIds.Contains(p.Id))))
        {
            var promises = group.ToList();
            var outcomes = PromiseToPay.EvaluateAll(
                [.. promises.Select(p => new PromiseTerms(p.Id, p.AmountMinor, p.MadeOn, p.PromisedOn, p.Status, p.PaidMinor))],
                receipts[group.Key], today, grace);
            result.AddRange(promises.Zip(outcomes).Where(x => liveIds.Contains(x.First.Id)));
        }
        return result;
    }

    private async Task<IReadOnlyList<PromiseView>> ViewsAsync(
        Guid customerId, System.Linq.Expressions.Expression<Func<PaymentPromise, bool>> which, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await db.PaymentPromises.AsNoTracking().Where(p => p.CompanyId == company).Where(which)
            .OrderByDescending(p => p.PromisedOn).ThenByDescending(p => p.Id).Take(200).ToListAsync(ct);
        var asOfToday = await AsOfTodayAsync(rows.Any(p => p.Status is PromiseStatus.Open or PromiseStatus.Kept) ? [customerId] : [], ct);
        return rows.Select(p =>
        {
            var (status, paid) = asOfToday.TryGetValue(p.Id, out var now) ? (now.Status, now.PaidMinor) : (p.Status, p.PaidMinor);
            var c = Currency.Of(p.Currency);
            return new PromiseView(p.Id, p.CustomerId, p.Currency, c.ToMajor(p.AmountMinor), p.MadeOn, p.PromisedOn,
                StatusName(status), c.ToMajor(paid), p.Note, p.CreatedBy);
        }).ToList();
    }
}

public static class PromisesEndpoints
{
    public static void MapPromises(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Promises");
        group.MapGet("/customers/{id:guid}/promises", async (Guid id, PromisesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, ct)))
            .WithSummary("The customer's promises to pay, newest day first, with their status today (open, kept, partlyKept, broken, cancelled).");
        group.MapPost("/customers/{id:guid}/promises", async (Guid id, CreatePromise body, PromisesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CreateAsync(id, body, ct)))
            .WithSummary("Record a promise to pay an amount by a day; kept, partly kept or broken is read from the receipts, after a grace of business days.");
        group.MapPost("/promises/{id:guid}/cancel", async (Guid id, CancelPromise? body, PromisesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CancelAsync(id, body ?? new CancelPromise(), ct)))
            .WithSummary("Withdraw an open promise (a mistake, or replaced by a new one).");
        group.MapGet("/promises/kept-rate", async (Guid? customerId, string? collector, DateOnly? from, DateOnly? to, PromiseKeptRatesHandler handler,
                CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(customerId, collector, from, to, ct)))
            .WithSummary("The promise-kept rate of a customer or of a collector (who recorded the promises) over promised days, by default "
                + "the last 365: kept ÷ decided by count, paid ÷ promised by amount per currency; partly kept is not kept, cancelled left out.");
        group.MapGet("/promises/grace", async (PromiseGraceHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithSummary("The business days after a promised day that money still counts towards the promise (default 2).");
        group.MapPut("/promises/grace", async (SetPromiseGrace body, PromiseGraceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetAsync(body, ct)))
            .WithSummary("Set the grace after a promised day, 0 to 10 business days (null: the default); for those who manage dunning.");
    }
}
