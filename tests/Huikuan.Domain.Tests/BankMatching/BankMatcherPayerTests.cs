using Huikuan.Domain.BankMatching;
using static Huikuan.Domain.Tests.BankMatching.Sample;

namespace Huikuan.Domain.Tests.BankMatching;

/// <summary>The payer ladder: learned account, generated reference, document number, name; and how disagreements count.</summary>
public sealed class BankMatcherPayerTests
{
    private static readonly MatchOpenItem MingdaA = Item(Mingda, "INV-000101", 12_000m, Today.AddDays(-40));
    private static readonly MatchOpenItem MingdaB = Item(Mingda, "INV-000102", 8_000m, Today.AddDays(-10));
    private static readonly MatchOpenItem AcmeA = Item(Acme, "INV-000201", 12_000m, Today.AddDays(-20));
    private static readonly MatchOpenItem[] Items = [MingdaA, MingdaB, AcmeA];

    [Fact]
    public void LearnedAccount_WithExactItems_IsSure()
    {
        var directory = Directory(Items, accounts: [new("6222 0200 1234 5678", Mingda, 3)]);

        var p = BankMatcher.Match(Line(8_000m, name: "某某公司", account: "6222020012345678"), directory);

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(95, p.Confidence);
        Assert.True(p.IsSure());
        Assert.Equal([new MatchAllocation(MingdaB.InstallmentId, 800_000)], p.Allocations);
        Assert.Equal([MatchReasons.PayerLearnedAccount, MatchReasons.ItemsExact], Codes(p));
        Assert.Equal(["3"], p.Reasons[0].Arguments);
    }

    [Theory]
    [InlineData(1, 92)]
    [InlineData(2, 95)]
    [InlineData(3, 97)]
    [InlineData(40, 97)]
    public void LearnedAccount_CountsMoreWithEachConfirmation_AndWithOneExactItemIsSureFromTheFirst(int confirmations, int payer)
    {
        var directory = Directory(Items, accounts: [new("6222020012345678", Mingda, confirmations)]);
        var p = BankMatcher.Match(Line(8_000m, account: "6222020012345678"), directory);

        Assert.Equal(payer, PayerScores.Account(confirmations));
        Assert.Equal(Mingda, p.CustomerId);
        Assert.True(p.IsSure());
    }

    [Fact]
    public void GeneratedReference_InTheEndToEndId_NamesTheCustomerAndTheInvoice()
    {
        var directory = Directory(Items, references: [new("HK-7QX2-91", Mingda, "INV-000101")]);

        var p = BankMatcher.Match(Line(12_000m, endToEnd: "hk7qx291"), directory);

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(100, p.Confidence);
        Assert.Equal([new MatchAllocation(MingdaA.InstallmentId, 1_200_000)], p.Allocations);
        Assert.Equal([MatchReasons.PayerReference, MatchReasons.ItemsExact], Codes(p));
    }

    [Fact]
    public void MerchantOrderId_OfAWallet_NamesTheCustomer()
    {
        var directory = Directory(Items, references: [new("20261206123456789012", Acme)]);

        var p = BankMatcher.Match(Line(12_000m, name: "支付宝（中国）网络技术有限公司", merchantOrder: "20261206123456789012"), directory);

        Assert.Equal(Acme, p.CustomerId);
        Assert.True(p.IsSure());
        Assert.Contains(MatchReasons.PayerReference, Codes(p));
    }

    [Fact]
    public void GeneratedReference_BuriedInTheText_IsFound()
    {
        var directory = Directory(Items, references: [new("HK-7QX2-91", Mingda, "INV-000101")]);
        var p = BankMatcher.Match(Line(12_000m, text: "货款 付款参考 hk-7qx2-91 谢谢"), directory);
        Assert.Equal(Mingda, p.CustomerId);
        Assert.True(p.IsSure());
    }

    [Fact]
    public void InvoiceNumber_InNoisyText_WithItsExactOpenAmount_IsSure()
    {
        var p = BankMatcher.Match(Line(12_000m, text: "货款 inv 000101 谢谢"), Directory(Items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(96, p.Confidence);
        Assert.Equal([MatchReasons.PayerDocumentNumber, MatchReasons.ItemsExact], Codes(p));
        Assert.Equal(["INV000101"], p.Reasons[0].Arguments);
    }

    [Fact]
    public void InvoiceNumber_InFullWidth_IsFound() =>
        Assert.Equal(Mingda, BankMatcher.Match(Line(12_000m, text: "付ＩＮＶ－０００１０１款"), Directory(Items)).CustomerId);

    [Fact]
    public void ContractNumber_NamesTheCustomer_ButNotTheItems_WhichTheOneExactAmountConfirms()
    {
        var directory = Directory(Items, documents: [new("CT-000042", MatchDocumentKind.Contract, Acme)]);

        var p = BankMatcher.Match(Line(12_000m, text: "合同 CT-000042 首付款"), directory);

        Assert.Equal(Acme, p.CustomerId);
        Assert.Equal(ItemScores.Exact, p.Confidence);
        Assert.Equal([MatchReasons.PayerDocumentNumber, MatchReasons.ItemsExact], Codes(p));
    }

    [Fact]
    public void DigitsAlone_NameTheInvoiceWithItsPrefix_AsAWeakerSignal()
    {
        var p = BankMatcher.Match(Line(12_000m, text: "发票号 000101"), Directory(Items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(PayerScores.DigitsHinted + BankMatcher.CorroborationBonus, p.Confidence);
        Assert.Equal(MatchReasons.PayerDocumentDigits, p.Reasons[0].Code);
        Assert.Equal(["000101", "INV000101"], p.Reasons[0].Arguments);
    }

    [Fact]
    public void DigitsAlone_WithoutAWordBefore_CountLess() =>
        Assert.Equal(PayerScores.Digits + BankMatcher.CorroborationBonus, BankMatcher.Match(Line(12_000m, text: "付款 000101"), Directory(Items)).Confidence);

    [Fact]
    public void ANumberInsideALongerDocumentNumber_NamesNothing()
    {
        var directory = Directory(Items, documents: [new("INV-000101-2", MatchDocumentKind.Invoice, Acme)]);

        var p = BankMatcher.Match(Line(12_000m, text: "货款 INV-000101-2"), directory);

        Assert.Equal(Acme, p.CustomerId);
        Assert.Empty(p.Alternatives);
        Assert.Equal(new MatchReason(MatchReasons.PayerDocumentNumber, "INV-000101-2"), p.Reasons[0]);
    }

    [Fact]
    public void ExactName_WithOneOpenItemOfExactlyTheAmount_IsSure_TheAmountConfirmsTheName()
    {
        var p = BankMatcher.Match(Line(8_000m, name: "上海明达贸易有限公司"), Directory(Items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(PayerScores.ExactName + BankMatcher.AmountCorroboration, p.Confidence);
        Assert.True(p.IsSure());
        Assert.Equal(["100"], p.Reasons[0].Arguments);
    }

    [Fact]
    public void ExactName_WithTheOnlySetOfItsItemsThatAddsUp_IsSure_ButNotWhenTwoSetsDo_OrTheNameIsFuzzy()
    {
        MatchOpenItem[] items =
        [
            Item(Mingda, "INV-000301", 1_000.10m, Today.AddDays(-60)),
            Item(Mingda, "INV-000302", 2_000.20m, Today.AddDays(-50)),
            Item(Mingda, "INV-000303", 4_000.40m, Today.AddDays(-40)),
        ];
        var unique = BankMatcher.Match(Line(3_000.30m, name: "上海明达贸易有限公司"), Directory(items));
        var fuzzy = BankMatcher.Match(Line(3_000.30m, name: "上海明达贸易商行"), Directory(items));
        var twice = BankMatcher.Match(Line(3_000.30m, name: "上海明达贸易有限公司"),
            Directory([.. items, Item(Mingda, "INV-000304", 1_500.15m, Today.AddDays(-30)), Item(Mingda, "INV-000305", 1_500.15m, Today.AddDays(-20))]));

        Assert.True(unique.IsSure());
        Assert.Equal([items[0].InstallmentId, items[1].InstallmentId], unique.Allocations.Select(a => a.InstallmentId).Order());
        Assert.False(fuzzy.IsSure());
        Assert.False(twice.IsSure());
    }

    [Fact]
    public void ExactName_WithNoItemOfTheAmount_OrAFuzzyName_StaysBelowTheThreshold()
    {
        var noItem = BankMatcher.Match(Line(8_123m, name: "上海明达贸易有限公司"), Directory(Items));
        var fuzzy = BankMatcher.Match(Line(8_000m, name: "上海明达贸易商行"), Directory(Items));

        Assert.False(noItem.IsSure());
        Assert.False(fuzzy.IsSure());
    }

    [Theory]
    [InlineData("上海明达贸易有限责任公司")]
    [InlineData("上海明达贸易股份有限公司")]
    [InlineData("上海明达贸易（集团）有限公司")]
    [InlineData("上海 明达 贸易 有限公司")]
    [InlineData("明达贸易")]                           // the alias
    public void NameVariants_AreTheSameName(string name)
    {
        var p = BankMatcher.Match(Line(8_000m, name: name), Directory(Items));
        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(new MatchReason(MatchReasons.PayerName, "100"), p.Reasons[0]);
    }

    [Theory]
    [InlineData("ACME TRADING CO.,LTD")]
    [InlineData("Acme Trading Limited")]
    [InlineData("ａｃｍｅ　ｔｒａｄｉｎｇ")]
    public void EnglishNameVariants_AreTheSameName(string name) =>
        Assert.Equal(Acme, BankMatcher.Match(Line(12_000m, name: name), Directory(Items)).CustomerId);

    [Fact]
    public void FuzzyName_AloneNeverComesNearTheThreshold()
    {
        var p = BankMatcher.Match(Line(8_000m, name: "上海明达贸易商行"), Directory(Items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.InRange(p.Confidence, 1, 74);
        Assert.Equal(MatchReasons.PayerName, p.Reasons[0].Code);
        Assert.InRange(int.Parse(p.Reasons[0].Arguments[0], System.Globalization.CultureInfo.InvariantCulture), MatchDirectory.MinSimilarity, 99);
    }

    [Fact]
    public void TwoSimilarCustomers_BothFittingTheAmount_AreAmbiguous()
    {
        var directory = Directory([Item(Hengyuan, "INV-000301", 5_000m), Item(HengyuanDev, "INV-000302", 5_000m)]);

        var p = BankMatcher.Match(Line(5_000m, name: "杭州恒远科技开发有限公司"), directory);

        Assert.Contains(MatchReasons.PayerAmbiguous, Codes(p));
        Assert.InRange(p.Confidence, 1, BankMatcher.AmbiguousCap);
        Assert.Contains(p.Alternatives, a => a.CustomerId == (p.CustomerId == Hengyuan ? HengyuanDev : Hengyuan));
    }

    [Fact]
    public void TwoCustomersOfTheSameNormalisedName_AreAmbiguous_EvenWithAnInvoiceEach()
    {
        MatchCustomer[] twins = [new(Id(50), "宁波海星电器有限公司"), new(Id(51), "宁波海星电器（集团）有限公司")];
        var directory = new MatchDirectory(twins, openItems: [Item(Id(50), "INV-000501", 900m), Item(Id(51), "INV-000502", 900m)]);

        var p = BankMatcher.Match(Line(900m, name: "宁波海星电器有限公司"), directory);

        Assert.Contains(MatchReasons.PayerAmbiguous, Codes(p));
        Assert.Single(p.Alternatives);
    }

    [Fact]
    public void ParentPayingForASubsidiary_IsRecognisedByTheSubsidiarysInvoice()
    {
        var sub = Item(GroupSub, "INV-000401", 30_000m);
        var p = BankMatcher.Match(Line(30_000m, name: "江苏远航集团股份有限公司", text: "代苏州远航支付 INV-000401"), Directory([sub]));

        Assert.Equal(GroupSub, p.CustomerId);
        Assert.True(p.IsSure());
        Assert.Contains(new MatchReason(MatchReasons.PayerParent, "江苏远航集团股份有限公司"), p.Reasons);
        Assert.DoesNotContain(MatchReasons.PayerConflict, Codes(p));
    }

    [Fact]
    public void ParentPayingForASubsidiary_WithoutAReference_IsAWeakProposal()
    {
        var sub = Item(GroupSub, "INV-000401", 30_000m);
        var p = BankMatcher.Match(Line(30_000m, name: "江苏远航集团股份有限公司"), Directory([sub]));

        Assert.Equal(GroupSub, p.CustomerId);
        Assert.Equal(PayerScores.Parent, p.Confidence);
        Assert.Equal([MatchReasons.PayerParent, MatchReasons.ItemsExact], Codes(p));
        Assert.Contains(p.Alternatives, a => a.CustomerId == Group);
    }

    [Fact]
    public void Branch_MapsToItsCompany_AsAWeakerSignal()
    {
        var p = BankMatcher.Match(Line(8_000m, name: "上海明达贸易有限公司北京分公司"), Directory(Items));

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(PayerScores.Branch, p.Confidence);
        Assert.Equal(new MatchReason(MatchReasons.PayerBranch, "上海明达贸易有限公司"), p.Reasons[0]);
    }

    [Fact]
    public void Branch_ThatIsACustomerOfItsOwn_IsThatCustomer()
    {
        var branch = new MatchCustomer(Id(60), "上海明达贸易有限公司北京分公司", ParentId: Mingda);
        var directory = new MatchDirectory([.. Customers, branch], openItems: [.. Items, Item(Id(60), "INV-000601", 8_000m)]);

        var p = BankMatcher.Match(Line(8_000m, name: "上海明达贸易有限公司北京分公司"), directory);

        Assert.Equal(Id(60), p.CustomerId);
        Assert.Equal(ItemScores.Exact, p.Confidence);
    }

    [Fact]
    public void AccountAndText_Disagreeing_LowerTheConfidence_AndSaySo()
    {
        // The account paid for Mingda before; the text names Acme's invoice of the same amount.
        var directory = Directory(Items, accounts: [new("6222020012345678", Mingda, 5)]);

        var p = BankMatcher.Match(Line(12_000m, account: "6222020012345678", text: "INV-000201"), directory);

        Assert.InRange(p.Confidence, 1, BankMatcher.AmbiguousCap);
        Assert.Contains(MatchReasons.PayerAmbiguous, Codes(p));
        Assert.Single(p.Alternatives);
    }

    [Fact]
    public void ASignalForAnotherCustomer_FarBehind_CostsConfidence()
    {
        // The name says Acme; the account paid for Mingda before and the amount fits only Mingda's invoice.
        var directory = Directory(Items, accounts: [new("6222020012345678", Mingda, 5)]);

        var p = BankMatcher.Match(Line(8_000m, name: "Acme Trading Co., Ltd.", account: "6222020012345678"), directory);

        Assert.Equal(Mingda, p.CustomerId);
        Assert.Equal(95 - BankMatcher.ConflictPenalty, p.Confidence);
        Assert.Equal(new MatchReason(MatchReasons.PayerConflict, "Acme Trading Co., Ltd."), p.Reasons[^1]);
    }

    [Fact]
    public void AgreeingSignals_AddUp()
    {
        var p = BankMatcher.Match(Line(8_000m, name: "上海明达贸易有限公司", text: "INV-000102"), Directory(Items));

        Assert.Equal(100, p.Confidence);
        Assert.Equal([MatchReasons.PayerDocumentNumber, MatchReasons.PayerName, MatchReasons.ItemsExact], Codes(p));
    }

    [Theory]
    [InlineData(-8_000, MatchReasons.LineOutgoing)]
    [InlineData(0, MatchReasons.LineZero)]
    public void OutgoingAndZeroLines_AreNotReceipts(int amount, string code)
    {
        var p = BankMatcher.Match(Line(amount, name: "上海明达贸易有限公司", text: "INV-000102"), Directory(Items));

        Assert.Null(p.CustomerId);
        Assert.Equal(0, p.Confidence);
        Assert.Empty(p.Allocations);
        Assert.Equal([code], Codes(p));
        Assert.False(p.IsSure(0));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", "  ", "")]
    public void ALineWithNothingToGoOn_SaysSo(string? name, string? text, string? account) =>
        Assert.Equal([MatchReasons.LineNothing], Codes(BankMatcher.Match(Line(8_000m, name, text, account), Directory(Items))));

    [Fact]
    public void ALineNamingNoCustomer_SaysSo()
    {
        var p = BankMatcher.Match(Line(8_000m, name: "完全无关的公司", text: "房租 2026年12月"), Directory(Items));
        Assert.Null(p.CustomerId);
        Assert.Equal([MatchReasons.PayerNone], Codes(p));
    }

    [Fact]
    public void TheSameInput_GivesTheSameProposal()
    {
        var directory = Directory(Items, accounts: [new("6222020012345678", Mingda, 1)]);
        var line = Line(20_000m, name: "上海明达贸易", account: "6222020012345678", text: "货款 INV-000101 INV-000201");

        var first = BankMatcher.Match(line, directory);
        var again = BankMatcher.Match(line, Directory(Items.Reverse(), accounts: [new("6222020012345678", Mingda, 1)]));

        Assert.Equal(Describe(first), Describe(again));
        Assert.Equal(Describe(first), Describe(BankMatcher.Match(line, directory)));
    }

    [Fact]
    public void EveryReason_NamesAsManyValuesAsItsCodeSays()
    {
        var directory = Directory(Items, accounts: [new("6222020012345678", Mingda, 2)], references: [new("HK-1", Acme)],
            documents: [new("CT-000042", MatchDocumentKind.Contract, Acme)]);
        BankLine[] lines =
        [
            Line(8_000m, account: "6222020012345678", name: "Acme Trading"), Line(12_000m, endToEnd: "HK-1"), Line(1m, text: "合同 CT-000042"),
            Line(30_000m, name: "江苏远航集团"), Line(99m, name: "上海明达贸易商行", text: "发票号 000101"), Line(-1m, name: "x"),
            Line(20_000m, text: "INV-000101 INV-000102", currency: "USD"), Line(4_000m, text: "INV-000101"),
        ];

        var reasons = lines.Select(l => BankMatcher.Match(l, directory)).SelectMany(p => p.Reasons.Concat(p.Alternatives.SelectMany(a => a.Reasons))).ToList();

        Assert.True(reasons.Select(r => r.Code).Distinct().Count() >= 10);
        Assert.All(reasons, r => Assert.Equal(MatchReasons.ArgumentCount(r.Code), r.Arguments.Count));
    }
}
