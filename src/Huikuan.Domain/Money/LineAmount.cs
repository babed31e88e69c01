namespace Huikuan.Domain.Money;

/// <summary>
/// A document line's net amount, quantity × unit price, and the document's total, held inside
/// <see cref="Currency.MaxMinor"/>. A quantity is at most 10^9 and a unit price below 10^12 (both are stored as
/// numeric(18,6), which PostgreSQL would refuse beyond that), so their product (below 10^21) stays inside
/// decimal's 7.9 × 10^28 and the line is refused by name, never by an arithmetic overflow; a document of up to
/// 1 000 lines, each at most twice the largest amount with its tax, sums inside a long before its total is held
/// to the largest amount too.
/// </summary>
public static class LineAmount
{
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Unit prices are below this, in the document's currency.</summary>
    public const decimal UnitPriceBound = 1_000_000_000_000m;

    /// <summary>The line's net in minor units, rounded half away from zero; <paramref name="field"/> is the line's path, e.g. "lines[0]".</summary>
    public static long Net(decimal quantity, decimal unitPrice, Currency currency, string field)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (Math.Abs(quantity) > MaxQuantity)
        {
            throw new DomainRuleException("quantity.range", field + ".quantity",
                $"{field}.quantity is larger than {MaxQuantity:0}, the largest quantity allowed.", MaxQuantity);
        }
        if (Math.Abs(unitPrice) >= UnitPriceBound)
        {
            throw new DomainRuleException("price.range", field + ".unitPrice",
                $"{field}.unitPrice must be less than {UnitPriceBound:0}.", UnitPriceBound);
        }
        return currency.RoundToMinor(quantity * unitPrice, field);
    }

    /// <summary>The document's total of its lines' amounts, refused when beyond the largest amount.</summary>
    public static long Total(IEnumerable<long> lineAmounts, Currency currency, string field)
    {
        ArgumentNullException.ThrowIfNull(lineAmounts);
        ArgumentNullException.ThrowIfNull(currency);
        var total = 0L;
        foreach (var amount in lineAmounts)
        {
            total = checked(total + amount);
        }
        currency.RequireInRange(currency.ToMajor(total), field);
        return total;
    }
}
