using Huikuan.Domain.Money;
using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Dunning;

/// <summary>
/// An overdue item as late interest sees it: what the installment was for, when it fell due, what was paid on it and
/// when, the clause that charges it (the contract's, else the company's default; none charges nothing), and the
/// interest already charged on it by earlier dunning letters, and the parts of it disputes paused (R17).
/// </summary>
public sealed record InterestBasis(
    long AmountMinor, DateOnly DueDate, IReadOnlyList<Payment> Payments, LateInterest? Clause, long ChargedMinor, IReadOnlyList<InterestPause>? Pauses = null);

/// <summary>What a letter charges on one item: the interest accrued to the day, and the part of it not yet charged.</summary>
public readonly record struct InterestCharge(long AccruedMinor, long NewMinor, DateOnly? From, DateOnly Through);

/// <summary>
/// Interest and fees (R7) as a balance of their own beside the principal: each dunning letter charges the interest
/// accrued on its items since the last letter (outstanding × daily rate × days overdue beyond the grace, simple, each
/// payment counting from its day) and the level's fee once; paying the principal stops the interest from growing but
/// takes nothing off what was charged. A charge is never changed: it is waived, wholly or in part, by a waiver that
/// someone other than the one who asked for it approves.
/// </summary>
public static class DunningCharges
{
    /// <summary>
    /// The interest on an item up to and including <paramref name="asOf"/>, and how much of it earlier letters have not
    /// charged. Never negative: if the accrued figure is below what was charged (a payment was back-dated), nothing is
    /// charged and nothing is taken back.
    /// </summary>
    public static InterestCharge Interest(InterestBasis item, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Clause is not { } clause)
        {
            return new InterestCharge(0, 0, null, asOf);
        }
        var accrued = clause.InterestMinor(item.AmountMinor, item.DueDate, asOf, item.Payments, item.Pauses ?? []);
        var first = clause.FirstInterestDay(item.DueDate);
        return new InterestCharge(accrued, Math.Max(0, accrued - item.ChargedMinor), accrued > 0 ? first : null, asOf);
    }

    /// <summary>A waiver asked for: a positive amount, at most what is left of the charge after earlier and pending waivers.</summary>
    public static void CheckWaiverRequest(long amountMinor, long chargeMinor, long waivedOrPendingMinor, string currency, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("charges.waiver.reason", "reason", "Say why the charge is waived.");
        }
        var left = chargeMinor - waivedOrPendingMinor;
        if (amountMinor <= 0 || amountMinor > left)
        {
            throw new DomainRuleException("charges.waiver.amount", "amount",
                $"A waiver is more than zero and at most what is left of the charge ({Currency.Of(currency).Format(left)}).",
                Currency.Of(currency).Format(left));
        }
    }

    /// <summary>Four eyes: the person who asked for a waiver does not approve or reject it.</summary>
    public static void CheckDecision(string requestedBy, string decidedBy)
    {
        if (string.Equals(requestedBy, decidedBy, StringComparison.Ordinal))
        {
            throw new DomainRuleException("charges.waiver.self", "", "A waiver is decided by someone other than the person who asked for it.");
        }
    }
}
