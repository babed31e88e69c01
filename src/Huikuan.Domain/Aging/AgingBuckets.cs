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

    /// <summary>
    /// The aging window of bucket <paramref name="bucket"/> as of a day, as dates: a date d (due or invoice date, by the
    /// basis) is in it when From ≤ d &lt; To (null: unbounded). The same boundaries as <see cref="IndexOf"/>: an age of 0 or
    /// less is not due (d ≥ asOf), an age up to a bound is d ≥ asOf − bound. Queries filter and bucket by these dates,
    /// so the database does no date arithmetic per row.
    /// </summary>
    public (DateOnly? From, DateOnly? To) Window(int bucket, DateOnly asOf)
    {
        if (bucket < 0 || bucket >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, $"A bucket index is 0 to {Count - 1}.");
        }
        if (bucket == 0)
        {
            return (asOf, null);
        }
        DateOnly? from = bucket <= Bounds.Count ? asOf.AddDays(-Bounds[bucket - 1]) : null;
        var to = bucket == 1 ? asOf : asOf.AddDays(-Bounds[bucket - 2]);
        return (from, to);
    }

    /// <summary>Days an item due on <paramref name="dueDate"/> is overdue on <paramref name="asOf"/>; 0 while it is not yet due.</summary>
    public static int DaysOverdue(DateOnly dueDate, DateOnly asOf) => Math.Max(0, asOf.DayNumber - dueDate.DayNumber);

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
