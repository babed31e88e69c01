using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Tests.Terms;

/// <summary>Late interest per day and per year (simple, actual/365), with worked figures.</summary>
public sealed class LateInterestTests
{
    private static readonly DateOnly Due = new(2026, 3, 1);

    [Theory]
    // amount (minor), rate %, kind, grace, days after the due date, expected interest (minor)
    [InlineData(100_000_000, "10", InterestRateKind.Yearly, 0, 365, 10_000_000)] // 1,000,000.00 at 10 % for a year: 100,000.00
    [InlineData(100_000_000, "0.0273972", InterestRateKind.Daily, 0, 365, 9_999_978)] // the daily rate "equal" to 10 %/year falls short
    [InlineData(100_000_000, "10", InterestRateKind.Yearly, 0, 366, 10_027_397)] // a year and a day: actual days over 365
    [InlineData(1_000_000, "10.5", InterestRateKind.Yearly, 0, 30, 8_630)] // 10,000.00 × 10.5 % × 30 / 365 = 86.30
    [InlineData(1_000_000, "10", InterestRateKind.Yearly, 5, 20, 4_110)] // 15 days after the grace: 41.0959 → 41.10
    [InlineData(1_000_000, "10", InterestRateKind.Yearly, 5, 5, 0)] // still in the grace
    [InlineData(1_000_000, "0", InterestRateKind.Yearly, 0, 100, 0)]
    [InlineData(1_000_000, "365", InterestRateKind.Yearly, 0, 20, 200_000)] // the highest yearly rate is 1 % a day
    [InlineData(1_000_000, "1", InterestRateKind.Daily, 0, 20, 200_000)]
    [InlineData(1_000_000, "0.05", InterestRateKind.Daily, 5, 20, 7_500)]
    public void Interest_PerDayOrPerYear(long amount, string rate, InterestRateKind kind, int grace, int days, long expected)
    {
        var clause = new LateInterest(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), grace, kind);
        Assert.Equal(expected, clause.InterestMinor(amount, Due, Due.AddDays(days)));
    }

    [Fact]
    public void YearlyInterest_FollowsWhatIsStillOutstanding_AfterAPartialPayment()
    {
        // 1,000,000.00 at 10 %/year, no grace; 600,000.00 paid on day 101: 100 days on the whole, 265 on the 400,000.00 left.
        var clause = new LateInterest(10m, 0, InterestRateKind.Yearly);
        var interest = clause.InterestMinor(100_000_000, Due, Due.AddDays(365), [new Payment(Due.AddDays(101), 60_000_000)]);
        Assert.Equal(decimal.Round(((100_000_000m * 100) + (40_000_000m * 265)) * 0.10m / 365m, MidpointRounding.AwayFromZero), interest);
    }

    [Theory]
    [InlineData("-0.01", InterestRateKind.Yearly, "interest.yearlyRate")]
    [InlineData("365.01", InterestRateKind.Yearly, "interest.yearlyRate")]
    [InlineData("1.01", InterestRateKind.Daily, "interest.rate")]
    [InlineData("0.000000001", InterestRateKind.Daily, "interest.rateDecimals")]
    [InlineData("10.123456789", InterestRateKind.Yearly, "interest.rateDecimals")]
    public void ARateOutOfBounds_IsRefused(string rate, InterestRateKind kind, string rule) =>
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(
            () => new LateInterest(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), 0, kind)).Rule);

    [Fact]
    public void AClause_GivesItsRatePerDayOrPerYear_NeverBoth()
    {
        Assert.Null(LateInterest.Of(null, null, 5));
        Assert.Equal((0.05m, (decimal?)null), (LateInterest.Of(0.05m, null, 5)!.DailyRatePercent, LateInterest.Of(0.05m, null, 5)!.YearlyRatePercent));
        Assert.Equal((InterestRateKind.Yearly, 10.5m), (LateInterest.Of(null, 10.5m, 5)!.Kind, LateInterest.Of(null, 10.5m, 5)!.RatePercent));
        Assert.Equal("interest.rateKind", Assert.Throws<DomainRuleException>(() => LateInterest.Of(0.05m, 10m, 0)).Rule);
    }

    [Theory]
    [InlineData("10.50000000", "10.5")]
    [InlineData("0.02739720", "0.0273972")]
    [InlineData("365.00000000", "365")]
    public void ARateReadBackWithTrailingZeros_IsTheSameRate(string stored, string expected) =>
        Assert.Equal(expected, new LateInterest(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), 0, InterestRateKind.Yearly)
            .RatePercent.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
