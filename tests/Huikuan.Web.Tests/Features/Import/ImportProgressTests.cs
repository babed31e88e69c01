using Huikuan.Web.Features.Import;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Import;

/// <summary>The import page shows how far an import has come: the handlers report checking, then writing, row by row.</summary>
public abstract class ImportProgressTests(HuikuanApp app)
{
    [Fact]
    public async Task Import_ReportsCheckingThenWriting_WithCountsThatOnlyGrow_UpToTheRowCount()
    {
        var api = await app.NewCompanyAsync();
        const int rows = 2_500;
        var file = ImportFiles.Csv("code,name\n" + string.Join('\n', Enumerable.Range(1, rows).Select(i => $"P{i:D5},客户 {i}")));
        var reports = new Reports();

        var summary = await ImportCustomersAsync(api, file, dryRun: false, reports);

        Assert.Equal(rows, summary.RowsImported);
        Assert.Equal(rows, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.CompanyId == api.Company.Id)));
        var all = reports.ToList();
        Assert.Equal([ImportPhase.Checking, ImportPhase.Writing], all.Select(r => r.Phase).Distinct());
        Assert.True(all.FindLastIndex(r => r.Phase == ImportPhase.Checking) < all.FindIndex(r => r.Phase == ImportPhase.Writing), "Checking ends before writing begins.");
        foreach (var phase in new[] { ImportPhase.Checking, ImportPhase.Writing })
        {
            var counts = all.Where(r => r.Phase == phase).ToList();
            Assert.All(counts, r => Assert.Equal(rows, r.Total));
            Assert.Equal(0, counts[0].Done);
            Assert.Equal(rows, counts[^1].Done);
            Assert.True(counts.Zip(counts.Skip(1)).All(p => p.Second.Done > p.First.Done), $"{phase}: {string.Join(", ", counts.Select(c => c.Done))}");
        }
        // At least every 1,000 rows: 0, 1000, 2000, 2500 while writing in batches of 1,000.
        Assert.Equal([0, 1000, 2000, rows], all.Where(r => r.Phase == ImportPhase.Writing).Select(r => r.Done));
    }

    [Fact]
    public async Task Import_AsDryRun_ReportsCheckingOnly_AndWritesNothing()
    {
        var api = await app.NewCompanyAsync();
        var file = ImportFiles.Csv("code,name\nQ1,一\nQ2,二\nQ3,三\n");
        var reports = new Reports();

        var summary = await ImportCustomersAsync(api, file, dryRun: true, reports);

        Assert.Equal((3, 0), (summary.RowsRead, summary.RowsImported));
        var all = reports.ToList();
        Assert.All(all, r => Assert.Equal(ImportPhase.Checking, r.Phase));
        Assert.Equal(3, all[^1].Done);
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.CompanyId == api.Company.Id)));
    }

    [Fact]
    public async Task Import_WhenCancelledWhileChecking_WritesNothing()
    {
        var api = await app.NewCompanyAsync();
        var file = ImportFiles.Csv("code,name\n" + string.Join('\n', Enumerable.Range(1, 3_000).Select(i => $"X{i:D5},客户 {i}")));
        using var cancel = new CancellationTokenSource();
        var reports = new Reports(r =>
        {
            if (r.Phase == ImportPhase.Checking && r.Done >= 1000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportCustomersAsync(api, file, dryRun: false, reports, cancel.Token));

        Assert.DoesNotContain(reports.ToList(), r => r.Phase == ImportPhase.Writing);
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.CompanyId == api.Company.Id)));
    }

    /// <summary>As the page calls it: the handler in a scope of its own, entered for the company, with a listener.</summary>
    private async Task<ImportSummary> ImportCustomersAsync(CompanyApi api, byte[] file, bool dryRun, IProgress<ImportProgress> progress, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope>().Enter(api.Company.Id, "import-progress-test");
        var table = ImportFile.Read(file, "customers");
        return await scope.ServiceProvider.GetRequiredService<ImportCustomersHandler>().HandleAsync(table, dryRun, progress, ct);
    }

    /// <summary>Keeps every report in order, on the reporting thread (Progress&lt;T&gt; would post them elsewhere, out of order).</summary>
    private sealed class Reports(Action<ImportProgress>? also = null) : IProgress<ImportProgress>
    {
        private readonly List<ImportProgress> _all = [];

        public void Report(ImportProgress value)
        {
            lock (_all)
            {
                _all.Add(value);
            }
            also?.Invoke(value);
        }

        public List<ImportProgress> ToList()
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }
}

public sealed class ImportProgressTestsOnSqlite(SqliteApp app) : ImportProgressTests(app), IClassFixture<SqliteApp>;

public sealed class ImportProgressTestsOnPostgres(PostgresApp app) : ImportProgressTests(app), IClassFixture<PostgresApp>;
