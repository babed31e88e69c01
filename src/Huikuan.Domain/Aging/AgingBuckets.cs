using System.Globalization;

namespace Huikuan.Domain.Aging;

public enum AgingBasis
{
    DueDate,
    InvoiceDate,
}

/// <summary>
/// Aging buckets defined by their upper bounds in days. The first bucket is always "not yet due"
/// (age ≤ 0); the last is open-ended. Default: not due, 1–30, 31–60, 61–90, 91–180, 181–365, over 365.
/// </summary>
public sealed class AgingBuckets
{
    public static readonly AgingBuckets Default = new([30, 60, 90, 180, 365]);

    /// <summary>Upper bounds (inclusive) of the overdue buckets except the last, strictly increasing and positive.</summary>
    public IReadOnlyList<int> Bounds { get; }

    public int Count => Bounds.Count + 2;

    public AgingBuckets(IReadOnlyList<int> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Count > 20)
        {
            throw new DomainRuleException("aging.buckets", "buckets", "At most 20 bucket bounds are allowed.");
        }
        for (var i = 0; i < bounds.Count; i++)
        {
            if (bounds[i] <= 0 || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                throw new DomainRuleException("aging.buckets", "buckets",
                    "Bucket bounds must be positive whole days in increasing order, e.g. 30,60,90.");
            }
        }
        Bounds = bounds;
    }

    /// <summary>Parses "30,60,90"; empty means the default buckets.</summary>
    public static AgingBuckets Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }
        var bounds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                throw new DomainRuleException("aging.buckets", "buckets", $"'{part}' is not a whole number of days.");
            }
            bounds.Add(days);
        }
        return new AgingBuckets(bounds);
    }

    /// <summary>Bucket index for an age in days: 0 = not yet due, then one per bound, then the open-ended last.</summary>
    public int IndexOf(int ageDays)
    {
        if (ageDays <= 0)
        {
            return 0;
        }
        for (var i = 0; i < Bounds.Count; i++)
        {
            if (ageDays <= Bounds[i])
            {
                return i + 1;
            }
        }
        return Bounds.Count + 1;
    }

    public static int AgeInDays(DateOnly asOf, DateOnly dueDate, DateOnly invoiceDate, AgingBasis basis) =>
        asOf.DayNumber - (basis == AgingBasis.DueDate ? dueDate : invoiceDate).DayNumber;

    /// <summary>Stable machine keys such as "current", "1-30", "31-60", "over-365".</summary>
    public IReadOnlyList<string> Keys()
    {
        var keys = new List<string> { "current" };
        var low = 1;
        foreach (var bound in Bounds)
        {
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"{low}-{bound}"));
            low = bound + 1;
        }
        keys.Add(Bounds.Count == 0 ? "overdue" : string.Create(CultureInfo.InvariantCulture, $"over-{Bounds[^1]}"));
        return keys;
    }
}
