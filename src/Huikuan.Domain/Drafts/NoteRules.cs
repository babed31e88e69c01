using System.Globalization;
using Huikuan.Domain.Ledger;

namespace Huikuan.Domain.Drafts;

/// <summary>Who accepted a draft, and so who pays it at maturity: a bank (银行承兑汇票) or a company (商业承兑汇票).</summary>
public enum DraftKind
{
    Bank,
    Commercial,
}

/// <summary>Where a note receivable (应收票据) stands.</summary>
public enum NoteStatus
{
    /// <summary>In the company's hands, waiting for maturity.</summary>
    Held,

    /// <summary>背书转让: passed on to a supplier as payment; the company answers for it if the acceptor does not pay.</summary>
    Endorsed,

    /// <summary>贴现: sold to a bank before maturity for the face amount less the discount interest; recourse remains.</summary>
    Discounted,

    /// <summary>Paid by the acceptor at maturity.</summary>
    Collected,

    /// <summary>拒付: the acceptor refused to pay; what the draft paid is owed again.</summary>
    Dishonoured,
}

/// <summary>
/// The life of a note receivable: which status may follow which, and on which days. A held draft is endorsed, discounted,
/// collected or dishonoured; an endorsed or discounted one can still come back dishonoured (recourse, 追索); collected
/// and dishonoured notes are final. Every event is dated on a business day between the day the draft was received and
/// today, never before the note's previous event, and a draft is collected on its maturity day at the earliest.
/// </summary>
public static class NoteRules
{
    private static readonly Dictionary<NoteStatus, NoteStatus[]> Next = new()
    {
        [NoteStatus.Held] = [NoteStatus.Endorsed, NoteStatus.Discounted, NoteStatus.Collected, NoteStatus.Dishonoured],
        [NoteStatus.Endorsed] = [NoteStatus.Dishonoured],
        [NoteStatus.Discounted] = [NoteStatus.Dishonoured],
        [NoteStatus.Collected] = [],
        [NoteStatus.Dishonoured] = [],
    };

    /// <summary>The kind of note a receipt method brings, or null for money that is not a draft.</summary>
    public static DraftKind? KindOf(ReceiptMethod method) => method switch
    {
        ReceiptMethod.BankAcceptanceDraft => DraftKind.Bank,
        ReceiptMethod.CommercialAcceptanceDraft => DraftKind.Commercial,
        _ => null,
    };

    public static bool IsDraft(ReceiptMethod method) => KindOf(method) is not null;

    public static bool IsFinal(NoteStatus status) => Next[status].Length == 0;

    public static IReadOnlyList<NoteStatus> Allowed(NoteStatus from) => Next[from];

    /// <summary>
    /// Refuses a status that may not follow the current one. A final note is a conflict (someone else may just have
    /// finished it); any other refusal is a broken rule.
    /// </summary>
    public static void CheckTransition(NoteStatus from, NoteStatus to)
    {
        if (from == NoteStatus.Collected)
        {
            throw new ConflictException("note.collected", "The draft is already collected and changes no more.");
        }
        if (from == NoteStatus.Dishonoured)
        {
            throw new ConflictException("note.dishonoured", "The draft is already dishonoured and changes no more.");
        }
        if (!Next[from].Contains(to))
        {
            throw new DomainRuleException("note.transition", "status",
                "An endorsed or discounted draft can only come back dishonoured; nothing else can happen to it.");
        }
    }

    /// <summary>The day of an event: not before the draft came in nor before the last event, not after today; collection from maturity on.</summary>
    public static void CheckDate(NoteStatus to, DateOnly on, DateOnly receivedOn, DateOnly? lastEventOn, DateOnly maturesOn, DateOnly today)
    {
        if (on < receivedOn)
        {
            throw new DomainRuleException("note.beforeReceipt", "on", $"The draft was received on {Day(receivedOn)}; nothing can happen to it before.",
                receivedOn);
        }
        if (lastEventOn is { } last && on < last)
        {
            throw new DomainRuleException("note.beforeLastEvent", "on", $"The draft's last change was on {Day(last)}; date this one on or after it.", last);
        }
        if (on > today)
        {
            throw new DomainRuleException("note.futureDate", "on", $"{Day(on)} is after today ({Day(today)}): record what has happened.", on, today);
        }
        if (to == NoteStatus.Collected && on < maturesOn)
        {
            throw new DomainRuleException("note.beforeMaturity", "on",
                $"The draft matures on {Day(maturesOn)}; it is collected on that day or later (discount it to be paid earlier).", maturesOn);
        }
    }

    /// <summary>
    /// What each event must say: whom an endorsed draft went to, which bank discounted it and what the discount cost
    /// (a cost of the company, at least zero and less than the face amount; it does not change what the customer paid).
    /// </summary>
    public static void CheckDetails(NoteStatus to, string? endorsee, string? bank, long? discountChargeMinor, long faceMinor)
    {
        if (to == NoteStatus.Endorsed && string.IsNullOrWhiteSpace(endorsee))
        {
            throw new DomainRuleException("note.endorsee", "endorsee", "Name whom the draft was endorsed to (被背书人).");
        }
        if (to == NoteStatus.Discounted)
        {
            if (string.IsNullOrWhiteSpace(bank))
            {
                throw new DomainRuleException("note.bank", "bank", "Name the bank that discounted the draft.");
            }
            if (discountChargeMinor is not { } charge || charge < 0 || charge >= faceMinor)
            {
                throw new DomainRuleException("note.discountCharge", "discountCharge",
                    "The discount interest is zero or more and less than the draft's face amount.");
            }
        }
        else if (discountChargeMinor is not null)
        {
            throw new DomainRuleException("note.discountCharge", "discountCharge", "Only a discounted draft has discount interest.");
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What a receipt by draft says about the draft: the same rules for both kinds, by hand, through the API and in an import.</summary>
public sealed record DraftDetails(string? Number, DateOnly? MaturesOn, string? Acceptor, string? Drawer, DateOnly? IssuedOn)
{
    /// <summary>
    /// A draft needs its number (票号), its maturity (on or after the day it came in) and its acceptor (承兑人); the
    /// drawer and the issue date are optional, and a draft is issued on or before the day it came in. Other methods
    /// carry none of it.
    /// </summary>
    public void Check(ReceiptMethod method, DateOnly receivedOn)
    {
        if (!NoteRules.IsDraft(method))
        {
            if (Number is not null || MaturesOn is not null || Acceptor is not null || Drawer is not null || IssuedOn is not null)
            {
                throw new DomainRuleException("receipt.draftFields", Number is not null || MaturesOn is null ? "draftNumber" : "draftMaturesOn",
                    "Draft number, maturity, acceptor, drawer and issue date belong to acceptance drafts (银行承兑汇票, 商业承兑汇票) only.");
            }
            return;
        }
        if (Number is null)
        {
            throw new DomainRuleException("receipt.draftNumber", "draftNumber", "An acceptance draft needs its draft number (票号).");
        }
        if (MaturesOn is not { } matures || matures < receivedOn)
        {
            throw new DomainRuleException("receipt.draftMaturity", "draftMaturesOn",
                "An acceptance draft needs its maturity date (到期日), on or after the day it was received.");
        }
        if (Acceptor is null)
        {
            throw new DomainRuleException("receipt.draftAcceptor", "draftAcceptor", "An acceptance draft needs its acceptor (承兑人): the bank or company that pays it.");
        }
        if (IssuedOn is { } issued && issued > receivedOn)
        {
            throw new DomainRuleException("receipt.draftIssuedOn", "draftIssuedOn", "A draft is issued on or before the day it is received.");
        }
    }
}
