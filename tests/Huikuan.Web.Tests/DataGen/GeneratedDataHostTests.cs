using Huikuan.Web.Demo;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.DataGen;

/// <summary>
/// The command-line host (the benchmarks) builds its services from the same registration as the app: every handler
/// resolves there, with everything it needs, so a handler's new dependency cannot break the benchmarks unnoticed.
/// </summary>
public sealed class GeneratedDataHostTests
{
    [Fact]
    public void EveryHandler_ResolvesFromTheCommandLineHost_OnSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), "huikuan-host-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            ResolveEveryHandler("Sqlite", $"Data Source={file}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void EveryHandler_ResolvesFromTheCommandLineHost_OnPostgres() => ResolveEveryHandler("Postgres", PostgresServer.CreateDatabase());

    [Fact]
    public void TheHandlerList_HoldsTheHandlersTheBenchmarksDrive()
    {
        // The list the registration walks must not come out empty (a renamed namespace would make every check above vacuous).
        Assert.Contains(typeof(Huikuan.Web.Features.Dunning.DunningRunHandler), ServiceRegistration.HandlerTypes);
        Assert.Contains(typeof(Huikuan.Web.Features.Dunning.PaymentNoticesHandler), ServiceRegistration.HandlerTypes);
        Assert.Contains(typeof(Huikuan.Web.Features.Receipts.RecordReceiptHandler), ServiceRegistration.HandlerTypes);
        Assert.True(ServiceRegistration.HandlerTypes.Count > 40, $"only {ServiceRegistration.HandlerTypes.Count} handlers found");
    }

    private static void ResolveEveryHandler(string provider, string connectionString)
    {
        using var services = GeneratedDataHost.Build(provider, connectionString, new TestClock());
        using var scope = services.CreateScope();
        var failures = new List<string>();
        foreach (var type in ServiceRegistration.HandlerTypes)
        {
            try
            {
                Assert.NotNull(scope.ServiceProvider.GetRequiredService(type));
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{type.Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
