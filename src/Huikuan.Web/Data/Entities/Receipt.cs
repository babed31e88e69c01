using Huikuan.Domain.Ledger;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// Money received. A receipt is never edited; a bounced cheque or a mistaken entry is reversed by a
/// second receipt row with the negated amount (<see cref="ReversalOfId"/>) after its allocations are reversed.
/// </summary>
public sealed class Receipt
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public ReceiptMethod Method { get; set; }
    public required string Currency { get; set; }
    public long AmountMinor { get; set; }

    /// <summary>Cache of AmountMinor − Σ allocations (− the reversal): unapplied cash on the customer.</summary>
    public long UnappliedMinor { get; set; }

    public DateOnly? LastAppliedOn { get; set; }
    public string? PayerName { get; set; }
    public string? PayerReference { get; set; }
    public string? BankReference { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? Note { get; set; }

    /// <summary>银行承兑汇票: the draft's number (票号) and the day the bank pays it (到期日).</summary>
    public string? DraftNumber { get; set; }
    public DateOnly? DraftMaturesOn { get; set; }

    public Guid? ReversalOfId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// Money moved onto an installment from a receipt, a credit note, or a write-off. Append-only: an
/// allocation is undone by a second row with negated amounts that points at it (<see cref="ReversesId"/>).
/// </summary>
public sealed class Allocation
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public AllocationKind Kind { get; set; }
    public Guid InstallmentId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? ReceiptId { get; set; }
    public Guid? CreditNoteId { get; set; }

    /// <summary>In the installment's currency.</summary>
    public long AmountMinor { get; set; }

    /// <summary>In the source's currency; equals AmountMinor unless an explicit exchange was given.</summary>
    public long SourceAmountMinor { get; set; }

    public DateOnly AppliedOn { get; set; }
    public string? Reason { get; set; }
    public Guid? ReversesId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>The first response to a request carrying an Idempotency-Key, replayed for repeats.</summary>
public sealed class IdempotencyRecord
{
    public Guid CompanyId { get; set; }
    public required string Key { get; set; }
    public required string Operation { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseJson { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
