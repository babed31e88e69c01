using Huikuan.Domain.BankMatching;
using Huikuan.Domain.Terms;
using static Huikuan.Domain.Tests.BankMatching.Sample;

namespace Huikuan.Domain.Tests.BankMatching;

/// <summary>Which of the payer's open items the amount pays: exact, combined, installment, discount, oldest first, tolerance.</summary>
public sealed class BankMatcherItemsTests
{
    private const string Account = "6222020012345678";
    private static readonly LearnedAccount[] Known = [new(Account, Mingda, 3)];

    private static MatchProposal Match(BankLine line, IEnumerable<MatchOpenItem> items, MatchOptions? options = null) =>
        BankMatcher.Match(line, Directory(items, accounts: Known), options);

    [Fact]
    public void SeveralItemsOfTheAmount_TheOneTheTextNamesIsPaid()
    {
        var a = Item(Mingda, "INV-000101", 5_000m, Today.AddDays(-30));
        var b = Item(Mingda, "INV-000102", 5_000m, Today.AddDays(-20));

        var p = Match(Line(5_000m, account: Account, text: "INV-000102"), [a, b]);

        Assert.Equal([new MatchAllocation(b.InstallmentId, 500_000)], p.Allocations);
        Assert.Equal(100, p.Confidence);
    }

    [Fact]
    public void SeveralItemsOfTheAmount_NoneNamed_IsAmbiguous_TheOldestProposed()
    {
        var a = Item(Mingda, "INV-000101", 5_000m, Today.AddDays(-30));
        var b = Item(Mingda, "INV-000102", 5_000m, Today.AddDays(-20));

        var p = Match(Line(5_000m, account: Account), [b, a]);

        Assert.Equal([new MatchAllocation(a.InstallmentId, 500_000)], p.Allocations);
        Assert.Equal(ItemScores.Ambiguous, p.Confidence);
        Assert.Equal(new MatchReason(MatchReasons.ItemsAmbiguous, "2"), p.Reasons[^1]);
    }

    [Fact]
    public void OnePaymentForThreeInvoices_FindsTheExactCombination()
    {
        var items = new[]
        {
            Item(Mingda, "INV-000101", 1_234.56m, Today.AddDays(-60)),
            Item(Mingda, "INV-000102", 2_000m, Today.AddDays(-50)),
            Item(Mingda, "INV-000103", 3_210.10m, Today.AddDays(-40)),
            Item(Mingda, "INV-000104", 4_999.99m, Today.AddDays(-30)),
            Item(Mingda, "INV-000105", 777.77m, Today.AddDays(-20)),
        };

        var p = Match(Line(9_444.65m, account: Account), items);     // 1 234.56 + 3 210.10 + 4 999.99

        Assert.Equal([items[3].InstallmentId, items[2].InstallmentId, items[0].InstallmentId], p.Allocations.Select(a => a.InstallmentId));
        Assert.Equal(Minor(9_444.65m), p.Allocations.Sum(a => a.AmountMinor));
        // The payer's account is learned: the only set of its items that adds up is what it pays.
        Assert.Equal(ItemScores.SureCombination, p.Confidence);
        Assert.Contains(new MatchReason(MatchReasons.ItemsCombination, "3"), p.Reasons);
    }

    [Fact]
    public void OnePaymentForThreeNamedInvoices_IsSure()
    {
        var items = new[]
        {
            Item(Mingda, "INV-000101", 1_000m), Item(Mingda, "INV-000102", 2_000m), Item(Mingda, "INV-000103", 3_000m), Item(Mingda, "INV-000104", 4_000m),
        };

        var p = BankMatcher.Match(Line(6_000m, text: "付 INV-000101、INV-000102、INV-000103 货款"), Directory(items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.True(p.IsSure());
        Assert.Equal(items.Take(3).Select(i => i.InstallmentId), p.Allocations.Select(a => a.InstallmentId));
    }

    [Fact]
    public void TwoCombinationsOfTheAmount_AreAmbiguous()
    {
        var items = new[] { Item(Mingda, "INV-000101", 1_000m), Item(Mingda, "INV-000102", 500m), Item(Mingda, "INV-000103", 500m) };

        var p = Match(Line(1_500m, account: Account), items);

        Assert.Equal(2, p.Allocations.Count);
        Assert.Equal(ItemScores.Ambiguous, p.Confidence);
        Assert.Contains(MatchReasons.ItemsAmbiguous, Codes(p));
    }

    [Fact]
    public void PartialPayment_OfTheOneInvoiceNamed_IsAppliedToIt_AsSureAsThePayer()
    {
        var a = Item(Mingda, "INV-000101", 10_000m, Today.AddDays(-30));
        var b = Item(Mingda, "INV-000102", 10_000m, Today.AddDays(-60));

        var p = BankMatcher.Match(Line(4_000m, name: "上海明达贸易有限公司", text: "INV-000101 部分付款"), Directory([a, b]));

        Assert.Equal([new MatchAllocation(a.InstallmentId, 400_000)], p.Allocations);
        Assert.Equal(ItemScores.NamedSinglePartial, p.Confidence);
        Assert.Contains(new MatchReason(MatchReasons.ItemsPartial, "INV-000101"), p.Reasons);
    }

    [Fact]
    public void SurePayer_AmountCoveringSeveral_PaysTheOldestFirst_PartialOnTheLast()
    {
        var newest = Item(Mingda, "INV-000103", 3_000m, Today.AddDays(-10));
        var oldest = Item(Mingda, "INV-000101", 3_000m, Today.AddDays(-90));
        var middle = Item(Mingda, "INV-000102", 3_000m, Today.AddDays(-40));

        var p = Match(Line(7_000m, account: Account), [newest, oldest, middle]);

        Assert.Equal([new MatchAllocation(oldest.InstallmentId, 300_000), new MatchAllocation(middle.InstallmentId, 300_000),
            new MatchAllocation(newest.InstallmentId, 100_000)], p.Allocations);
        Assert.Equal(ItemScores.OldestFirst, p.Confidence);
        Assert.Equal([MatchReasons.PayerLearnedAccount, MatchReasons.ItemsOldestFirst, MatchReasons.ItemsPartial], Codes(p));
    }

    [Fact]
    public void UnsurePayer_AmountFittingNothing_ProposesNoItems()
    {
        var p = BankMatcher.Match(Line(7_000m, name: "上海明达贸易有限公司"), Directory([Item(Mingda, "INV-000101", 3_000m)]));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Empty(p.Allocations);
        Assert.Equal(Minor(7_000m), p.UnappliedMinor);
        Assert.Equal(BankMatcher.NoItemsCap, p.Confidence);
        Assert.Equal(MatchReasons.ItemsNone, p.Reasons[^1].Code);
    }

    [Fact]
    public void Overpayment_LeavesTheRestUnappliedOnAccount()
    {
        var a = Item(Mingda, "INV-000101", 3_000m);

        var p = Match(Line(3_500m, account: Account), [a]);

        Assert.Equal([new MatchAllocation(a.InstallmentId, 300_000)], p.Allocations);
        Assert.Equal(50_000, p.UnappliedMinor);
        Assert.Equal(new MatchReason(MatchReasons.LineUnapplied, "500.00", "CNY"), p.Reasons[^1]);
    }

    [Fact]
    public void Overpayment_OfANamedInvoice_LeavesTheRestUnapplied()
    {
        var a = Item(Mingda, "INV-000101", 3_000m);

        var p = BankMatcher.Match(Line(3_500m, text: "INV-000101"), Directory([a]));

        Assert.Equal([new MatchAllocation(a.InstallmentId, 300_000)], p.Allocations);
        Assert.Equal(50_000, p.UnappliedMinor);
        Assert.Equal(ItemScores.NamedOverpaid, p.Confidence);
    }

    [Fact]
    public void InstallmentOfANamedInvoice_PaidExactly_IsSure()
    {
        var first = Item(Mingda, "INV-000101", 4_000m, Today.AddDays(-10), sequence: 1);
        var second = Item(Mingda, "INV-000101", 6_000m, Today.AddDays(20), sequence: 2);

        var p = BankMatcher.Match(Line(6_000m, text: "INV-000101 第二期"), Directory([first, second]));

        Assert.Equal([new MatchAllocation(second.InstallmentId, 600_000)], p.Allocations);
        Assert.True(p.IsSure());
        Assert.Contains(new MatchReason(MatchReasons.ItemsInstallment, "INV-000101", "2"), p.Reasons);
    }

    [Fact]
    public void InstallmentPaidAsBilled_AfterPartOfItWasSettled_TheRestStaysOnAccount()
    {
        var item = Item(Mingda, "INV-000101", 2_500m, billed: 4_000m);

        var p = Match(Line(4_000m, account: Account), [item]);

        Assert.Equal([new MatchAllocation(item.InstallmentId, 250_000)], p.Allocations);
        Assert.Equal(150_000, p.UnappliedMinor);
        Assert.Equal(ItemScores.Installment, p.Confidence);
    }

    [Fact]
    public void BankFee_Of15_DeductedFrom10000_IsWithinTheTolerance_AndProposedAsAWriteOff()
    {
        var item = Item(Mingda, "INV-000101", 10_000m);
        var options = new MatchOptions(new MatchTolerance(Minor(20m), 0m));

        var p = Match(Line(9_985m, account: Account), [item], options);

        Assert.Equal([new MatchAllocation(item.InstallmentId, 998_500)], p.Allocations);
        Assert.Equal(new ProposedWriteOff(item.InstallmentId, 1_500, WriteOffKind.BankFee), p.WriteOff);
        Assert.Equal(0, p.UnappliedMinor);
        Assert.Equal(ItemScores.Tolerance, p.Confidence);
        Assert.Equal(new MatchReason(MatchReasons.ItemsTolerance, "15.00", "CNY", "BankFee"), p.Reasons[^1]);
    }

    [Fact]
    public void AShortfallOfMoreThanATenthOfTheItem_IsAPartPayment_NotAFee_WhateverTheTolerance()
    {
        var item = Item(Mingda, "INV-000101", 94.79m, Today.AddDays(-10));
        var options = new MatchOptions(new MatchTolerance(Minor(50m), 0m));

        var p = BankMatcher.Match(Line(66.98m, name: "上海明达贸易有限公司", text: "货款 INV-000101 部分付款"), Directory([item]), options);

        Assert.Null(p.WriteOff);
        Assert.Equal([new MatchAllocation(item.InstallmentId, 6_698)], p.Allocations);
        Assert.Contains(new MatchReason(MatchReasons.ItemsPartial, "INV-000101"), p.Reasons);
    }

    [Fact]
    public void APartPaymentNamingAnInvoice_IsNotTakenForOtherItemsThatHappenToAddUpToIt()
    {
        var named = Item(Mingda, "INV-000101", 10_000m, Today.AddDays(-90));
        var x = Item(Mingda, "INV-000102", 2_500m, Today.AddDays(-60));
        var y = Item(Mingda, "INV-000103", 1_500m, Today.AddDays(-30));

        var p = Match(Line(4_000m, text: "INV-000101 部分付款"), [named, x, y]);

        Assert.Equal([new MatchAllocation(named.InstallmentId, 400_000)], p.Allocations);
        Assert.DoesNotContain(p.Reasons, r => r.Code == MatchReasons.ItemsCombination);
    }

    [Fact]
    public void BankFee_BeyondTheTolerance_IsNoWriteOff()
    {
        var item = Item(Mingda, "INV-000101", 10_000m);
        var options = new MatchOptions(new MatchTolerance(Minor(10m), 0.1m));     // 10.00, or 0.1 % = 10.00

        var p = Match(Line(9_985m, account: Account), [item], options);

        Assert.Null(p.WriteOff);
        Assert.Equal([new MatchAllocation(item.InstallmentId, 998_500)], p.Allocations);   // a sure payer: paid as far as it goes
        Assert.Contains(MatchReasons.ItemsPartial, Codes(p));
    }

    [Fact]
    public void WalletServiceFee_ByPercent_IsAWalletFee_WhenTheTextSaysSo()
    {
        var item = Item(Mingda, "INV-000101", 1_000m);
        var options = new MatchOptions(new MatchTolerance(0, 0.6m), WriteOffKind.BankFee);

        var p = Match(Line(994m, account: Account, text: "扣除服务费"), [item], options);

        Assert.Equal(new ProposedWriteOff(item.InstallmentId, 600, WriteOffKind.WalletFee), p.WriteOff);
    }

    [Fact]
    public void Shortfall_OnANamedInvoice_UsesTheAccountsKind()
    {
        var item = Item(Mingda, "INV-000101", 1_000m, currency: "USD");
        var options = new MatchOptions(new MatchTolerance(Minor(5m), 0m), WriteOffKind.ExchangeDifference);

        var p = BankMatcher.Match(Line(997.50m, text: "INV-000101", currency: "USD"), Directory([item]), options);

        Assert.Equal(new ProposedWriteOff(item.InstallmentId, 250, WriteOffKind.ExchangeDifference), p.WriteOff);
        Assert.Equal(ItemScores.NamedTolerance, p.Confidence);
    }

    [Theory]
    [InlineData(0, true)]     // on the last day of the window
    [InlineData(-5, true)]
    [InlineData(1, false)]    // a day late
    public void EarlyPaymentDiscount_CountsOnlyInsideItsWindow(int daysAfterLastDay, bool inside)
    {
        var invoiceDate = new DateOnly(2026, 11, 26);
        var item = Item(Mingda, "INV-000101", 10_000m, invoiceDate: invoiceDate, due: invoiceDate.AddDays(30))
            .WithDiscount(EarlyPaymentDiscount.Parse("2/10 net 30"));
        var lastDay = invoiceDate.AddDays(10);

        var p = Match(Line(9_800m, account: Account, on: lastDay.AddDays(daysAfterLastDay)), [item]);

        if (inside)
        {
            Assert.Equal([new MatchAllocation(item.InstallmentId, 980_000)], p.Allocations);
            Assert.Equal(new ProposedWriteOff(item.InstallmentId, 20_000, WriteOffKind.Discount), p.WriteOff);
            Assert.Equal(new MatchReason(MatchReasons.ItemsDiscount, "2026-12-06", "200.00", "CNY"), p.Reasons[^1]);
            Assert.Equal(ItemScores.Discount, p.Confidence);
        }
        else
        {
            Assert.Null(p.WriteOff);
            Assert.Contains(new MatchReason(MatchReasons.ItemsPartial, "INV-000101"), p.Reasons);
        }
    }

    [Fact]
    public void EarlyPaymentDiscount_AfterTheWindow_WithAnUnsurePayer_SaysTheWindowClosed()
    {
        var invoiceDate = new DateOnly(2026, 11, 1);
        var item = Item(Mingda, "INV-000101", 10_000m, invoiceDate: invoiceDate).WithDiscount(EarlyPaymentDiscount.Parse("2/10 net 30"));

        var p = BankMatcher.Match(Line(9_800m, name: "上海明达贸易有限公司"), Directory([item]));

        Assert.Empty(p.Allocations);
        Assert.Contains(new MatchReason(MatchReasons.ItemsDiscountExpired, "2026-11-11"), p.Reasons);
    }

    [Fact]
    public void ALineInAnotherCurrency_MatchesNoCnyItems_AndSaysSo()
    {
        var p = Match(Line(10_000m, account: Account, currency: "USD"), [Item(Mingda, "INV-000101", 10_000m)]);

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Empty(p.Allocations);
        Assert.Equal(new MatchReason(MatchReasons.ItemsOtherCurrency, "USD", "CNY"), p.Reasons[^1]);
        Assert.Equal(BankMatcher.NoItemsCap, p.Confidence);
    }

    [Fact]
    public void HugeAmounts_AreExact()
    {
        const long huge = long.MaxValue / 1000;
        var a = Item(Mingda, "INV-000101", 0m) with { OpenMinor = huge - 1, InstallmentDueMinor = huge - 1 };
        var b = Item(Mingda, "INV-000102", 0m) with { OpenMinor = huge, InstallmentDueMinor = huge };
        var c = Item(Mingda, "INV-000103", 0m) with { OpenMinor = 1, InstallmentDueMinor = 1 };

        var exact = Match(new BankLine(huge, "CNY", Today, CounterpartyAccount: Account), [a, b, c]);
        var combined = Match(new BankLine(2 * huge, "CNY", Today, CounterpartyAccount: Account), [a, b, c]);
        var more = Match(new BankLine(long.MaxValue, "CNY", Today, CounterpartyAccount: Account), [a, b, c]);

        Assert.Equal([new MatchAllocation(b.InstallmentId, huge)], exact.Allocations);
        Assert.Equal(2 * huge, combined.Allocations.Sum(x => x.AmountMinor));
        Assert.Equal(3, combined.Allocations.Count);
        Assert.Equal(long.MaxValue - 2 * huge, more.UnappliedMinor);
    }

    [Fact]
    public void HostileOpenAmounts_NearLongMaxValue_DoNotOverflow()
    {
        var items = Enumerable.Range(0, 5).Select(i => Item(Mingda, $"INV-00010{i}", 0m) with { OpenMinor = long.MaxValue - i }).ToArray();

        var p = BankMatcher.Match(new BankLine(long.MaxValue - 7, "CNY", Today, RemittanceText: "INV-000101 INV-000102"), Directory(items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(long.MaxValue - 7, p.Allocations.Sum(a => a.AmountMinor) + p.UnappliedMinor);
    }

    [Fact]
    public void FiveThousandItems_TheCombinationSearchStaysBounded_AndDeterministic()
    {
        // Amounts that no single item or small set matches, so the search runs to its cap.
        var items = Enumerable.Range(0, 5_000)
            .Select(i => Item(Mingda, $"INV-{i:D6}", 0m, Today.AddDays(-i % 400)) with { OpenMinor = 10_000 + (i * 7_919L % 100_000) * 2 })
            .ToArray();
        var line = new BankLine(1_234_567, "CNY", Today, CounterpartyAccount: Account);
        var directory = Directory(items, accounts: Known);

        var first = BankMatcher.Match(line, directory);
        var again = BankMatcher.Match(line, Directory(items.Reverse(), accounts: Known));

        Assert.Equal(Mingda, first.CustomerId);
        Assert.Equal(line.AmountMinor, first.Allocations.Sum(a => a.AmountMinor) + first.UnappliedMinor);
        Assert.Equal(Describe(first), Describe(again));
        var search = Combinations.Find(items.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal).ToArray(), [], 1_234_567);
        Assert.InRange(search.Steps, 1, Combinations.MaxWork);
    }

    [Fact]
    public void Combinations_ConsiderTheNamedItemsAndTheOldest_Only()
    {
        var old = Enumerable.Range(0, 40).Select(i => Item(Mingda, $"INV-{i:D6}", 100m, Today.AddDays(-1000 + i))).ToArray();
        var young = Item(Mingda, "INV-009999", 33m, Today);
        var pool = old.Append(young).ToArray();

        Assert.Null(Combinations.Find(pool, [], Minor(133m)).First);                   // the 41st oldest is not considered
        Assert.Equal(2, Combinations.Find(pool, [young], Minor(133m)).First!.Count);   // unless the text names it
    }

    [Fact]
    public void EveryProposal_AddsUpToTheLine()
    {
        var items = new[] { Item(Mingda, "INV-000101", 1_000m), Item(Mingda, "INV-000102", 2_000m, Today.AddDays(5)) };
        var options = new MatchOptions(new MatchTolerance(Minor(20m), 0m));
        foreach (var amount in new[] { 1m, 999.99m, 1_000m, 1_980m, 2_000m, 2_990m, 3_000m, 3_001m, 1_000_000m })
        {
            var p = Match(Line(amount, account: Account), items, options);
            Assert.Equal(Minor(amount), p.Allocations.Sum(a => a.AmountMinor) + p.UnappliedMinor);
            Assert.All(p.Allocations, a => Assert.True(a.AmountMinor > 0));
        }
    }

    [Fact]
    public void Shortfall_OnNamedInvoices_IsCarriedByTheLargest_NeverMoreThanAnItemHolds()
    {
        var large = Item(Mingda, "INV-000101", 1_000m);
        var small = Item(Mingda, "INV-000102", 0.05m);
        var options = new MatchOptions(new MatchTolerance(Minor(1m), 0m));

        var p = BankMatcher.Match(Line(999.95m, text: "INV-000101 INV-000102"), Directory([large, small]), options);

        Assert.Equal([new MatchAllocation(large.InstallmentId, 99_990), new MatchAllocation(small.InstallmentId, 5)], p.Allocations);
        Assert.Equal(new ProposedWriteOff(large.InstallmentId, 10, WriteOffKind.BankFee), p.WriteOff);
    }

    [Fact]
    public void CarelessInput_IsMatchedWithoutFailing()
    {
        var item = new MatchOpenItem(Id(900), Mingda, null!, Today, Today, 1, null!, 1_000, 1_000);
        var directory = new MatchDirectory([new(Mingda, null!), new(Acme, "Acme", Aliases: [null!, ""])], [new(null!, Mingda, 3)],
            [new(null!, Acme)], [new(null!, MatchDocumentKind.Invoice, Acme)], [item]);

        var p = BankMatcher.Match(new BankLine(1_000, null!, Today, "Acme", "", "INV-000101 \0 \u0000 \uFFFF"), directory);

        Assert.Equal(Acme, p.CustomerId);
        Assert.Empty(p.Allocations);
        Assert.Equal(MatchReasons.ItemsNone, p.Reasons[^1].Code);
    }
}
