using Huikuan.Domain.Drafts;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// A draft received in payment, kept as a note receivable (应收票据) until it is collected, passed on or comes back.
/// One per draft receipt, with the receipt's id as its own; its face amount and currency are the receipt's. The status is
/// a cache of the last <see cref="NoteReceivableEvent"/>; <see cref="Version"/> makes two changes saved at once count once.
/// </summary>
public sealed class NoteReceivable
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid ReceiptId { get; set; }
    public Guid CustomerId { get; set; }
    public DraftKind Kind { get; set; }

    /// <summary>票号: unique per company and kind among the notes not voided.</summary>
    public required string Number { get; set; }

    /// <summary>承兑人: the bank or company that pays at maturity. Unknown only for drafts recorded before notes were kept.</summary>
    public string? AcceptorName { get; set; }

    /// <summary>出票人, when known.</summary>
    public string? DrawerName { get; set; }

    public DateOnly? IssuedOn { get; set; }
    public DateOnly MaturesOn { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public long FaceMinor { get; set; }
    public required string Currency { get; set; }
    public NoteStatus Status { get; set; }

    /// <summary>The day of the last status event, the earliest the next may be dated.</summary>
    public DateOnly? StatusOn { get; set; }

    /// <summary>The receipt row that took the payment back: by a dishonour, or by hand when the receipt was a mistake.</summary>
    public Guid? ReversalReceiptId { get; set; }

    /// <summary>Set when the receipt was reversed by hand: the draft was never really received, and the note counts no more.</summary>
    public DateOnly? VoidedOn { get; set; }

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A change of a note's status: never changed or deleted.</summary>
public sealed class NoteReceivableEvent
{
    public Guid CompanyId { get; set; }
    public Guid NoteId { get; set; }
    public Guid Id { get; set; }
    public NoteStatus FromStatus { get; set; }
    public NoteStatus ToStatus { get; set; }

    /// <summary>The business day it happened.</summary>
    public DateOnly On { get; set; }

    public string? Note { get; set; }

    /// <summary>被背书人, for an endorsement.</summary>
    public string? Endorsee { get; set; }

    /// <summary>The discounting bank.</summary>
    public string? Bank { get; set; }

    /// <summary>贴现利息: the discount interest and charges, a cost of the company in the note's currency; not a change of the receivable.</summary>
    public long? DiscountChargeMinor { get; set; }

    /// <summary>For a dishonour: the receipt reversal that re-opened what the draft paid.</summary>
    public Guid? ReversalReceiptId { get; set; }

    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}
