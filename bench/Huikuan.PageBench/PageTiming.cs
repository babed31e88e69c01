using System.Globalization;
using System.Text;

namespace Huikuan.PageBench;

/// <summary>
/// Per page: opened by its address (a full load: page, scripts, a new circuit, then the data), how long until it was
/// drawn and until usable; and reached by a link inside the app (the circuit already open), how long until usable.
/// </summary>
public sealed record PageTiming(string Name, string Path, IReadOnlyList<TimeSpan> Times, IReadOnlyList<TimeSpan> Drawn, IReadOnlyList<TimeSpan> Linked)
{
    public TimeSpan LinkedMedian => Linked.Order().ElementAt(Linked.Count / 2);

    public TimeSpan DrawnMedian => Drawn.Order().ElementAt(Drawn.Count / 2);

    public TimeSpan Median => Sorted[Sorted.Count / 2];
    public TimeSpan Max => Sorted[^1];
    public TimeSpan Min => Sorted[0];

    private List<TimeSpan> Sorted => [.. Times.Order()];

    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-28} median {Median.TotalMilliseconds,6:0} ms   min {Min.TotalMilliseconds,6:0}   max {Max.TotalMilliseconds,6:0}   drawn {DrawnMedian.TotalMilliseconds,6:0}   by link {LinkedMedian.TotalMilliseconds,6:0}   {Path}");

    public static string MarkdownTable(IEnumerable<PageTiming> timings)
    {
        var table = new StringBuilder("| Page | Opened by address: usable, median (ms) | min | max | of which drawn (circuit up) | By a link in the app: usable, median (ms) |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var t in timings)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {t.Name} | {t.Median.TotalMilliseconds:0} | {t.Min.TotalMilliseconds:0} | {t.Max.TotalMilliseconds:0} | {t.DrawnMedian.TotalMilliseconds:0} | {t.LinkedMedian.TotalMilliseconds:0} |\n");
        }
        return table.ToString();
    }
}
