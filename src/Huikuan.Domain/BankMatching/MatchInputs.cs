using Huikuan.Domain.Terms;

namespace Huikuan.Domain.BankMatching;

/// <summary>
/// A customer the matching may name: its name and the other names it is known by (a short name, an English name), and
/// the parent company when it is a subsidiary, so a parent paying for it can be recognised.
/// </summary>
public sealed record MatchCustomer(Guid Id, string Name, Guid? ParentId = null, IReadOnlyList<string>? Aliases = null);

/// <summary>A payer account learned from matches a person confirmed: the account paid for this customer that many times.</summary>
public sealed record LearnedAccount(string Account, Guid CustomerId, int ConfirmedMatches);

/// <summary>A payment reference Huikuan generated (on an invoice, a payment link, a wallet order) and what it is for.</summary>
public sealed record PaymentReference(string Reference, Guid CustomerId, string? InvoiceNumber = null);

/// <summary>A document number of a customer that a payer may quote: an invoice (paid or not), a contract or a statement.</summary>
public sealed record MatchDocument(string Number, MatchDocumentKind Kind, Guid CustomerId);

/// <summary>
/// An installment that can take money. <see cref="InstallmentDueMinor"/> is what the installment asked for when issued,
/// <see cref="OpenMinor"/> what is still open. <see cref="DiscountMinor"/> is the early-payment discount the whole open
/// amount earns when paid by <see cref="DiscountLastDay"/> (0 and null when the terms give none; see
/// <see cref="WithDiscount"/>).
/// </summary>
public sealed record MatchOpenItem(
    Guid InstallmentId,
    Guid CustomerId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    int Sequence,
    string Currency,
    long OpenMinor,
    long InstallmentDueMinor,
    long DiscountMinor = 0,
    DateOnly? DiscountLastDay = null)
{
    /// <summary>The item with the discount its terms give on the open amount (none when <paramref name="discount"/> is null).</summary>
    public MatchOpenItem WithDiscount(EarlyPaymentDiscount? discount)
    {
        if (discount is null)
        {
            return this with { DiscountMinor = 0, DiscountLastDay = null };
        }
        var lastDay = discount.LastDiscountDay(InvoiceDate);
        return this with { DiscountMinor = discount.DiscountMinor(OpenMinor, InvoiceDate, lastDay), DiscountLastDay = lastDay };
    }

    /// <summary>What a payment inside the discount window settles the item with, or null without a discount.</summary>
    public long? DiscountedMinor(DateOnly paidOn) =>
        DiscountMinor > 0 && DiscountMinor < OpenMinor && DiscountLastDay is { } last && paidOn <= last ? OpenMinor - DiscountMinor : null;
}
