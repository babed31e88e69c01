using Huikuan.Domain;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Promises;

public sealed record KeptAmountView(string Currency, decimal Promised, decimal Paid, decimal? Rate);

/// <summary>
/// The promise-kept rate of a customer or of a collector (the user who recorded the promises) over promised days from
/// <see cref="From"/> to <see cref="To"/>: decided promises by status, the rate by count (kept ÷ decided) and by amount
/// per currency (paid ÷ promised), and how many are still open. Cancelled promises are left out.
/// </summary>
public sealed record PromiseKeptRateView(
    Guid? CustomerId, string? Collector, DateOnly From, DateOnly To, int Decided, int Kept, int PartlyKept, int Broken, int Open,
    decimal? ByCount, IReadOnlyList<KeptAmountView> ByAmount);

/// <summary>
/// Promise-kept rates (R26) for a customer or a collector. Statuses are those as of today, so a promise whose grace ran
/// out since the last daily run counts as decided already. A salesperson sees only their own customers' promises.
/// </summary>
public sealed class PromiseKeptRatesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PromisesHandler promises)
{
    public const int DefaultPeriodDays = 365;
    public const int MaxPeriodDays = 3660;

    public async Task<PromiseKeptRateView> GetAsync(Guid? customerId, string? collector, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        collector = string.IsNullOrWhiteSpace(collector) ? null : collector.Trim();
        if ((customerId is null) == (collector is null))
        {
            throw new DomainRuleException("promiseRate.subject", "customerId", "Name either a customer or a collector.");
        }
        var last = to ?? clock.Today;
        var first = from ?? last.AddDays(-DefaultPeriodDays);
        if (first > last || last.DayNumber - first.DayNumber > MaxPeriodDays)
        {
            throw new DomainRuleException("promiseRate.period", "from",
                $"The period runs forwards and spans at most {MaxPeriodDays} days.", MaxPeriodDays);
        }
        var company = scope.CompanyId;
        if (customerId is { } c)
        {
            await CreditFile.CreditFileAccess.RequireCustomerAsync(db, company, c, ct);
        }
        var q = db.PaymentPromises.AsNoTracking()
            .Where(p => p.CompanyId == company && p.Status != PromiseStatus.Cancelled && p.PromisedOn >= first && p.PromisedOn <= last)
            .Where(p => db.Customers.Any(x => x.CompanyId == company && x.Id == p.CustomerId));
        q = customerId is { } id ? q.Where(p => p.CustomerId == id) : q.Where(p => p.CreatedBy == collector);
        var rows = await q.Select(p => new { p.Id, p.CustomerId, p.Currency, p.Status, p.AmountMinor, p.PaidMinor }).ToListAsync(ct);
        var asOfToday = await promises.AsOfTodayAsync(
            [.. rows.Where(p => p.Status is PromiseStatus.Open or PromiseStatus.Kept).Select(p => p.CustomerId).Distinct()], ct);
        var now = rows.Select(p => asOfToday.TryGetValue(p.Id, out var o)
            ? new DecidedPromise(p.Currency, o.Status, p.AmountMinor, o.PaidMinor)
            : new DecidedPromise(p.Currency, p.Status, p.AmountMinor, p.PaidMinor)).ToList();
        var rate = PromiseKeptRate.Of(now);
        return new PromiseKeptRateView(customerId, collector, first, last, rate.Decided, rate.Kept, rate.PartlyKept, rate.Broken,
            now.Count(p => p.Status == PromiseStatus.Open), rate.ByCount,
            [.. rate.ByAmount.Select(a => new KeptAmountView(a.Currency, Currency.Of(a.Currency).ToMajor(a.PromisedMinor),
                Currency.Of(a.Currency).ToMajor(a.PaidMinor), a.Rate))]);
    }
}
