using Huikuan.DataGen;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Huikuan.Web.Tests.Features.Credit;

/// <summary>The daily credit run on a generated company, timed (printed, not asserted: the machine is shared).</summary>
public sealed class CreditDailyRunTimingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheDailyRun_OnAThousandGeneratedCustomers_ScoresEveryoneWithSomethingDue_AndASecondRunAddsNothing()
    {
        var customers = int.TryParse(Environment.GetEnvironmentVariable("HUIKUAN_CREDIT_RUN_CUSTOMERS"), out var n) ? n : 1_000;
        var file = Path.Combine(Path.GetTempPath(), "huikuan-credit-run-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var clock = new TestClock();
            await using var services = GeneratedDataHost.Build("Sqlite", $"Data Source={file}", clock);
            await Database.MigrateAsync(services);
            var data = Generator.Generate(new DataSetSpec("credit", customers, customers * 10, clock.Today));
            LoadResult loaded;
            await using (var scope = services.CreateAsyncScope())
            {
                loaded = await scope.ServiceProvider.GetRequiredService<GeneratedDataLoader>().LoadAsync(data, CancellationToken.None);
            }

            var first = await RunAsync(services, loaded.CompanyId);
            var second = await RunAsync(services, loaded.CompanyId);

            Assert.Equal(customers, first.Customers);
            Assert.True(first.Scored > customers / 2, $"{first.Scored} of {customers} scored");
            Assert.Equal(first.Scored, second.Scored);
            Assert.Equal(0, second.Reviews.Opened);
            var snapshots = await WithDbAsync(services, db => Task.FromResult(db.CreditScoreSnapshots.Count(s => s.CompanyId == loaded.CompanyId)));
            Assert.Equal(first.Scored, snapshots);   // one per customer and day, however often it runs
            output.WriteLine($"Daily credit run, SQLite, {customers} customers / {customers * 10} invoices: first {first.ElapsedMs} ms " +
                $"({first.ElapsedMs / (double)customers:0.0} ms per customer, {first.Reviews.Opened} reviews opened), second {second.ElapsedMs} ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    private static async Task<CreditDailyRunResult> RunAsync(IServiceProvider services, Guid company)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope>().Enter(company, "test");
        return await scope.ServiceProvider.GetRequiredService<CreditDailyRunHandler>().RunAsync(CancellationToken.None);
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<Huikuan.Web.Data.HuikuanDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<Huikuan.Web.Data.HuikuanDbContext>());
    }
}
