using Huikuan.Domain.Money;

namespace Huikuan.Domain.Tests.Money;

public sealed class LineAmountTests
{
    private static readonly Currency Cny = Currency.Of("CNY");

    [Theory]
    [InlineData("3", "1.005", 302L)]
    [InlineData("1000000000", "10000", 1_000_000_000_000_000L)]
    [InlineData("-2", "0.5", -100L)]
    [InlineData("10", "999999999999.99", 999_999_999_999_990L)]
    public void Net_IsQuantityTimesPrice_Rounded(string quantity, string price, long expected) =>
        Assert.Equal(expected, LineAmounts.Net(Parse(quantity), Parse(price), Cny, "lines[0]"));

    [Theory]
    [InlineData("1e15", "1e15", "quantity.range", "lines[2].quantity")]
    [InlineData("1000000000.1", "1", "quantity.range", "lines[2].quantity")]
    [InlineData("1", "1000000000000", "price.range", "lines[2].unitPrice")]
    [InlineData("1", "-1e15", "price.range", "lines[2].unitPrice")]
    [InlineData("1000000000", "100000", "money.range", "lines[2]")]
    [InlineData("-1000000000", "999999999999.999999", "money.range", "lines[2]")]
    public void Net_BeyondTheLimits_IsRefusedNamingTheField(string quantity, string price, string rule, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => LineAmounts.Net(Parse(quantity), Parse(price), Cny, "lines[2]"));
        Assert.Equal((rule, field), (e.Rule, e.Field));
    }

    [Fact]
    public void Total_AboveTheLargestAmount_IsRefused_EvenWhenEachLineIsWithinIt()
    {
        Assert.Equal(Currency.MaxMinor, LineAmounts.Total([Currency.MaxMinor / 2, Currency.MaxMinor / 2], Cny, "lines"));
        var e = Assert.Throws<DomainRuleException>(() => LineAmounts.Total(Enumerable.Repeat(2 * Currency.MaxMinor, 1000), Cny, "lines"));
        Assert.Equal(("money.range", "lines"), (e.Rule, e.Field));
    }

    private static decimal Parse(string s) => decimal.Parse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
