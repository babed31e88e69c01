using Huikuan.Domain.CashApplication;

namespace Huikuan.Domain.Tests.CashApplication;

public sealed class AutoApplicationTests
{
    private static readonly Guid A1 = Guid.NewGuid(), A2 = Guid.NewGuid(), B1 = Guid.NewGuid(), C1 = Guid.NewGuid();

    private static readonly OpenItem[] Items =
    [
        new(A1, "INV-0012", new DateOnly(2026, 3, 1), 1, 10000),
        new(A2, "INV-0012", new DateOnly(2026, 4, 1), 2, 10000),
        new(B1, "INV-0015", new DateOnly(2026, 1, 1), 1, 5000),
        new(C1, "INV-00123", new DateOnly(2025, 12, 1), 1, 7000),
    ];

    [Fact]
    public void Propose_WithoutReference_PaysOldestDueFirst()
    {
        var p = AutoApplication.Propose(9000, null, Items);
        Assert.Equal([(C1, 7000L), (B1, 2000L)], p.Select(x => (x.InstallmentId, x.AmountMinor)));
        Assert.All(p, x => Assert.Equal(MatchReason.OldestDue, x.Reason));
        Assert.True(p[1].LeavesPartial);
        Assert.False(p[0].LeavesPartial);
    }

    [Fact]
    public void Propose_WithAReferenceNamingAnInvoice_PaysThatInvoiceFirst()
    {
        var p = AutoApplication.Propose(25000, "货款 INV-0012 谢谢", Items);
        Assert.Equal([(A1, 10000L, MatchReason.Reference), (A2, 10000L, MatchReason.Reference), (C1, 5000L, MatchReason.OldestDue)],
            p.Select(x => (x.InstallmentId, x.AmountMinor, x.Reason)));
    }

    [Fact]
    public void Propose_NamedInvoicesArePaidInTheOrderTheyAreNamed()
    {
        var p = AutoApplication.Propose(6000, "pay inv-0015, INV-0012", Items);
        Assert.Equal([(B1, 5000L), (A1, 1000L)], p.Select(x => (x.InstallmentId, x.AmountMinor)));
    }

    [Theory]
    [InlineData("INV-00123", new[] { "INV-00123" })]
    [InlineData("INV-0012A", new string[0])]
    [InlineData("XINV-0012", new string[0])]
    [InlineData("付INV-0015及INV-0012", new[] { "INV-0015", "INV-0012" })]
    public void NamedInvoices_MatchesWholeTokensOnly(string reference, string[] expected) =>
        Assert.Equal(expected, AutoApplication.NamedInvoices(reference, Items));

    [Fact]
    public void Propose_MoreMoneyThanIsOpen_LeavesTheRestUnproposed()
    {
        var p = AutoApplication.Propose(1_000_000, null, Items);
        Assert.Equal(32000L, p.Sum(x => x.AmountMinor));
        Assert.All(p, x => Assert.False(x.LeavesPartial));
    }

    [Fact]
    public void Propose_NothingAvailable_ProposesNothing() =>
        Assert.Empty(AutoApplication.Propose(0, "INV-0012", Items));
}
