using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>
/// Runs pre-due reminders and dunning (<see cref="DunningRunHandler"/>) for every company once a day, at or after
/// <c>Huikuan:DunningJob:Hour</c> (on each company's own wall clock, 1 by default; the first time shortly after start when that hour has passed).
/// Off unless <c>Huikuan:DunningJob:Enabled</c> is true, so tests and imports decide when it runs. A restart the same
/// day runs again, which sends nothing twice: the run is idempotent per customer, level and day.
/// </summary>
public sealed class DunningDailyJob(IServiceProvider services, IConfiguration configuration, ILogger<DunningDailyJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Huikuan:DunningJob:Enabled"))
        {
            return;
        }
        var hour = Math.Clamp(configuration.GetValue("Huikuan:DunningJob:Hour", 1), 0, 23);
        // Each company runs once a business day of its own, from the hour on its own wall clock.
        await using var jobScope = services.CreateAsyncScope();
        var clock = jobScope.ServiceProvider.GetRequiredService<BusinessClock>();
        var lastRun = new Dictionary<Guid, DateOnly>();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunDueAsync(clock, hour, lastRun, stoppingToken);
            await clock.DelayAsync(TimeSpan.FromMinutes(10), stoppingToken);
        }
    }

    internal async Task RunDueAsync(BusinessClock clock, int hour, Dictionary<Guid, DateOnly> lastRun, CancellationToken ct)
    {
        List<Guid> companies;
        await using (var s = services.CreateAsyncScope())
        {
            companies = await s.ServiceProvider.GetRequiredService<HuikuanDbContext>().Companies.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        }
        foreach (var company in companies)
        {
            var local = clock.LocalNowFor(company);
            var today = DateOnly.FromDateTime(local.DateTime);
            if (local.Hour < hour || (lastRun.TryGetValue(company, out var last) && last == today))
            {
                continue;
            }
            lastRun[company] = today;
            try
            {
                await using var s = services.CreateAsyncScope();
                s.ServiceProvider.GetRequiredService<Scope>().Enter(company, "dunning-job");
                var run = await s.ServiceProvider.GetRequiredService<DunningRunHandler>().RunAsync(DunningRunTrigger.Scheduled, confirmed: false, null, ct);
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("Dunning run for {Company}: {Reminders} reminders, {Sent} sent, {Lowered} lowered, {Skipped} skipped, {Failed} failed",
                        company, run.Reminders, run.Sent, run.Lowered, run.Skipped, run.Failed);
                }
            }
            catch (DunningRunNeedsConfirmationException e)
            {
                // A first run, or many serious letters at once, waits for a person on the dunning page.
                log.LogWarning("The dunning run for company {Company} waits for confirmation: {Serious} customers from level {Level}, first run {First}",
                    company, e.Confirmation.SeriousSends, e.Confirmation.FromLevelCode, e.Confirmation.FirstRun);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The dunning run for company {Company} failed", company);
            }
        }
    }
}
