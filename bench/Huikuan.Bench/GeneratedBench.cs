using System.Diagnostics;
using Huikuan.DataGen;
using Huikuan.Domain.Aging;
using Huikuan.Web.Data;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Features.Worklist;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Huikuan.Bench.Timing;

namespace Huikuan.Bench;

/// <summary>
/// Loads a generated data set, then measures on that one database: Huikuan's aging against the
/// hand-written SQL (now, and as of six months back) and receipt posting with auto-apply.
/// </summary>
internal static class GeneratedBench
{
    /// <summary>The worklist of a company of 50,000 customers builds within this (the collections workspace's speed requirement).</summary>
    private static readonly TimeSpan WorklistTarget = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(BenchOptions options, BenchDatabase database, CancellationToken ct)
    {
        var clock = new FixedClock(options.AsOf);
        var opened = await OpenAsync(options, database, clock, ct);
        await using var services = opened.Services;
        var loaded = opened.Loaded;

        var company = loaded.CompanyId;
        var buckets = AgingBuckets.Default;
        async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Scope>().Enter(company, "bench");
            return await work(scope.ServiceProvider);
        }
        Task<Dictionary<Guid, long[]>> Huikuan(DateOnly asOf) => InScope(sp => sp.GetRequiredService<AgingReportHandler>()
            .AmountsByCustomerAsync(company, "CNY", asOf, buckets, AgingBasis.DueDate, ct));

        if (options.Explain)
        {
            await InScope(async sp =>
            {
                await Explain.PrintAsync(sp.GetRequiredService<HuikuanDbContext>(), company, options.AsOf, buckets, ct);
                return 0;
            });
        }
        var rows = new List<string[]> { new[] { "measure", "items", "Huikuan ms", "hand SQL ms", "ratio", "Huikuan min-max", "SQL min-max", "same sums" } };
        // --worklist-only: the morning's credit run and the worklist, nothing else (a T2 data set measured again after a change).
        foreach (var (label, asOf, sql) in options.WorklistOnly ? [] : new (string, DateOnly, Func<HuikuanDbContext, DateOnly, Task<Dictionary<Guid, long[]>>>)[]
        {
            ("aging now", options.AsOf, (db, d) => HandSql.AgingAsync(db, company, "CNY", d, buckets, ct)),
            ("aging 6 months back", options.AsOf.AddMonths(-6), (db, d) => HandSql.AgingAsOfAsync(db, company, "CNY", d, buckets, ct)),
        })
        {
            var (ours, theirs) = await MeasurePairAsync(options.Runs, () => Huikuan(asOf), () => InScope(sp => sql(sp.GetRequiredService<HuikuanDbContext>(), asOf)));
            var items = await InScope(sp => OpenItemsAsOfCountAsync(sp.GetRequiredService<HuikuanDbContext>(), company, asOf, ct));
            var same = SameSums(ours.Result, theirs.Result);
            rows.Add([label, N(items), Ms(ours.MedianMs), Ms(theirs.MedianMs), F(ours.MedianMs / theirs.MedianMs),
                $"{Ms(ours.MinMs)}-{Ms(ours.MaxMs)}", $"{Ms(theirs.MinMs)}-{Ms(theirs.MaxMs)}", same ? "yes" : "NO"]);
            if (!same)
            {
                Console.Error.WriteLine($"{label}: Huikuan and the hand-written SQL disagree.");
            }
        }
        string? dunningLine = null;
        if (!options.WorklistOnly)
        {
            var (planned, handPlanned) = await MeasurePairAsync(options.Runs, () => InScope(sp => DunningBench.PlanAsync(sp, options.AsOf, ct)),
                () => InScope(sp => DunningBench.HandSqlAsync(sp.GetRequiredService<HuikuanDbContext>(), company, options.AsOf, ct)));
            var overdueItems = await InScope(sp => DunningBench.OverdueItemsAsync(sp.GetRequiredService<HuikuanDbContext>(), company, options.AsOf, ct));
            var samePlan = SameSums(planned.Result.ByCustomer, handPlanned.Result.ByCustomer);
            rows.Add(["dunning plan", N(overdueItems), Ms(planned.MedianMs), Ms(handPlanned.MedianMs), F(planned.MedianMs / handPlanned.MedianMs),
                $"{Ms(planned.MinMs)}-{Ms(planned.MaxMs)}", $"{Ms(handPlanned.MinMs)}-{Ms(handPlanned.MaxMs)}", samePlan ? "yes" : "NO"]);
            dunningLine = $"dunning plan: {N(planned.Result.ByCustomer.Count)} customers with overdue items, {N(planned.Result.ToSend)} to send a level";
        }
        // The morning's credit run first: it finds the payment habits the worklist's late-payer rules read.
        var creditRun = await InScope(sp => sp.GetRequiredService<CreditDailyRunHandler>().RunAsync(ct));
        Console.WriteLine($"credit daily run (scores and the payment habits the worklist reads): {N(creditRun.Scored)} customers in {Seconds(TimeSpan.FromMilliseconds(creditRun.ElapsedMs))} s");
        // Today's worklist for the whole team, every row (no capacity cut): all of the company's facts read and scored.
        // The reference is the hand-written SQL of the aging per customer, the least any per-customer list must read; both
        // name the customers with something overdue, which must be the same (every such customer has points: days past due).
        var (worklist, reference) = await MeasurePairAsync(options.Runs,
            () => InScope(async sp =>
            {
                var list = await sp.GetRequiredService<WorklistHandler>().TodayAsync(new WorklistQuery(Team: true, Everything: true), ct);
                return list.Rows.Concat(list.Dropped).Where(r => r.Overdue > 0).Select(r => r.CustomerId).ToHashSet();
            }),
            () => InScope(async sp => (await HandSql.AgingAsync(sp.GetRequiredService<HuikuanDbContext>(), company, "CNY", options.AsOf, buckets, ct))
                .Where(c => c.Value.Skip(1).Sum() > 0).Select(c => c.Key).ToHashSet()));
        var sameCustomers = worklist.Result.SetEquals(reference.Result);
        rows.Add(["worklist (team, every row)", N(worklist.Result.Count), Ms(worklist.MedianMs), Ms(reference.MedianMs), F(worklist.MedianMs / reference.MedianMs),
            $"{Ms(worklist.MinMs)}-{Ms(worklist.MaxMs)}", $"{Ms(reference.MinMs)}-{Ms(reference.MaxMs)}", sameCustomers ? "yes" : "NO"]);
        if (!sameCustomers)
        {
            Console.Error.WriteLine($"worklist: {N(worklist.Result.Count)} customers with something overdue, the hand-written SQL {N(reference.Result.Count)}.");
        }
        Print(rows);
        if (dunningLine is not null)
        {
            Console.WriteLine(dunningLine);
        }
        Console.WriteLine($"worklist: {N(worklist.Result.Count)} customers with something overdue on the team's list, median {Ms(worklist.MedianMs)} ms (target 2,000 ms: {(TimeSpan.FromMilliseconds(worklist.MedianMs) <= WorklistTarget ? "held" : "MISSED")}); reference: the aging per customer in hand-written SQL");

        if (options.Receipts <= 0)
        {
            return rows.Skip(1).All(r => r[^1] == "yes") ? 0 : 1;
        }
        var receipts = await PostReceiptsAsync(options, services, company, clock, ct);
        Console.WriteLine($"receipt posting (RecordReceiptHandler, auto-apply, one transaction each): {N(options.Receipts)} receipts in "
            + $"{F(receipts.TotalSeconds)} s = {F(options.Receipts / receipts.TotalSeconds, "0")} receipts/s");
        return rows.Skip(1).All(r => r[^1] == "yes") ? 0 : 1;
    }

    /// <summary>
    /// The host on the bench database, migrated, with the data set loaded (or found there from an earlier run with
    /// --keep, then --connection, and measured again without reloading).
    /// </summary>
    public static async Task<(ServiceProvider Services, GeneratedData Data, LoadResult Loaded)> OpenAsync(
        BenchOptions options, BenchDatabase database, TimeProvider clock, CancellationToken ct)
    {
        var spec = DataSetSpec.Named(options.Size, options.AsOf) with { Seed = options.Seed };
        // HUIKUAN_BENCH_LOG=Debug shows EF's query compilation and commands, to see where the time goes.
        var logLevel = Environment.GetEnvironmentVariable("HUIKUAN_BENCH_LOG");
        var services = GeneratedDataHost.Build(database.Provider, database.ConnectionString, clock, s =>
        {
            if (Enum.TryParse<LogLevel>(logLevel, out var level))
            {
                s.AddLogging(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(level));
            }
        });
        await Database.MigrateAsync(services, ct);
        Console.WriteLine($"data set {spec.Name}: {N(spec.Customers)} customers, {N(spec.Invoices)} invoices, as of {spec.AsOf:yyyy-MM-dd}, seed {spec.Seed}; {database.Provider} ({database.Where})");

        var data = Generator.Generate(spec);
        LoadResult loaded;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
            if (await db.Companies.AnyAsync(c => c.Id == data.Company.Id, ct))
            {
                loaded = await CountLoadedAsync(db, data.Company.Id, ct);
                Console.WriteLine($"reusing the data set already in the database: {N(loaded.Invoices)} invoices, {N(loaded.Installments)} installments "
                    + $"({N(loaded.OpenInstallments)} open), {N(loaded.Receipts)} receipts, {N(loaded.Allocations)} allocations");
            }
            else
            {
                loaded = await scope.ServiceProvider.GetRequiredService<GeneratedDataLoader>().LoadAsync(data, ct);
                Console.WriteLine($"loaded {N(loaded.Rows)} rows in {F(loaded.Elapsed.TotalSeconds, "0.0")} s ({N((long)(loaded.Rows / loaded.Elapsed.TotalSeconds))} rows/s): "
                    + $"{N(loaded.Invoices)} invoices, {N(loaded.Installments)} installments ({N(loaded.OpenInstallments)} open), {N(loaded.Receipts)} receipts, {N(loaded.Allocations)} allocations");
            }
        }
        return (services, data, loaded);
    }

    private static async Task<LoadResult> CountLoadedAsync(HuikuanDbContext db, Guid company, CancellationToken ct) => new(company,
        await db.Invoices.LongCountAsync(i => i.CompanyId == company, ct),
        await db.Installments.LongCountAsync(i => i.CompanyId == company, ct),
        await db.Installments.LongCountAsync(i => i.CompanyId == company && i.OpenMinor != 0, ct),
        await db.Receipts.LongCountAsync(r => r.CompanyId == company, ct),
        await db.Allocations.LongCountAsync(a => a.CompanyId == company, ct),
        0, TimeSpan.Zero);

    private static async Task<long> OpenItemsAsOfCountAsync(HuikuanDbContext db, Guid company, DateOnly asOf, CancellationToken ct) =>
        await (await OpenItemsAsOf.QueryAsync(db, company, "CNY", asOf, ct)).LongCountAsync(i => i.Open != 0, ct);

    private static async Task<TimeSpan> PostReceiptsAsync(BenchOptions options, ServiceProvider services, Guid company, TimeProvider clock, CancellationToken ct)
    {
        List<Guid> customers;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
            customers = await db.Installments.Where(i => i.CompanyId == company && i.OpenMinor != 0).Select(i => i.CustomerId).Distinct().ToListAsync(ct);
            customers.Sort();
        }
        var rng = new Prng(options.Seed);
        var watch = Stopwatch.StartNew();
        for (var n = 0; n < options.Receipts; n++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Scope>().Enter(company, "bench");
            var amount = rng.NextLong(10_000, 5_000_000) / 100m;
            await scope.ServiceProvider.GetRequiredService<RecordReceiptHandler>().HandleAsync(
                new RecordReceipt(customers[rng.Next(customers.Count)], DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), amount, AutoApply: true), null, ct);
        }
        return watch.Elapsed;
    }

    public static void Print(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            Console.WriteLine(string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }
    }
}

/// <summary>The benchmark's "today": the data set's as-of date, so every run sees the same open items.</summary>
internal sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
