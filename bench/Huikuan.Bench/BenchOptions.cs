using System.Globalization;

namespace Huikuan.Bench;

/// <summary>Command line: --size T1 --db sqlite|postgres [--connection CS] [--keep] [--runs 5] [--receipts 2000] [--tryton data_N.csv] [--letters 1000] [--match-rate N] [--statement N].</summary>
internal sealed record BenchOptions(
    string Size, string Db, string? Connection, bool Keep, int Runs, int Receipts, string? TrytonCsv, DateOnly AsOf, ulong Seed, bool Explain = false,
    int Letters = 0, int MatchRate = 0, int StatementLines = 0, bool BackTest = false, bool WorklistOnly = false)
{
    public const string Usage =
        "usage: Huikuan.Bench --size demo|10k|T1|T2 --db sqlite|postgres [--connection CS] [--keep] [--runs N] [--receipts N] [--seed N] [--as-of YYYY-MM-DD] [--explain] [--worklist-only]\n"
        + "       Huikuan.Bench --tryton /tmp/tryton_bench/out/data_100.csv [--db sqlite|postgres]\n"
        + "       Huikuan.Bench --letters 1000 [--db sqlite|postgres]\n"
        + "       Huikuan.Bench --match-rate 2000 [--size demo|10k|T1|T2] (bank statement lines per statement; no database)\n"
        + "       Huikuan.Bench --statement 5000 [--size T1|T2] [--db sqlite|postgres] [--runs N] (import, match and post a statement; then twice the lines)\n"
        + "       Huikuan.Bench --backtest [--size demo|10k|T1|T2] [--db sqlite|postgres] (the worklist of 30 days before --as-of against what then became 30+ days overdue)";

    public bool Postgres => Db.Equals("postgres", StringComparison.OrdinalIgnoreCase);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions("T1", "sqlite", null, false, 7, 2000, null, new DateOnly(2026, 11, 23), 20261123);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            o = args[i] switch
            {
                "--size" => o with { Size = Value() },
                "--db" => o with { Db = Value() },
                "--connection" => o with { Connection = Value() },
                "--keep" => o with { Keep = true },
                "--explain" => o with { Explain = true },
                "--backtest" => o with { BackTest = true },
                "--worklist-only" => o with { WorklistOnly = true },
                "--runs" => o with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--receipts" => o with { Receipts = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--tryton" => o with { TrytonCsv = Value() },
                "--letters" => o with { Letters = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--statement" => o with { StatementLines = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--match-rate" => o with { MatchRate = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--as-of" => o with { AsOf = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (o.Db is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--db is sqlite or postgres.\n{Usage}");
        }
        if (o.Letters < 0 || o.Runs < 1 || o.Receipts < 0 || o.MatchRate < 0 || o.StatementLines < 0)
        {
            throw new ArgumentException($"--letters, --receipts, --match-rate and --statement cannot be negative, --runs is at least 1.\n{Usage}");
        }
        return o;
    }
}
