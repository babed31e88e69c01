namespace Huikuan.DataGen;

/// <summary>
/// What to generate. The output depends only on these values: same spec, same rows, byte for byte.
/// Invoices are spread evenly over <see cref="HistoryDays"/> days ending on <see cref="AsOf"/>.
/// </summary>
public sealed record DataSetSpec(string Name, int Customers, int Invoices, DateOnly AsOf, ulong Seed = 20261123, int HistoryDays = 730)
{
    public static DataSetSpec Demo(DateOnly asOf) => new("demo", 200, 3_000, asOf);

    public static DataSetSpec Small(DateOnly asOf) => new("10k", 1_000, 10_000, asOf);

    public static DataSetSpec T1(DateOnly asOf) => new("T1", 5_000, 500_000, asOf);

    public static DataSetSpec T2(DateOnly asOf) => new("T2", 50_000, 5_000_000, asOf);

    public static DataSetSpec Named(string name, DateOnly asOf) => name.ToUpperInvariant() switch
    {
        "DEMO" => Demo(asOf),
        "10K" or "SMALL" => Small(asOf),
        "T1" => T1(asOf),
        "T2" => T2(asOf),
        _ => throw new ArgumentException($"Unknown data set size '{name}': use demo, 10k, T1 or T2.", nameof(name)),
    };
}
