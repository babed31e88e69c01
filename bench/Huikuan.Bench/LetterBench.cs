using System.Diagnostics;
using Huikuan.DataGen;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Huikuan.Bench.Timing;

namespace Huikuan.Bench;

/// <summary>
/// A real dunning run that prints N letters (--letters N): a generated company with 8 customers per letter asked for
/// (some one in six has overdue items on the day; dunning is blocked for those beyond the first N), a policy whose one
/// level, from 1 day overdue, is a letter, then
/// <see cref="DunningRunHandler.RunAsync"/> as the run button does it: the plan, each letter printed by the renderer's
/// warm Chromium outside any transaction, each customer's communication, letter and level written in its own
/// transaction. Every customer with overdue items must get exactly one stored letter and nothing may fail.
/// </summary>
internal static class LetterBench
{
    public static async Task<int> RunAsync(BenchOptions options, BenchDatabase database, CancellationToken ct)
    {
        var customers = Math.Max(40, options.Letters * 8);
        var spec = new DataSetSpec($"letters-{options.Letters}", customers, customers * 10, options.AsOf, options.Seed);
        var clock = new FixedClock(options.AsOf);
        await using var services = GeneratedDataHost.Build(database.Provider, database.ConnectionString, clock);
        await Database.MigrateAsync(services, ct);
        Console.WriteLine($"data set {spec.Name}: {N(spec.Customers)} customers, {N(spec.Invoices)} invoices, as of {spec.AsOf:yyyy-MM-dd}; {database.Provider} ({database.Where})");
        LoadResult loaded;
        await using (var scope = services.CreateAsyncScope())
        {
            loaded = await scope.ServiceProvider.GetRequiredService<GeneratedDataLoader>().LoadAsync(Generator.Generate(spec), ct);
        }
        var company = loaded.CompanyId;
        async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Scope>().Enter(company, "bench");
            return await work(scope.ServiceProvider);
        }
        await InScope(sp => sp.GetRequiredService<DunningPoliciesHandler>().SaveAsync(new SaveDunningPolicy(null, 0, 7, "开户行：招商银行", [3], false, false,
            [new DunningLevelView("letter", 1, 0, [], ["letter"], 0, false, "Collector", null)]), ct));
        var overdue = await InScope(sp => sp.GetRequiredService<HuikuanDbContext>().Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor > 0 && i.DueDate < options.AsOf).Select(i => i.CustomerId).Distinct().ToListAsync(ct));
        overdue.Sort();
        foreach (var customer in overdue.Skip(options.Letters))
        {
            await InScope(sp => sp.GetRequiredService<DunningBlocksHandler>().BlockAsync(customer, new BlockDunning("beyond the letters of this benchmark"), ct));
        }
        var overdueCustomers = Math.Min(options.Letters, overdue.Count);

        var watch = Stopwatch.StartNew();
        var run = await InScope(sp => sp.GetRequiredService<DunningRunHandler>().RunAsync(DunningRunTrigger.OnDemand, true, null, ct));
        var seconds = watch.Elapsed.TotalSeconds;
        var (stored, bytes) = await InScope(async sp =>
        {
            var letters = sp.GetRequiredService<HuikuanDbContext>().DunningLetters.AsNoTracking().Where(l => l.CompanyId == company);
            return (await letters.CountAsync(ct), await letters.SumAsync(l => (long)l.Content.Length, ct));
        });
        Console.WriteLine($"dunning run with letters: {N(run.Sent)} customers sent, {N(run.Letters)} letters printed and stored ({N(stored)} in the database, "
            + $"{F(bytes / 1024.0 / Math.Max(1, stored), "0")} KiB each), {N(run.Failed)} failed, in {F(seconds, "0.0")} s = {F(run.Letters / seconds, "0.0")} letters/s; "
            + $"{N(overdue.Count)} customers had overdue items, {N(overdueCustomers)} of them not blocked");
        if (run.Error is { } error)
        {
            Console.WriteLine("run error: " + error);
        }
        return run.Failed == 0 && run.Letters == overdueCustomers && stored == overdueCustomers && run.Sent == overdueCustomers ? 0 : 1;
    }
}
