using System.Globalization;

namespace Huikuan.PageBench;

public sealed record PageBenchOptions(string Size, string Provider, string Connection, int Runs)
{
    public static PageBenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        var size = Value("--size") ?? "T1";
        var provider = (Value("--db") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => "Sqlite",
            "postgres" => "Postgres",
            var other => throw new ArgumentException($"--db is sqlite or postgres, not {other}."),
        };
        var connection = Value("--connection")
            ?? (provider == "Sqlite"
                ? $"Data Source={Value("--database") ?? Path.Combine(Path.GetTempPath(), $"huikuan-pages-{size.ToLowerInvariant()}.db")}"
                : throw new ArgumentException("--db postgres needs --connection \"Host=…;Database=…;Username=…\"."));
        var runs = int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture);
        return new PageBenchOptions(size, provider, connection, runs);
    }
}
