using Huikuan.Domain.Dunning;
using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Tests.Dunning;

public sealed class DunningChargesTests
{
    private static readonly DateOnly Due = new(2026, 3, 1);
    private static readonly LateInterest Clause = new(0.05m, 5);

    [Theory]
    // 10,000.00 at 0.05 % a day with 5 grace days: the 15 days from 7 to 21 March bear 5.00 each.
    [InlineData(20, 0, 7_500, 7_500)]
    // The first letter charged 25.00 (to 11 March); the second charges the rest of what accrued since.
    [InlineData(20, 2_500, 7_500, 5_000)]
    // Inside the grace days nothing accrues.
    [InlineData(5, 0, 0, 0)]
    // More was charged than accrues now (a payment was dated back): nothing is charged, nothing is taken back.
    [InlineData(20, 9_000, 7_500, 0)]
    public void Interest_ChargesWhatAccruedSinceTheLastLetter(int daysOverdue, long charged, long accrued, long charge)
    {
        var result = DunningCharges.Interest(new InterestBasis(1_000_000, Due, [], Clause, charged), Due.AddDays(daysOverdue));

        Assert.Equal(accrued, result.AccruedMinor);
        Assert.Equal(charge, result.NewMinor);
    }

    [Fact]
    public void Interest_AfterAPartPayment_RunsOnWhatIsStillOutstanding_AndKeepsWhatAccruedBefore()
    {
        // 6,000.00 paid on 12 March: 7–11 March bear 5.00 a day (25.00), 12–21 March 2.00 a day (20.00).
        var result = DunningCharges.Interest(
            new InterestBasis(1_000_000, Due, [new Payment(new DateOnly(2026, 3, 12), 600_000)], Clause, 0), new DateOnly(2026, 3, 21));

        Assert.Equal(4_500, result.AccruedMinor);
        Assert.Equal(new DateOnly(2026, 3, 7), result.From);
    }

    [Fact]
    public void Interest_WithoutAClause_IsNothing()
    {
        var result = DunningCharges.Interest(new InterestBasis(1_000_000, Due, [], null, 0), Due.AddDays(90));

        Assert.Equal(0, result.AccruedMinor);
        Assert.Null(result.From);
    }

    [Theory]
    [InlineData(5_000, 10_000, 0, true)]
    [InlineData(10_000, 10_000, 0, true)]
    [InlineData(6_000, 10_000, 5_000, false)] // only 50.00 is left after an earlier or pending waiver
    [InlineData(0, 10_000, 0, false)]
    [InlineData(-100, 10_000, 0, false)]
    public void WaiverRequest_IsAtMostWhatIsLeftOfTheCharge(long amount, long charge, long waived, bool allowed)
    {
        var error = Record.Exception(() => DunningCharges.CheckWaiverRequest(amount, charge, waived, "CNY", "goodwill"));

        if (allowed)
        {
            Assert.Null(error);
        }
        else
        {
            var rule = Assert.IsType<DomainRuleException>(error);
            Assert.Equal("charges.waiver.amount", rule.Rule);
            Assert.Equal((charge - waived) / 100m, decimal.Parse((string)rule.Arguments[0]!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void WaiverRequest_NeedsAReason()
    {
        var error = Assert.Throws<DomainRuleException>(() => DunningCharges.CheckWaiverRequest(100, 10_000, 0, "CNY", " "));

        Assert.Equal("charges.waiver.reason", error.Rule);
    }

    [Fact]
    public void Decision_IsNeverTakenByThePersonWhoAsked()
    {
        Assert.Equal("charges.waiver.self", Assert.Throws<DomainRuleException>(() => DunningCharges.CheckDecision("li.collector", "li.collector")).Rule);
        DunningCharges.CheckDecision("li.collector", "wang.credit");
    }
}
