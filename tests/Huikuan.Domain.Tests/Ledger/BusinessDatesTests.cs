namespace Huikuan.Domain.Tests.Ledger;

public sealed class BusinessDatesTests
{
    [Theory]
    [InlineData(1, 1, 1, "date.required")]
    [InlineData(1989, 12, 31, "date.range")]
    [InlineData(2206, 3, 1, "date.range")]
    public void Require_RefusesMissingOrImplausibleDates(int y, int m, int d, string rule)
    {
        var e = Assert.Throws<DomainRuleException>(() => BusinessDates.Require(new DateOnly(y, m, d), "invoiceDate"));
        Assert.Equal((rule, "invoiceDate"), (e.Rule, e.Field));
    }

    [Fact]
    public void Require_AcceptsAnOrdinaryDate() =>
        Assert.Equal(new DateOnly(2026, 11, 23), BusinessDates.Require(new DateOnly(2026, 11, 23), "x"));
}
