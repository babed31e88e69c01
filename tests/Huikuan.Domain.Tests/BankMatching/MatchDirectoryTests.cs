using Huikuan.Domain.BankMatching;
using static Huikuan.Domain.Tests.BankMatching.Sample;

namespace Huikuan.Domain.Tests.BankMatching;

/// <summary>What the caller loads for a statement, and the directory's indexes.</summary>
public sealed class MatchDirectoryTests
{
    [Fact]
    public void Lookups_ListTheAccountsAndNumbersToLoad_OfIncomingLinesOnly()
    {
        BankLine[] lines =
        [
            Line(100m, account: "6222 0200-1234", text: "货款 inv-2026 000123 谢谢", endToEnd: "HK-7QX2-91"),
            Line(200m, account: "6222020012345678", text: "发票号 000456"),
            Line(-300m, account: "9999888877776666", text: "INV-999999"),
            Line(0m, account: "1111222233334444"),
        ];

        var lookups = MatchLookups.For(lines);

        Assert.Equal(["622202001234", "6222020012345678"], lookups.Accounts);
        Assert.Contains("INV2026000123", lookups.Keys);
        Assert.Contains("HK7QX291", lookups.Keys);
        Assert.DoesNotContain("INV999999", lookups.Keys);
        Assert.Contains("INV-2026000123", lookups.Numbers);
        Assert.Contains("INV-000456", lookups.Numbers);
        Assert.Contains("CT-000456", lookups.Numbers);
        Assert.Contains("000456", lookups.Digits);
    }

    [Fact]
    public void Lookups_OfNoLines_AreEmpty()
    {
        var lookups = MatchLookups.For([]);
        Assert.Empty(lookups.Accounts);
        Assert.Empty(lookups.Keys);
    }

    [Fact]
    public void CandidatePayers_AreWhoseItemsToLoad_WithTheSubsidiariesOfANamedParent()
    {
        var directory = new MatchDirectory(Customers, [new("6222020012345678", Acme, 2)], [new("HK-1", Hengyuan)],
            [new("CT-000042", MatchDocumentKind.Contract, Other)]);
        BankLine[] lines =
        [
            Line(100m, account: "6222020012345678"),
            Line(100m, endToEnd: "HK-1"),
            Line(100m, text: "合同 CT-000042"),
            Line(100m, name: "江苏远航集团股份有限公司"),
            Line(-100m, name: "上海明达贸易有限公司"),
        ];

        Assert.Equal(new HashSet<Guid> { Acme, Hengyuan, Other, Group, GroupSub }, directory.CandidatePayers(lines));
    }

    [Fact]
    public void OneNameIndex_ServesManyStatements_EachWithItsOwnAccountsDocumentsAndItems()
    {
        var names = new PayerNameIndex(Customers);
        var monday = new MatchDirectory(names, [new("6222020012345678", Acme, 2)], null, null, [Item(Acme, "INV-000001", 500m)]);
        var tuesday = new MatchDirectory(names, null, null, null, [Item(Mingda, "INV-000002", 700m)]);

        var paid = BankMatcher.Match(Line(500m, account: "6222020012345678"), monday);
        var unknownAccount = BankMatcher.Match(Line(500m, account: "6222020012345678"), tuesday);
        var byName = BankMatcher.Match(Line(700m, name: "上海明达贸易有限公司"), tuesday);

        Assert.Equal(Acme, paid.CustomerId);
        Assert.Null(unknownAccount.CustomerId);
        Assert.Equal(Mingda, byName.CustomerId);
        Assert.Equal(Customers.Length, names.Count);
        // The same index answers as one built for the statement alone.
        var alone = BankMatcher.Match(Line(700m, name: "上海明达贸易有限公司"), new MatchDirectory(Customers, null, null, null, [Item(Mingda, "INV-000002", 700m)]));
        Assert.Equal((alone.CustomerId, alone.Confidence, string.Join(" + ", Codes(alone))), (byName.CustomerId, byName.Confidence, string.Join(" + ", Codes(byName))));
    }

    [Fact]
    public void WithOpenItems_AddsTheItems_AndTheirInvoiceNumbersAsDocuments()
    {
        var bare = new MatchDirectory(Customers);
        var item = Item(Mingda, "INV-000101", 10m);

        var full = bare.WithOpenItems([item]);

        Assert.Empty(bare.OpenItems(Mingda));
        Assert.Equal([item], full.OpenItems(Mingda));
        Assert.Equal([new MatchDocument("INV000101", MatchDocumentKind.Invoice, Mingda)], full.Documents("INV000101"));
        Assert.Equal([new MatchDocument("INV000101", MatchDocumentKind.Invoice, Mingda)], full.DocumentsByDigits("000101"));
        Assert.Empty(bare.Documents("INV000101"));
    }

    [Fact]
    public void ADocumentGivenAndAnOpenItemOfTheSameInvoice_CountOnce()
    {
        var directory = new MatchDirectory(Customers, documents: [new("INV-000101", MatchDocumentKind.Invoice, Mingda)],
            openItems: [Item(Mingda, "INV-000101", 10m), Item(Mingda, "INV-000101", 20m, sequence: 2)]);

        Assert.Single(directory.Documents("INV000101"));
        Assert.Single(directory.DocumentsByDigits("000101"));
    }

    [Fact]
    public void Similar_AmongFiveThousandCustomers_FindsTheCloseNames_BestFirst()
    {
        var customers = Enumerable.Range(0, 5_000).Select(i => new MatchCustomer(Id(10_000 + i), $"客户{i:D4}号贸易有限公司")).ToList();
        customers.Add(new MatchCustomer(Id(1), "上海明达贸易有限公司"));
        customers.Add(new MatchCustomer(Id(2), "上海明达商贸有限公司"));
        var directory = new MatchDirectory(customers);

        var similar = directory.Similar(PayerNames.Normalise("上海明达贸易公司").Full);

        Assert.Equal(Id(1), similar[0].Customer);
        Assert.Equal(100, similar[0].Similarity);
        Assert.All(similar, s => Assert.True(s.Similarity >= MatchDirectory.MinSimilarity));
        Assert.DoesNotContain(similar, s => s.Customer == Id(2));   // 上海明达商贸 shares too little
    }

    [Fact]
    public void Similar_IsNotMisledByWhatAnotherUserOfThePoolLeft()
    {
        var directory = new MatchDirectory(Customers);
        var dirty = System.Buffers.ArrayPool<int>.Shared.Rent(Customers.Length + 1);
        Array.Fill(dirty, 7);
        System.Buffers.ArrayPool<int>.Shared.Return(dirty);

        Assert.Equal(Mingda, directory.Similar(PayerNames.Normalise("上海明达贸易商行").Full).Single().Customer);
    }

    [Fact]
    public void Similar_OfANameTooShortToCompare_IsNothing() => Assert.Empty(new MatchDirectory(Customers).Similar("明"));

    [Fact]
    public void DuplicateCustomersAndEmptyNames_AreIgnored()
    {
        var directory = new MatchDirectory([new(Mingda, "上海明达贸易有限公司"), new(Mingda, "别的名字"), new(Acme, "有限公司")]);

        Assert.Equal([Mingda], directory.ByName("上海明达贸易"));
        Assert.Empty(directory.ByName("别的名字"));
        Assert.Empty(directory.ByName(""));
    }

    [Fact]
    public void LearnedAccounts_WithoutConfirmations_AreIgnored()
    {
        var directory = new MatchDirectory(Customers, [new("6222020012345678", Mingda, 0), new("", Acme, 3)]);
        Assert.Empty(directory.Accounts("6222020012345678"));
        Assert.Empty(directory.Accounts(""));
    }
}
