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
/// salesperson for their own customers; not executives). Its status comes from the receipts: <see cref="ResolveAsync"/>
/// stores kept and broken ones (the credit scan calls it, and a broken promise opens a review); until then views show
/// the status as of today. A customer with an open promise is not dunned.
/// </summary>
public sealed class PromisesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
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
        return (await ViewsAsync(p => p.Id == promise.Id, ct)).Single();
    }

    public async Task<IReadOnlyList<PromiseView>> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await CreditFile.CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        return await ViewsAsync(p => p.CustomerId == customerId, ct);
    }

    public async Task<PromiseView> CancelAsync(Guid id, CancelPromise request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var promise = await db.PaymentPromises.SingleOrDefaultAsync(p => p.CompanyId == scope.CompanyId && p.Id == id, ct)
            ?? throw new NotFoundException("Promise", id);
        if (promise.Status != PromiseStatus.Open)
        {
            throw new ConflictException("promise.closed", $"This promise is {promise.Status.ToString().ToLowerInvariant()} already.", promise.Status.ToString());
        }
        promise.Status = PromiseStatus.Cancelled;
        promise.ResolvedOn = Today;
        promise.Note = Companies.CompanyHandler.Optional(string.Join(" · ", new[] { promise.Note, request.Note }.Where(n => !string.IsNullOrWhiteSpace(n))), "note", 1000);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(p => p.Id == id, ct)).Single();
    }

    /// <summary>Whether the customer has a promise still running (open, its day not passed): dunning leaves them alone.</summary>
    public async Task<bool> HasActivePromiseAsync(Guid customerId, CancellationToken ct)
    {
        var today = Today;
        return await db.PaymentPromises.AnyAsync(p => p.CompanyId == scope.CompanyId && p.CustomerId == customerId
            && p.Status == PromiseStatus.Open && p.PromisedOn >= today, ct);
    }

    /// <summary>
    /// Marks every open promise that is kept by now or whose day has passed, and returns those found broken so that the
    /// caller can act on them; the caller's SaveChanges stores both. Needs no permission: it only records facts.
    /// </summary>
    public async Task<IReadOnlyList<PaymentPromise>> ResolveAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = Today;
        var open = await db.PaymentPromises.Where(p => p.CompanyId == company && p.Status == PromiseStatus.Open).ToListAsync(ct);
        var payments = await PaymentsAsync(open, ct);
        var broken = new List<PaymentPromise>();
        foreach (var p in open)
        {
            var (status, paid) = PromiseToPay.Evaluate(p.AmountMinor, p.MadeOn, p.PromisedOn, payments.GetValueOrDefault((p.CustomerId, p.Currency)) ?? [], today);
            if (status == PromiseStatus.Open)
            {
                continue;
            }
            p.Status = status;
            p.PaidMinor = paid;
            p.ResolvedOn = today;
            if (status == PromiseStatus.Broken)
            {
                broken.Add(p);
            }
        }
        return broken;
    }

    private DateOnly Today => clock.Today;

    private async Task<IReadOnlyList<PromiseView>> ViewsAsync(System.Linq.Expressions.Expression<Func<PaymentPromise, bool>> which, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await db.PaymentPromises.AsNoTracking().Where(p => p.CompanyId == company).Where(which)
            .OrderByDescending(p => p.PromisedOn).ThenByDescending(p => p.Id).Take(200).ToListAsync(ct);
        var payments = await PaymentsAsync(rows.Where(p => p.Status == PromiseStatus.Open).ToList(), ct);
        var today = Today;
        return rows.Select(p =>
        {
            var (status, paid) = p.Status == PromiseStatus.Open
                ? PromiseToPay.Evaluate(p.AmountMinor, p.MadeOn, p.PromisedOn, payments.GetValueOrDefault((p.CustomerId, p.Currency)) ?? [], today)
                : (p.Status, p.PaidMinor);
            var c = Currency.Of(p.Currency);
            return new PromiseView(p.Id, p.CustomerId, p.Currency, c.ToMajor(p.AmountMinor), p.MadeOn, p.PromisedOn,
                status.ToString().ToLowerInvariant(), c.ToMajor(paid), p.Note, p.CreatedBy);
        }).ToList();
    }

    /// <summary>The receipts (reversals negative) of the promising customers since the earliest promise, by customer and currency.</summary>
    private async Task<Dictionary<(Guid, string), List<ReceivedPayment>>> PaymentsAsync(List<PaymentPromise> promises, CancellationToken ct)
    {
        if (promises.Count == 0)
        {
            return [];
        }
        var company = scope.CompanyId;
        var customers = promises.Select(p => p.CustomerId).Distinct().ToList();
        var from = promises.Min(p => p.MadeOn);
        var rows = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && customers.Contains(r.CustomerId) && r.ReceivedOn >= from)
            .Select(r => new { r.CustomerId, r.Currency, r.ReceivedOn, r.AmountMinor }).ToListAsync(ct);
        return rows.GroupBy(r => (r.CustomerId, r.Currency))
            .ToDictionary(g => g.Key, g => g.Select(r => new ReceivedPayment(r.ReceivedOn, r.AmountMinor)).ToList());
    }
}

public static class PromisesEndpoints
{
    public static void MapPromises(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Promises");
        group.MapGet("/customers/{id:guid}/promises", async (Guid id, PromisesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, ct)))
            .WithSummary("The customer's promises to pay, newest day first, with their status today (open, kept, broken, cancelled).");
        group.MapPost("/customers/{id:guid}/promises", async (Guid id, CreatePromise body, PromisesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CreateAsync(id, body, ct)))
            .WithSummary("Record a promise to pay an amount by a day; kept or broken is read from the receipts.");
        group.MapPost("/promises/{id:guid}/cancel", async (Guid id, CancelPromise? body, PromisesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CancelAsync(id, body ?? new CancelPromise(), ct)))
            .WithSummary("Withdraw an open promise (a mistake, or replaced by a new one).");
    }
}
