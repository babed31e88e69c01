using System.Globalization;
using System.Text;

namespace Huikuan.PageBench;

public sealed record PageTiming(string Name, string Path, IReadOnlyList<TimeSpan> Times)
{
    public TimeSpan Median => Sorted[Sorted.Count / 2];
    public TimeSpan Max => Sorted[^1];
    public TimeSpan Min => Sorted[0];

    private List<TimeSpan> Sorted => [.. Times.Order()];

    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-28} median {Median.TotalMilliseconds,6:0} ms   min {Min.TotalMilliseconds,6:0}   max {Max.TotalMilliseconds,6:0}   {Path}");

    public static string MarkdownTable(IEnumerable<PageTiming> timings)
    {
        var table = new StringBuilder("| Page | Median (ms) | Min | Max |\n|---|---:|---:|---:|\n");
        foreach (var t in timings)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {t.Name} | {t.Median.TotalMilliseconds:0} | {t.Min.TotalMilliseconds:0} | {t.Max.TotalMilliseconds:0} |\n");
        }
        return table.ToString();
    }
}
