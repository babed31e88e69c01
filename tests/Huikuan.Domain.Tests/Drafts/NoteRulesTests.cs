using Huikuan.Domain.Drafts;
using Huikuan.Domain.Ledger;

namespace Huikuan.Domain.Tests.Drafts;

public sealed class NoteRulesTests
{
    private static readonly DateOnly Received = new(2026, 6, 1);
    private static readonly DateOnly Matures = new(2026, 12, 1);
    private static readonly DateOnly Today = new(2026, 12, 10);

    [Theory]
    [InlineData(NoteStatus.Held, NoteStatus.Endorsed)]
    [InlineData(NoteStatus.Held, NoteStatus.Discounted)]
    [InlineData(NoteStatus.Held, NoteStatus.Collected)]
    [InlineData(NoteStatus.Held, NoteStatus.Dishonoured)]
    [InlineData(NoteStatus.Endorsed, NoteStatus.Dishonoured)] // recourse: the endorsee comes back to us
    [InlineData(NoteStatus.Discounted, NoteStatus.Dishonoured)] // recourse: the bank comes back to us
    public void ATransition_AlongTheDraftsLife_IsAllowed(NoteStatus from, NoteStatus to) =>
        Assert.Null(Record.Exception(() => NoteRules.CheckTransition(from, to)));

    [Theory]
    [InlineData(NoteStatus.Endorsed, NoteStatus.Collected)]
    [InlineData(NoteStatus.Endorsed, NoteStatus.Discounted)]
    [InlineData(NoteStatus.Discounted, NoteStatus.Endorsed)]
    [InlineData(NoteStatus.Discounted, NoteStatus.Collected)]
    [InlineData(NoteStatus.Held, NoteStatus.Held)]
    [InlineData(NoteStatus.Endorsed, NoteStatus.Held)]
    public void ATransition_OffTheDraftsLife_IsABrokenRule(NoteStatus from, NoteStatus to)
    {
        var error = Assert.IsType<DomainRuleException>(Record.Exception(() => NoteRules.CheckTransition(from, to)));
        Assert.Equal("note.transition", error.Rule);
    }

    [Theory]
    [InlineData(NoteStatus.Collected, NoteStatus.Dishonoured, "note.collected")]
    [InlineData(NoteStatus.Collected, NoteStatus.Endorsed, "note.collected")]
    [InlineData(NoteStatus.Dishonoured, NoteStatus.Dishonoured, "note.dishonoured")]
    [InlineData(NoteStatus.Dishonoured, NoteStatus.Collected, "note.dishonoured")]
    public void NothingLeaves_ACollectedOrDishonouredDraft_AndSayingSoIsAConflict(NoteStatus from, NoteStatus to, string rule)
    {
        var error = Assert.IsType<ConflictException>(Record.Exception(() => NoteRules.CheckTransition(from, to)));
        Assert.Equal(rule, error.Rule);
        Assert.True(NoteRules.IsFinal(from));
        Assert.Empty(NoteRules.Allowed(from));
    }

    [Theory]
    [InlineData(ReceiptMethod.BankAcceptanceDraft, DraftKind.Bank)]
    [InlineData(ReceiptMethod.CommercialAcceptanceDraft, DraftKind.Commercial)]
    [InlineData(ReceiptMethod.BankTransfer, null)]
    [InlineData(ReceiptMethod.Cheque, null)]
    public void OnlyTheTwoDraftMethods_BringANote(ReceiptMethod method, DraftKind? kind)
    {
        Assert.Equal(kind, NoteRules.KindOf(method));
        Assert.Equal(kind is not null, NoteRules.IsDraft(method));
    }

    [Theory]
    [InlineData("2026-05-31", NoteStatus.Endorsed, "note.beforeReceipt")]
    [InlineData("2026-12-11", NoteStatus.Endorsed, "note.futureDate")]
    [InlineData("2026-11-30", NoteStatus.Collected, "note.beforeMaturity")]
    [InlineData("2026-06-14", NoteStatus.Dishonoured, "note.beforeLastEvent")]
    public void AnEventDate_OutsideWhatCanHaveHappened_IsRefused(string on, NoteStatus to, string rule)
    {
        var error = Assert.IsType<DomainRuleException>(Record.Exception(() =>
            NoteRules.CheckDate(to, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Received, new DateOnly(2026, 6, 15), Matures, Today)));
        Assert.Equal(rule, error.Rule);
        Assert.Equal("on", error.Field);
    }

    [Theory]
    [InlineData("2026-06-01", NoteStatus.Endorsed)] // the day it came in
    [InlineData("2026-12-01", NoteStatus.Collected)] // the maturity day itself
    [InlineData("2026-12-10", NoteStatus.Dishonoured)] // today
    public void AnEventDate_OnTheBoundaries_IsAccepted(string on, NoteStatus to) =>
        Assert.Null(Record.Exception(() => NoteRules.CheckDate(to, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Received, null, Matures, Today)));

    [Theory]
    [InlineData(NoteStatus.Endorsed, null, null, null, "note.endorsee")]
    [InlineData(NoteStatus.Endorsed, "  ", null, null, "note.endorsee")]
    [InlineData(NoteStatus.Discounted, null, null, 100L, "note.bank")]
    [InlineData(NoteStatus.Discounted, null, "工商银行", null, "note.discountCharge")]
    [InlineData(NoteStatus.Discounted, null, "工商银行", -1L, "note.discountCharge")]
    [InlineData(NoteStatus.Discounted, null, "工商银行", 1_000_000L, "note.discountCharge")] // the whole face amount
    [InlineData(NoteStatus.Collected, null, null, 100L, "note.discountCharge")]
    public void AnEvent_MissingWhatItMustSay_IsRefused(NoteStatus to, string? endorsee, string? bank, long? charge, string rule)
    {
        var error = Assert.IsType<DomainRuleException>(Record.Exception(() => NoteRules.CheckDetails(to, endorsee, bank, charge, 1_000_000)));
        Assert.Equal(rule, error.Rule);
    }

    [Theory]
    [InlineData(NoteStatus.Endorsed, "上海某某材料有限公司", null, null)]
    [InlineData(NoteStatus.Discounted, null, "工商银行", 0L)]
    [InlineData(NoteStatus.Discounted, null, "工商银行", 999_999L)]
    [InlineData(NoteStatus.Dishonoured, null, null, null)]
    public void AnEvent_SayingWhatItMust_IsAccepted(NoteStatus to, string? endorsee, string? bank, long? charge) =>
        Assert.Null(Record.Exception(() => NoteRules.CheckDetails(to, endorsee, bank, charge, 1_000_000)));
}
