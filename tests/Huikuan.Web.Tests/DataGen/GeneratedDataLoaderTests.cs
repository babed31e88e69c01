using Huikuan.DataGen;
using Huikuan.Domain.Aging;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Ledger;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.DataGen;

public sealed class GeneratedDataLoaderTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    [Fact]
    public async Task Loading_TenThousandInvoicesOnSqlite_GivesAConsistentLedgerAndTheGeneratedAging()
    {
        var file = Path.Combine(Path.GetTempPath(), "huikuan-datagen-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await LoadAndCheckAsync("Sqlite", $"Data Source={file}");
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

    [Fact]
    public async Task Loading_TenThousandInvoicesOnPostgres_GivesAConsistentLedgerAndTheGeneratedAging() =>
        await LoadAndCheckAsync("Postgres", PostgresServer.CreateDatabase());

    private static async Task LoadAndCheckAsync(string provider, string connectionString)
    {
        var clock = new TestClock();
        await using var services = GeneratedDataHost.Build(provider, connectionString, clock);
        await Database.MigrateAsync(services);
        var data = Generator.Generate(DataSetSpec.Small(AsOf));
        LoadResult loaded;
        await using (var scope = services.CreateAsyncScope())
        {
            loaded = await scope.ServiceProvider.GetRequiredService<GeneratedDataLoader>().LoadAsync(data, CancellationToken.None);
        }
        Assert.Equal(10_000, loaded.Invoices);

        await using (var scope = services.CreateAsyncScope())
        {
            var check = await scope.ServiceProvider.GetRequiredService<LedgerCheckHandler>().HandleAsync(loaded.CompanyId, CancellationToken.None);
            Assert.True(check.Ok, string.Join("; ", check.Mismatches.Take(5)));
            Assert.Equal(loaded.Allocations, check.Allocations);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Scope>().Enter(loaded.CompanyId, "test");
            var aging = await scope.ServiceProvider.GetRequiredService<AgingReportHandler>()
                .AmountsByCustomerAsync(loaded.CompanyId, "CNY", AsOf, AgingBuckets.Default, AgingBasis.DueDate, CancellationToken.None);
            var expected = data.Invoices.GroupBy(v => data.Customers[v.CustomerIndex].Id)
                .ToDictionary(g => g.Key, g => g.Sum(v => v.Installments.Sum(i => i.OpenMinor)));
            Assert.Equal(expected.Where(e => e.Value != 0).OrderBy(e => e.Key), aging.Select(a => KeyValuePair.Create(a.Key, a.Value.Sum())).OrderBy(e => e.Key));

            // The handlers number on after the generated documents.
            var receipt = await scope.ServiceProvider.GetRequiredService<RecordReceiptHandler>()
                .HandleAsync(new RecordReceipt(data.Customers[0].Id, AsOf, 100m, AutoApply: true), null, CancellationToken.None);
            Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RC-{loaded.Receipts + 1:D6}"), receipt.Receipt.Number);
        }
    }
}
