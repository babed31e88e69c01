using System.Globalization;
using Huikuan.Domain.Aging;

namespace Huikuan.Domain.Tests.Aging;

public sealed class AgingBucketsTests
{
    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    [InlineData(60, 2)]
    [InlineData(90, 3)]
    [InlineData(91, 4)]
    [InlineData(180, 4)]
    [InlineData(365, 5)]
    [InlineData(366, 6)]
    [InlineData(5000, 6)]
    public void IndexOf_DefaultBuckets_PlacesEachAgeInOneBucket(int age, int bucket) =>
        Assert.Equal(bucket, AgingBuckets.Default.IndexOf(age));

    [Fact]
    public void Keys_NameTheDefaultBuckets() =>
        Assert.Equal(["current", "1-30", "31-60", "61-90", "91-180", "181-365", "over-365"], AgingBuckets.Default.Keys());

    [Fact]
    public void Parse_ReadsCustomBounds()
    {
        var b = AgingBuckets.Parse("15, 45");
        Assert.Equal(["current", "1-15", "16-45", "over-45"], b.Keys());
        Assert.Equal(3, b.IndexOf(46));
    }

    [Theory]
    [InlineData("30,30")]
    [InlineData("60,30")]
    [InlineData("0")]
    [InlineData("ten")]
    public void Parse_RefusesBoundsThatAreNotIncreasingPositiveDays(string text) =>
        Assert.Equal("buckets", Assert.Throws<DomainRuleException>(() => AgingBuckets.Parse(text)).Field);

    [Fact]
    public void AgeInDays_CountsFromTheChosenBasis()
    {
        var asOf = new DateOnly(2026, 11, 23);
        Assert.Equal(23, AgingBuckets.AgeInDays(asOf, new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 1), AgingBasis.DueDate));
        Assert.Equal(53, AgingBuckets.AgeInDays(asOf, new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 1), AgingBasis.InvoiceDate));
    }

    [Theory]
    [InlineData("2026-12-01", 0)]
    [InlineData("2026-11-23", 0)]      // due today: not overdue yet
    [InlineData("2026-11-22", 1)]
    [InlineData("2026-08-31", 84)]
    public void DaysOverdue_CountsFromTheDueDate_AndIsNeverNegative(string due, int days) =>
        Assert.Equal(days, AgingBuckets.DaysOverdue(DateOnly.Parse(due, CultureInfo.InvariantCulture), new DateOnly(2026, 11, 23)));

    [Fact]
    public void Window_HoldsExactlyTheDatesIndexOfPutsInTheBucket()
    {
        var asOf = new DateOnly(2026, 11, 23);
        var buckets = AgingBuckets.Parse("15,45");
        for (var age = -40; age <= 80; age++)
        {
            var date = asOf.AddDays(-age);
            for (var b = 0; b < buckets.Count; b++)
            {
                var (from, to) = buckets.Window(b, asOf);
                var inside = (from is null || date >= from) && (to is null || date < to);
                Assert.Equal(buckets.IndexOf(age) == b, inside);
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => buckets.Window(buckets.Count, asOf));
    }
}
