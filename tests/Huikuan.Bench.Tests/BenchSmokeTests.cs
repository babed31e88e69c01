namespace Huikuan.Bench.Tests;

/// <summary>
/// Every mode of the benchmark, once, on a tiny data set: it must run to the end and its comparisons must agree (the
/// bench exits with 0 only then). No time is asserted: this keeps the benchmarks from rotting between measurements.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class BenchSmokeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>The Tryton peer harness's output for N=20 as of 2026-11-23 (run.sh 20 --as-of 2026-11-23), shipped with the tests.</summary>
    private static string TrytonSet => Path.Combine(AppContext.BaseDirectory, "TrytonSet", "data_20.csv");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task GeneratedSet_RunsEveryMeasure_AndHuikuanAgreesWithTheHandWrittenSql(string db)
    {
        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--size", "demo", "--db", db, "--runs", "1", "--receipts", "20");

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var measure in new[] { "aging now", "aging 6 months back", "dunning plan", "worklist (team, every row)" })
        {
            var row = Assert.Single(run.Output.Split('\n'), l => l.StartsWith(measure + " ", StringComparison.Ordinal));
            Assert.EndsWith("yes", row.TrimEnd(), StringComparison.Ordinal);
        }
        Assert.Contains("receipt posting (RecordReceiptHandler, auto-apply, one transaction each): 20 receipts", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TrytonSet_GivesTrytonsBalances_AndDunsTheCustomersAndItemsTrytonDuns(string db)
    {
        var dunnedByTryton = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TrytonSet", "dunnings_20.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--tryton", TrytonSet, "--db", db, "--runs", "1");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("customers: 20; balance equal: 20, different: 0", run.Output, StringComparison.Ordinal);
        Assert.Contains("ledger check: OK", run.Output, StringComparison.Ordinal);
        var customers = dunnedByTryton.Select(d => d[2]).Distinct(StringComparer.Ordinal).Count();
        Assert.Contains($"dunning: customers dunned by both: {customers}; by Tryton only: 0; by Huikuan only: 0", run.Output, StringComparison.Ordinal);
        Assert.Contains($"dunning: Tryton's {dunnedByTryton.Count} dunnings all in Huikuan's letters: {dunnedByTryton.Count};", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, run.Output.Split("unexplained: 0").Length - 1);
    }

    [Fact]
    public async Task BackTest_BuildsThePastDaysWorklist_AndNoRankingHoldsMoreThanHindsight()
    {
        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--backtest", "--size", "demo");

        Assert.True(run.ExitCode == 0, run.Output);
        decimal Share(string ranking) => decimal.Parse(
            run.Output.Split('\n').Single(l => l.StartsWith($"| {ranking} |", StringComparison.Ordinal)).Split('|')[4].Trim().TrimEnd('%').Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        var hindsight = Share("hindsight (the customers whose amount it was)");
        Assert.InRange(hindsight, 1m, 100m);
        Assert.InRange(Share("worklist, first 20 %"), 0m, hindsight);
        Assert.InRange(Share("overdue amount alone"), 0m, hindsight);
        Assert.Contains("credit daily run of 2026-10-24", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchRate_ReadsTheGeneratedStatementInEveryFormat_AndHoldsTheWrongApplicationLimit()
    {
        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--match-rate", "150", "--size", "demo");

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var format in new[] { "Camt053", "Mt940", "CmbCsv" })
        {
            Assert.Equal(2, run.Output.Split('\n').Count(l => l.Contains($"| {format} | 150 |", StringComparison.Ordinal)));
        }
        Assert.Contains("limit 0.2 %: held", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task StatementRun_ImportsMatchesAndPostsEachStatement_LosingNoLineAndLeavingNoSureMatchUnposted(string db)
    {
        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--statement", "120", "--size", "demo", "--db", db, "--runs", "1");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("| run 1 | 120 | 120 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| twice the lines | 240 | 240 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("statements with lines lost or sure matches left unposted: 0", run.Output, StringComparison.Ordinal);
        var posted = run.Output.Split('\n').Single(l => l.StartsWith("| run 1 |", StringComparison.Ordinal)).Split('|')[11].Trim();
        Assert.True(int.Parse(posted, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0, run.Output);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task LetterRun_PrintsAndStoresALetterForEveryOverdueCustomer(string db)
    {
        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--letters", "12", "--db", db);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"dunning run with letters: 12 customers sent, 12 letters printed and stored \(12 in the database, \d+ KiB each\), 0 failed", run.Output);
    }

    [Fact]
    public async Task AWrongOption_IsRefusedWithTheUsage()
    {
        var run = await BenchProcess.RunAsync("Huikuan.Bench", Timeout, "--letters", "-5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: Huikuan.Bench", run.Output, StringComparison.Ordinal);
    }
}

/// <summary>The benches run one after another: side by side on two cores they would only slow each other down.</summary>
[CollectionDefinition(Name)]
public sealed class BenchCollection
{
    public const string Name = "benches";
}
