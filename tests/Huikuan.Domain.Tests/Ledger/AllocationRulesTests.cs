using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;

namespace Huikuan.Domain.Tests.Ledger;

public sealed class AllocationRulesTests
{
    [Fact]
    public void SourceAmount_SameCurrency_IsTheAmount() =>
        Assert.Equal(500L, AllocationRules.SourceAmount("CNY", "CNY", 500, null));

    [Fact]
    public void SourceAmount_OtherCurrencyWithoutAnExplicitExchange_IsRefused() =>
        Assert.Equal("sourceAmount", Assert.Throws<DomainRuleException>(() => AllocationRules.SourceAmount("USD", "CNY", 72000, null)).Field);

    [Fact]
    public void SourceAmount_OtherCurrencyWithAnExplicitExchange_IsTheStatedAmount() =>
        Assert.Equal(10000L, AllocationRules.SourceAmount("USD", "CNY", 72000, 10000));

    [Fact]
    public void SourceAmount_SameCurrencyButADifferentStatedAmount_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => AllocationRules.SourceAmount("CNY", "CNY", 500, 400));

    [Fact]
    public void MustNotExceedOpen_SaysHowMuchIsOpenInTheCurrency()
    {
        var e = Assert.Throws<DomainRuleException>(() => AllocationRules.MustNotExceedOpen(5000, 3333, Currency.Of("CNY")));
        Assert.Contains("33.33 CNY", e.Message, StringComparison.Ordinal);
        Assert.Equal("amount", e.Field);
    }

    [Fact]
    public void MustStayWithinCompanyAndCustomer_RefusesAnotherCompany()
    {
        var c = Guid.NewGuid();
        Assert.Equal("allocation.company", Assert.Throws<DomainRuleException>(() =>
            AllocationRules.MustStayWithinCompanyAndCustomer(Guid.NewGuid(), Guid.NewGuid(), c, c)).Rule);
    }
}
