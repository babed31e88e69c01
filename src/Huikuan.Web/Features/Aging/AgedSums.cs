using System.Linq.Expressions;
using System.Reflection;
using Huikuan.Domain.Aging;

namespace Huikuan.Web.Features.Aging;

/// <summary>One customer's open amounts, one column per bucket (only the first <see cref="AgingBuckets.Count"/> are used).</summary>
public sealed class AgedRow
{
    public const int MaxBuckets = 22;

    public Guid CustomerId { get; set; }
#pragma warning disable CA1707 // Bucket slots are numbered like the buckets they hold.
    public long B0 { get; set; }
    public long B1 { get; set; }
    public long B2 { get; set; }
    public long B3 { get; set; }
    public long B4 { get; set; }
    public long B5 { get; set; }
    public long B6 { get; set; }
    public long B7 { get; set; }
    public long B8 { get; set; }
    public long B9 { get; set; }
    public long B10 { get; set; }
    public long B11 { get; set; }
    public long B12 { get; set; }
    public long B13 { get; set; }
    public long B14 { get; set; }
    public long B15 { get; set; }
    public long B16 { get; set; }
    public long B17 { get; set; }
    public long B18 { get; set; }
    public long B19 { get; set; }
    public long B20 { get; set; }
    public long B21 { get; set; }
#pragma warning restore CA1707

    internal static readonly PropertyInfo[] Slots = Enumerable.Range(0, MaxBuckets).Select(i => typeof(AgedRow).GetProperty("B" + i)!).ToArray();

    public long[] ToArray(int count)
    {
        var result = new long[count];
        for (var k = 0; k < count; k++)
        {
            result[k] = Get(k);
        }
        return result;
    }

    private long Get(int k) => k switch
    {
            0 => B0,
            1 => B1,
            2 => B2,
            3 => B3,
            4 => B4,
            5 => B5,
            6 => B6,
            7 => B7,
            8 => B8,
            9 => B9,
            10 => B10,
            11 => B11,
            12 => B12,
            13 => B13,
            14 => B14,
            15 => B15,
            16 => B16,
            17 => B17,
            18 => B18,
            19 => B19,
            20 => B20,
            21 => B21,
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}

/// <summary>
/// Builds, per customer, one SUM per bucket over that bucket's date range: <c>SUM(CASE WHEN date &gt;= a AND date &lt; b THEN open ELSE 0 END)</c>.
/// Grouping by customer alone lets the database aggregate as it walks the open-items index, which is
/// ordered by customer, instead of hashing (customer, bucket) pairs: on PostgreSQL at T2 this took the
/// hand-written query from 247 ms to 145 ms (serial plans; see docs/performance.md).
/// Bucket 0 is "not yet due" (date ≥ asOf); bucket k covers ages (bound k−1, bound k]; the last is older.
/// </summary>
public static class AgedSums
{
    public static Expression<Func<IGrouping<Guid, OpenAtDate>, AgedRow>> Build(AgingBuckets buckets, AgingBasis basis, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (buckets.Count > AgedRow.MaxBuckets)
        {
            throw new ArgumentOutOfRangeException(nameof(buckets), $"At most {AgedRow.MaxBuckets} buckets.");
        }
        var g = Expression.Parameter(typeof(IGrouping<Guid, OpenAtDate>), "g");
        // Lower limits: bucket 0 starts at asOf; bucket k (1…n) at asOf − bound k−1 … exclusive upper limits are the previous lower limits.
        var lower = Enumerable.Range(0, buckets.Count).Select(k => buckets.Window(k, asOf).From).ToArray();
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(AgedRow).GetProperty(nameof(AgedRow.CustomerId))!, Expression.Property(g, "Key")) };
        for (var k = 0; k < buckets.Count; k++)
        {
            var x = Expression.Parameter(typeof(OpenAtDate), "x");
            var date = Expression.Property(x, basis == AgingBasis.DueDate ? nameof(OpenAtDate.DueDate) : nameof(OpenAtDate.InvoiceDate));
            Expression? test = lower[k] is { } from ? Expression.GreaterThanOrEqual(date, Expression.Constant(from)) : null;
            if (k > 0)
            {
                var below = Expression.LessThan(date, Expression.Constant(lower[k - 1]!.Value));
                test = test is null ? below : Expression.AndAlso(test, below);
            }
            var amount = Expression.Condition(test!, Expression.Property(x, nameof(OpenAtDate.Open)), Expression.Constant(0L));
            var sum = Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(OpenAtDate)], g,
                Expression.Lambda<Func<OpenAtDate, long>>(amount, x));
            bindings.Add(Expression.Bind(AgedRow.Slots[k], sum));
        }
        return Expression.Lambda<Func<IGrouping<Guid, OpenAtDate>, AgedRow>>(Expression.MemberInit(Expression.New(typeof(AgedRow)), bindings), g);
    }
}
