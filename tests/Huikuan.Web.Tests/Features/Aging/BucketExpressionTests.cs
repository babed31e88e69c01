using CsCheck;
using Huikuan.Domain.Aging;
using Huikuan.Web.Features.Aging;

namespace Huikuan.Web.Tests.Features.Aging;

/// <summary>The SQL-side bucket CASE must agree with the domain's rule for every age and bucket set.</summary>
public sealed class BucketExpressionTests
{
    [Fact]
    public void BucketExpression_AgreesWithTheDomainRule_ForAnyAgeAndBuckets() =>
        Gen.Select(Gen.Int[1, 400].Array[0, 8], Gen.Int[-400, 2000], Gen.Bool).Sample((raw, age, byDue) =>
        {
            var bounds = raw.Distinct().Order().ToArray();
            var buckets = new AgingBuckets(bounds);
            var asOf = new DateOnly(2026, 11, 23);
            var basis = byDue ? AgingBasis.DueDate : AgingBasis.InvoiceDate;
            var item = new OpenAtDate { DueDate = asOf.AddDays(-age), InvoiceDate = asOf.AddDays(-age), Open = 1 };
            var bucket = BucketExpression.Build(buckets, basis, asOf).Compile()(item).Bucket;
            return bucket == buckets.IndexOf(age);
        }, iter: 3000);

    [Fact]
    public void Window_OfEachBucket_ContainsExactlyTheDatesOfThatBucket()
    {
        var buckets = AgingBuckets.Default;
        var asOf = new DateOnly(2026, 11, 23);
        for (var age = -30; age < 500; age++)
        {
            var date = asOf.AddDays(-age);
            var index = buckets.IndexOf(age);
            var (from, to) = buckets.Window(index, asOf);
            Assert.True((from is null || date >= from) && (to is null || date < to), $"age {age} bucket {index}");
        }
    }
}
