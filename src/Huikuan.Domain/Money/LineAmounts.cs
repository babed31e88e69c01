namespace Huikuan.Domain.Money;

/// <summary>
/// The one rounding of a sales line: the net is quantity × unit price rounded to the currency, the tax is the rate on
/// that rounded net, rounded the same way (half away from zero, <see cref="Currency.RoundToMinor"/>). Invoices, orders
/// (an order is worth what its invoices will bill) and the generated data all ask this.
/// </summary>
/// <remarks>
/// The limits: a quantity is at most 10^9 and a unit price below 10^12 (both are stored as numeric(18,6), which
/// PostgreSQL would refuse beyond that), so their product (below 10^21) stays inside decimal's 7.9 × 10^28 and the
/// line is refused by name, never by an arithmetic overflow; a document of up to 1 000 lines, each at most twice the
/// largest amount with its tax, sums inside a long before its total is held to the largest amount too.
/// </remarks>
public static class LineAmounts
{
    /// <summary>A line's net and tax in minor units; <paramref name="field"/> is the line's path, e.g. "lines[0]".</summary>
    public static (long NetMinor, long TaxMinor) Of(decimal quantity, decimal unitPrice, decimal taxRatePercent, Currency currency, string field = "line")
    {
        ArgumentNullException.ThrowIfNull(currency);
        var net = Net(quantity, unitPrice, currency, field);
        return (net, Tax(net, taxRatePercent, currency));
    }
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

    /// <summary>The tax on a net already in minor units, at a rate in percent.</summary>
    public static long Tax(long netMinor, decimal taxRatePercent, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency.RoundToMinor(currency.ToMajor(netMinor) * taxRatePercent / 100m);
    }
}
