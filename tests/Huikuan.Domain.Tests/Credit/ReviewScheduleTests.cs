using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Tests.Credit;

public sealed class ReviewScheduleTests
{
    [Theory]
    [InlineData(CreditGrade.A, "2027-11-23")]   // annual audit
    [InlineData(CreditGrade.B, "2027-05-23")]   // half-yearly
    [InlineData(CreditGrade.C, "2027-02-23")]   // quarterly check
    [InlineData(CreditGrade.D, "2026-12-23")]   // monthly review
    [InlineData(CreditGrade.E, "2026-12-23")]
    public void NextReview_ByDefault_FollowsTheGrade(CreditGrade grade, string next) =>
        Assert.Equal(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            ReviewSchedule.Default.NextReview(grade, new DateOnly(2026, 11, 23)));

    [Fact]
    public void NextReview_FromTheEndOfAMonth_IsTheEndOfTheShorterMonth() =>
        Assert.Equal(new DateOnly(2027, 2, 28), ReviewSchedule.Default.NextReview(CreditGrade.D, new DateOnly(2027, 1, 31)));

    [Fact]
    public void NextReview_UsesTheCompanysOwnMonths() =>
        Assert.Equal(new DateOnly(2027, 1, 23), new ReviewSchedule(12, 6, 2, 1, 1).NextReview(CreditGrade.C, new DateOnly(2026, 11, 23)));

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void Validate_WhenMonthsAreOutOfRange_IsRefused(int months)
    {
        var e = Assert.Throws<DomainRuleException>(() => (ReviewSchedule.Default with { C = months }).Validate());
        Assert.Equal("creditReview.months", e.Rule);
        Assert.Equal("policy.C.reviewMonths", e.Field);
    }

    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    // graded, next review,   days overdue, exposure, limit,  expected
    [InlineData(true, "2026-11-23", 0, 0L, null, "Scheduled")]            // due today
    [InlineData(true, "2026-11-24", 0, 0L, null, "")]                     // due tomorrow
    [InlineData(true, null, 0, 0L, null, "Scheduled")]                    // graded before any schedule: due now
    [InlineData(false, null, 0, 0L, null, "")]                            // never graded: nothing to re-rate
    [InlineData(true, "2027-01-01", 60, 0L, null, "")]                    // 60 days is not over 60
    [InlineData(true, "2027-01-01", 61, 0L, null, "Overdue")]
    [InlineData(false, null, 0, 10_000_00L, 10_000_00L, "")]              // at the limit is not over it
    [InlineData(false, null, 0, 10_000_01L, 10_000_00L, "LimitExceeded")]
    [InlineData(true, "2026-01-01", 75, 12_000_00L, 10_000_00L, "Scheduled,Overdue,LimitExceeded")]
    public void DueTriggers_NameEveryReasonToReviewNow(bool graded, string? next, int overdue, long exposure, long? limit, string expected)
    {
        var nextOn = next is null ? (DateOnly?)null : DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture);
        var due = ReviewSchedule.DueTriggers(graded, nextOn, Today, overdue, exposure, limit);
        Assert.Equal(expected, string.Join(',', due));
    }

    [Fact]
    public void DueTriggers_ABrokenPromise_OpensAReview() =>
        Assert.Equal([ReviewTrigger.BrokenPromise], ReviewSchedule.DueTriggers(false, null, Today, 0, 0, null, brokenPromise: true));
}
