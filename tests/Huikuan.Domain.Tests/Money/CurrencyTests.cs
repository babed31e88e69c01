using Huikuan.Domain.Money;

namespace Huikuan.Domain.Tests.Money;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("CNY", "12.34", 1234L)]
    [InlineData("cny", "0.01", 1L)]
    [InlineData("JPY", "1500", 1500L)]
    [InlineData("KWD", "1.234", 1234L)]
    public void ToMinor_ConvertsExactly(string code, string amount, long expected) =>
        Assert.Equal(expected, Currency.Of(code).ToMinor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("CNY", "12.345")]
    [InlineData("JPY", "1.5")]
    public void ToMinor_WithMoreDecimalsThanTheCurrencyHas_IsRefusedNamingTheField(string code, string amount)
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            Currency.Of(code).ToMinor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "lines[0].amount"));
        Assert.Equal("lines[0].amount", e.Field);
        Assert.Equal("money.precision", e.Rule);
    }

    [Fact]
    public void Of_AnUnknownCode_IsRefused() =>
        Assert.Equal("currency", Assert.Throws<DomainRuleException>(() => Currency.Of("XYZ")).Field);

    [Fact]
    public void Format_UsesTheCurrencyPrecisionAndNoGrouping()
    {
        Assert.Equal("1234.50", Currency.Of("CNY").Format(123450));
        Assert.Equal("-0.05", Currency.Of("USD").Format(-5));
        Assert.Equal("1500", Currency.Of("JPY").Format(1500));
    }

    [Fact]
    public void RoundToMinor_RoundsHalfAwayFromZero()
    {
        Assert.Equal(3L, Currency.Of("CNY").RoundToMinor(0.025m));
        Assert.Equal(-3L, Currency.Of("CNY").RoundToMinor(-0.025m));
    }

    [Theory]
    [InlineData("CNY", "10000000000000.00", 1_000_000_000_000_000L)]
    [InlineData("CNY", "-10000000000000.00", -1_000_000_000_000_000L)]
    [InlineData("JPY", "1000000000000000", 1_000_000_000_000_000L)]
    [InlineData("KWD", "1000000000000.000", 1_000_000_000_000_000L)]
    public void ToMinor_TakesTheLargestAmount(string code, string amount, long expected) =>
        Assert.Equal(expected, Currency.Of(code).ToMinor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("CNY", "10000000000000.01")]
    [InlineData("CNY", "-10000000000000.01")]
    [InlineData("JPY", "1000000000000001")]
    [InlineData("KWD", "79228162514264337593543950335")]
    [InlineData("CNY", "-79228162514264337593543950335")]
    public void ToMinor_BeyondTheLargestAmount_IsRefusedNamingTheField_NotOverflowed(string code, string amount)
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            Currency.Of(code).ToMinor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "total"));
        Assert.Equal(("money.range", "total"), (e.Rule, e.Field));
    }

    [Fact]
    public void TheLargestAmount_FitsNineThousandTimesInALong() =>
        Assert.True(long.MaxValue / Currency.MaxMinor >= 9_000);
}
