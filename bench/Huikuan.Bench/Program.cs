using Huikuan.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options.MatchRate > 0)
{
    return MatchRate.Run(options);
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var name = options.BackTest ? "backtest" : options.TrytonCsv is not null ? "tryton" : options.Letters > 0 ? "letters" : options.StatementLines > 0 ? "statement" : options.Size.ToLowerInvariant();
await using var database = BenchDatabase.Create(options, name);
database.Keep = options.Keep;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
return options.BackTest ? await WorklistBackTest.RunAsync(options, database, cancel.Token)
    : options.TrytonCsv is { } csv ? await TrytonComparison.RunAsync(options, database, csv, cancel.Token)
    : options.Letters > 0 ? await LetterBench.RunAsync(options, database, cancel.Token)
    : options.StatementLines > 0 ? await StatementBench.RunAsync(options, database, cancel.Token)
    : await GeneratedBench.RunAsync(options, database, cancel.Token);
