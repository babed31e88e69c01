using System.Diagnostics;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

public sealed record CreditDailyRunResult(DateOnly AsOf, int Customers, int Scored, ReviewScanResult Reviews, long ElapsedMs);

/// <summary>
/// The daily credit run for the caller's company: a score snapshot for every customer (one per day: a second run the
/// same day replaces that day's), then the review scan. Run by <see cref="CreditDailyJob"/> and on demand.
/// </summary>
public sealed class CreditDailyRunHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, CreditScoreHistoryHandler history, CreditScoreHandler scores,
    CreditPoliciesHandler policies, CreditReviewsHandler reviews)
{
    private const int Batch = 500;

    public async Task<CreditDailyRunResult> RunAsync(CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var watch = Stopwatch.StartNew();
        var company = scope.CompanyId;
        var today = clock.Today;
        var schedule = await policies.ScheduleAsync(ct);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company).Select(c => new { c.Id, c.Currency })
            .ToDictionaryAsync(c => c.Id, c => c.Currency, ct);
        // A few company-wide reads, not a dozen queries per customer: the scores, then today's snapshots and the credit rows.
        var all = await scores.ForAllAsync(today, ct);
        var existing = await db.CreditScoreSnapshots.Where(s => s.CompanyId == company && s.AsOf == today).ToDictionaryAsync(s => s.CustomerId, ct);
        var credits = await db.CustomerCredit.Where(x => x.CompanyId == company).ToDictionaryAsync(x => x.CustomerId, ct);
        var habits = await db.CustomerPaymentHabits.Where(h => h.CompanyId == company).ToDictionaryAsync(h => h.CustomerId, ct);
        var scored = 0;
        foreach (var chunk in all.Chunk(Batch))
        {
            foreach (var score in chunk)
            {
                if (history.Apply(score, existing.GetValueOrDefault(score.CustomerId), credits.GetValueOrDefault(score.CustomerId),
                        customers[score.CustomerId], CreditScoreHistoryHandler.Daily, schedule) is not null)
                {
                    scored++;
                }
                Habit(habits, company, today, score.Behaviour);
            }
            await db.SaveChangesAsync(ct);
        }
        // A customer with nothing due in the last 12 months any more has no habit to judge.
        var seen = all.Select(s => s.CustomerId).ToHashSet();
        foreach (var stale in habits.Values.Where(h => !seen.Contains(h.CustomerId) && (h.AsOf != today || h.ItemsDue != 0)))
        {
            (stale.AsOf, stale.ItemsDue, stale.PaidOnTime, stale.AverageDaysLate) = (today, 0, 0, null);
        }
        await db.SaveChangesAsync(ct);
        var scan = await reviews.ScanAsync(ct);
        return new CreditDailyRunResult(today, customers.Count, scored, scan, watch.ElapsedMilliseconds);
    }

    /// <summary>Today's payment habit of one customer, into its row (tracked, or a new one); no save.</summary>
    private void Habit(Dictionary<Guid, CustomerPaymentHabit> habits, Guid company, DateOnly today, PaymentBehaviourView b)
    {
        if (!habits.TryGetValue(b.CustomerId, out var habit))
        {
            habit = new CustomerPaymentHabit { CompanyId = company, CustomerId = b.CustomerId };
            db.CustomerPaymentHabits.Add(habit);
            habits[b.CustomerId] = habit;
        }
        (habit.AsOf, habit.ItemsDue, habit.PaidOnTime) = (today, b.ItemsDue, b.PaidOnTime);
        habit.AverageDaysLate = b.AverageDaysLate is { } late ? Math.Round(late, 2, MidpointRounding.AwayFromZero) : null;
    }
}

/// <summary>
/// Runs <see cref="CreditDailyRunHandler"/> for every company once a business day of its own (in its time zone), the first time shortly after start.
/// Off unless <c>Huikuan:CreditJob:Enabled</c> is true, so tests and imports decide when it runs; the endpoint
/// POST /api/credit/daily-run runs it on demand.
/// </summary>
public sealed class CreditDailyJob(IServiceProvider services, IConfiguration configuration, ILogger<CreditDailyJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Huikuan:CreditJob:Enabled"))
        {
            return;
        }
        // Each company is scored once a business day of its own.
        await using var jobScope = services.CreateAsyncScope();
        var clock = jobScope.ServiceProvider.GetRequiredService<BusinessClock>();
        var lastRun = new Dictionary<Guid, DateOnly>();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunDueAsync(clock, lastRun, stoppingToken);
            await clock.DelayAsync(TimeSpan.FromMinutes(10), stoppingToken);
        }
    }

    private async Task RunDueAsync(BusinessClock clock, Dictionary<Guid, DateOnly> lastRun, CancellationToken ct)
    {
        List<Guid> companies;
        await using (var s = services.CreateAsyncScope())
        {
            companies = await s.ServiceProvider.GetRequiredService<HuikuanDbContext>().Companies.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        }
        foreach (var company in companies)
        {
            var today = clock.TodayFor(company);
            if (lastRun.TryGetValue(company, out var last) && last == today)
            {
                continue;
            }
            lastRun[company] = today;
            try
            {
                await using var s = services.CreateAsyncScope();
                s.ServiceProvider.GetRequiredService<Scope>().Enter(company, "credit-job");
                var result = await s.ServiceProvider.GetRequiredService<CreditDailyRunHandler>().RunAsync(ct);
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("Credit run for {Company}: {Scored} of {Customers} customers scored, {Opened} reviews opened, {Ms} ms",
                        company, result.Scored, result.Customers, result.Reviews.Opened, result.ElapsedMs);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The credit run for company {Company} failed", company);
            }
        }
    }
}
