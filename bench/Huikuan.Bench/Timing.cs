using System.Diagnostics;
using System.Globalization;

namespace Huikuan.Bench;

internal sealed record Timed<T>(T Result, double MedianMs, double MinMs, double MaxMs);

internal static class Timing
{
    /// <summary>One warm-up run (plans compiled, pages cached), then the median of <paramref name="runs"/> timed runs.</summary>
    public static async Task<Timed<T>> MeasureAsync<T>(int runs, Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = await run();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Timed<T>(result, times[times.Count / 2], times[0], times[^1]);
    }

    /// <summary>
    /// Two contenders measured in alternation (A, B, A, B …) after one warm-up each, so that load from
    /// other work on a shared machine falls on both alike; medians of <paramref name="runs"/> each.
    /// </summary>
    public static async Task<(Timed<T> A, Timed<T> B)> MeasurePairAsync<T>(int runs, Func<Task<T>> a, Func<Task<T>> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ra = await a();
        var rb = await b();
        var ta = new List<double>(runs);
        var tb = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            ra = await a();
            ta.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            rb = await b();
            tb.Add(watch.Elapsed.TotalMilliseconds);
        }
        ta.Sort();
        tb.Sort();
        return (new Timed<T>(ra, ta[runs / 2], ta[0], ta[^1]), new Timed<T>(rb, tb[runs / 2], tb[0], tb[^1]));
    }

    public static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);

    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds with one decimal, counted in whole ticks.</summary>
    public static string Seconds(TimeSpan took) => (took.Ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Same customers, same sums; rows that are all zero count as absent.</summary>
    public static bool SameSums(Dictionary<Guid, long[]> a, Dictionary<Guid, long[]> b)
    {
        var x = a.Where(r => r.Value.Any(v => v != 0)).ToDictionary();
        var y = b.Where(r => r.Value.Any(v => v != 0)).ToDictionary();
        return x.Count == y.Count && x.All(r => y.TryGetValue(r.Key, out var other) && r.Value.SequenceEqual(other));
    }
}
