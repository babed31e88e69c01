using CsCheck;
using Huikuan.Domain.Money;

namespace Huikuan.Domain.Tests.Money;

public sealed class LineAmountsTests
{
    private static readonly Currency Cny = Currency.Of("CNY");

    [Theory]
    [InlineData(10, 1000, 13, 1_000_000L, 130_000L)]      // 10 × 1,000.00 + 13 %: 10,000.00 and 1,300.00
    [InlineData(3, 0.335, 13, 101L, 13L)]                 // 1.005 rounds up to 1.01; 13 % of 1.01 is 0.1313: 0.13
    [InlineData(1, 0.05, 10, 5L, 1L)]                      // tax 0.005 rounds half away from zero: 0.01
    [InlineData(-2, 10.005, 6, -2_001L, -120L)]            // a negative line rounds away from zero too
    [InlineData(1.5, 99.99, 0, 14_999L, 0L)]               // 149.985 → 149.99, no tax
    public void Of_RoundsTheNetThenTaxesTheRoundedNet(decimal quantity, decimal unitPrice, decimal rate, long net, long tax) =>
        Assert.Equal((net, tax), LineAmounts.Of(quantity, unitPrice, rate, Cny));

    [Fact]
    public void Of_InACurrencyWithoutDecimals_RoundsToWholeUnits() =>
        Assert.Equal((1_235L, 161L), LineAmounts.Of(1, 1_234.5m, 13, Currency.Of("JPY")));

    [Fact]
    public void Tax_OnAWholeNet_IsTheRoundedRate_ForAnyRateInBasisPoints() =>
        Gen.Select(Gen.Long[0, 10_000_000_000], Gen.Int[0, 10_000]).Sample((net, bp) =>
            LineAmounts.Tax(net, bp / 100m, Cny) == ((net * bp) + 5_000) / 10_000, iter: 2000);
}
