using System.Globalization;
using CsCheck;
using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Tests.Terms;

/// <summary>Late interest and early-payment discounts, with the worked figures a finance team checks by hand.</summary>
public sealed class CreditClauseTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void Interest_TenThousandTwentyDaysOverdue_AtFiveHundredthsPercentWithFiveGraceDays_Is75()
    {
        var clause = new LateInterest(0.05m, graceDays: 5);
        Assert.Equal(7_500, clause.InterestMinor(1_000_000, March1, March1.AddDays(20)));
    }

    [Theory]
    [InlineData("2026-03-01", 0)]  // the due date itself
    [InlineData("2026-03-06", 0)]  // the last grace day
    [InlineData("2026-03-07", 500)] // the first charged day: 10,000.00 × 0.05 % = 5.00
    [InlineData("2026-03-31", 12_500)] // 25 charged days
    public void Interest_StartsTheDayAfterTheGrace(string asOf, long expected) =>
        Assert.Equal(expected, new LateInterest(0.05m, 5).InterestMinor(1_000_000, March1, D(asOf)));

    [Fact]
    public void Interest_FollowsWhatIsStillOutstanding_AfterAPartialPayment()
    {
        // 10,000.00 due 1 March, no grace; 6,000.00 paid on 11 March; as of 20 March. The charged days are 2–20
        // March: 2–10 March (9 days) on 10,000.00, then 11–20 March (10 days) on the 4,000.00 left.
        var clause = new LateInterest(0.05m, 0);
        var interest = clause.InterestMinor(1_000_000, March1, D("2026-03-20"), [new Payment(D("2026-03-11"), 600_000)]);
        Assert.Equal((9 * 500) + (10 * 200), interest);
    }

    [Fact]
    public void Interest_StopsWhenPaidInFull_AndAPaymentInTheGraceCountsFromTheStart()
    {
        var clause = new LateInterest(0.05m, 5);
        Assert.Equal(0, clause.InterestMinor(1_000_000, March1, D("2026-04-30"), [new Payment(D("2026-03-04"), 1_000_000)]));
        // Half paid during the grace: the rest bears interest from 7 March.
        Assert.Equal(15 * 250, clause.InterestMinor(1_000_000, March1, D("2026-03-21"), [new Payment(D("2026-03-04"), 500_000)]));
        // Paid in full on 15 March: 7–14 March, 8 days, on 10,000.00.
        Assert.Equal(8 * 500, clause.InterestMinor(1_000_000, March1, D("2026-06-30"), [new Payment(D("2026-03-15"), 1_000_000)]));
    }

    [Fact]
    public void Interest_IsSimple_NeverChargedOnEarlierInterest()
    {
        var clause = new LateInterest(0.05m, 0);
        // A year overdue: 10,000.00 × 0.05 % × 365 = 1,825.00, where compounding would give more.
        Assert.Equal(182_500, clause.InterestMinor(1_000_000, March1, March1.AddDays(365)));
    }

    [Fact]
    public void Interest_RoundsOnceHalfAwayFromZero()
    {
        // 333.33 × 0.05 % × 3 days = 0.499995 → 0.50.
        Assert.Equal(50, new LateInterest(0.05m, 0).InterestMinor(33_333, March1, March1.AddDays(3)));
    }

    [Theory]
    [InlineData(-0.01, 0, "interest.rate")]
    [InlineData(1.5, 0, "interest.rate")]
    [InlineData(0.05, -1, "interest.grace")]
    [InlineData(0.05, 366, "interest.grace")]
    public void Interest_ClauseOutOfRange_IsRefused(double rate, int grace, string rule) =>
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(() => new LateInterest((decimal)rate, grace)).Rule);

    [Fact]
    public void Interest_GrowsWithTime_AndIsAdditiveOverDays()
    {
        Gen.Select(Gen.Long[1, 100_000_000], Gen.Int[0, 30], Gen.Int[0, 400], Gen.Int[0, 400]).Sample((amount, grace, a, b) =>
        {
            var clause = new LateInterest(0.05m, grace);
            var shorter = clause.InterestMinor(amount, March1, March1.AddDays(Math.Min(a, b)));
            var longer = clause.InterestMinor(amount, March1, March1.AddDays(Math.Max(a, b)));
            // Monotone, and linear in days up to the one rounding at the end (no compounding).
            var exact = amount * 0.0005m * Math.Max(0, Math.Max(a, b) - grace);
            return shorter <= longer && Math.Abs(longer - exact) <= 0.5m;
        });
    }

    [Fact]
    public void Interest_APaymentNeverRaisesIt()
    {
        Gen.Select(Gen.Long[1, 10_000_000], Gen.Int[1, 200], Gen.Int[0, 200], Gen.Long[1, 10_000_000]).Sample((amount, asOfDays, payDay, paid) =>
        {
            var clause = new LateInterest(0.05m, 5);
            var asOf = March1.AddDays(asOfDays);
            return clause.InterestMinor(amount, March1, asOf, [new Payment(March1.AddDays(payDay), paid)])
                <= clause.InterestMinor(amount, March1, asOf);
        });
    }

    [Theory]
    [InlineData("2/10 net 30", 2, 10, 30)]
    [InlineData("2/10, n/30", 2, 10, 30)]
    [InlineData("1.5/15 N45", 1.5, 15, 45)]
    public void Discount_ReadsTheUsualNotation(string text, double percent, int days, int net)
    {
        var discount = EarlyPaymentDiscount.Parse(text);
        Assert.Equal((decimal)percent, discount.Percent);
        Assert.Equal(days, discount.Days);
        Assert.Equal(net, discount.NetDays);
    }

    [Theory]
    [InlineData("2%/10 net 30", "discount.notation")]
    [InlineData("2/30 net 10", "discount.days")]
    [InlineData("60/10 net 30", "discount.percent")]
    public void Discount_BadNotation_IsRefused(string text, string rule) =>
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(() => EarlyPaymentDiscount.Parse(text)).Rule);

    [Theory]
    [InlineData("2026-03-01", 20_000)] // paid on the invoice date
    [InlineData("2026-03-11", 20_000)] // day 10: the last day of the window
    [InlineData("2026-03-12", 0)]      // day 11: too late
    public void Discount_IsGrantedOnlyInsideItsWindow(string paidOn, long expected)
    {
        // 2/10 net 30 on 10,000.00 invoiced on 1 March: 200.00 off, so 9,800.00 settles it until 11 March.
        var discount = EarlyPaymentDiscount.Parse("2/10 net 30");
        Assert.Equal(expected, discount.DiscountMinor(1_000_000, March1, D(paidOn)));
        Assert.Equal(D("2026-03-11"), discount.LastDiscountDay(March1));
        Assert.Equal(D("2026-03-31"), discount.NetDueDate(March1));
    }

    [Fact]
    public void Discount_RoundsHalfAwayFromZero() =>
        // 2 % of 0.25 is 0.005 → 0.01.
        Assert.Equal(1, EarlyPaymentDiscount.Parse("2/10 net 30").DiscountMinor(25, March1, March1));
}
