using System.Linq.Expressions;
using Huikuan.Domain.Aging;

namespace Huikuan.Web.Features.Aging;

public sealed class AgedAmount
{
    public Guid CustomerId { get; set; }
    public int Bucket { get; set; }
    public long Open { get; set; }
}

/// <summary>
/// Builds the SQL CASE that puts an item in its bucket, as date comparisons against the as-of date so
/// the database does no date arithmetic per row: age ≤ 0 ⇔ date ≥ asOf; age ≤ bound ⇔ date ≥ asOf − bound.
/// Mirrors <see cref="AgingBuckets.IndexOf"/>, which the tests hold it to.
/// </summary>
public static class BucketExpression
{
    public static Expression<Func<OpenAtDate, AgedAmount>> Build(AgingBuckets buckets, AgingBasis basis, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var x = Expression.Parameter(typeof(OpenAtDate), "x");
        var date = Expression.Property(x, basis == AgingBasis.DueDate ? nameof(OpenAtDate.DueDate) : nameof(OpenAtDate.InvoiceDate));
        Expression index = Expression.Constant(buckets.Bounds.Count + 1);
        for (var i = buckets.Bounds.Count - 1; i >= 0; i--)
        {
            index = Expression.Condition(Expression.GreaterThanOrEqual(date, Expression.Constant(buckets.Window(i + 1, asOf).From!.Value)),
                Expression.Constant(i + 1), index);
        }
        index = Expression.Condition(Expression.GreaterThanOrEqual(date, Expression.Constant(buckets.Window(0, asOf).From!.Value)),
            Expression.Constant(0), index);
        var body = Expression.MemberInit(Expression.New(typeof(AgedAmount)),
            Expression.Bind(typeof(AgedAmount).GetProperty(nameof(AgedAmount.CustomerId))!, Expression.Property(x, nameof(OpenAtDate.CustomerId))),
            Expression.Bind(typeof(AgedAmount).GetProperty(nameof(AgedAmount.Bucket))!, index),
            Expression.Bind(typeof(AgedAmount).GetProperty(nameof(AgedAmount.Open))!, Expression.Property(x, nameof(OpenAtDate.Open))));
        return Expression.Lambda<Func<OpenAtDate, AgedAmount>>(body, x);
    }
}
