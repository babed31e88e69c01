namespace Huikuan.Domain.Money;

/// <summary>
/// Exchange rates and cross-currency application. A rate is how many units of the company's currency one unit of a
/// currency buys, held as a whole number of 10⁻⁸ (<see cref="Scale"/>) so that both databases store and compare it
/// exactly. The company's own currency has the rate 1.
/// </summary>
public static class Exchange
{
    public const long Scale = 100_000_000;

    /// <summary>The default tolerance between the rate an allocation uses and the table's rate: 2 % (200 basis points).</summary>
    public const int DefaultToleranceBasisPoints = 200;

    /// <summary>A rate as entered: positive, at most eight decimals, at most 1 000 000.</summary>
    public static long ToScaled(decimal rate, string field = "rate")
    {
        var scaled = rate * Scale;
        if (rate <= 0 || rate > 1_000_000m || scaled != decimal.Truncate(scaled))
        {
            throw new DomainRuleException("exchangeRate.rate", field,
                "A rate must be greater than zero, at most 1,000,000, with at most eight decimals.", rate);
        }
        return (long)scaled;
    }

    public static decimal FromScaled(long scaled) => (decimal)scaled / Scale;

    /// <summary>How many units of <paramref name="target"/> one unit of <paramref name="source"/> buys, from their rates to the company's currency.</summary>
    public static decimal Cross(long sourceScaled, long targetScaled) => (decimal)sourceScaled / targetScaled;

    /// <summary>The amount in <paramref name="target"/> that <paramref name="sourceMinor"/> buys at <paramref name="rate"/>, rounded once.</summary>
    public static long Convert(long sourceMinor, Currency source, Currency target, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return target.RoundToMinor(source.ToMajor(sourceMinor) * rate);
    }

    /// <summary>Whether <paramref name="used"/> is within the tolerance of <paramref name="table"/> (both positive).</summary>
    public static bool WithinTolerance(decimal used, decimal table, int toleranceBasisPoints) =>
        Math.Abs(used - table) * 10_000m <= table * toleranceBasisPoints;

    public static void ToleranceMustBeSensible(int basisPoints)
    {
        if (basisPoints is < 0 or > 5_000)
        {
            throw new DomainRuleException("exchangeRate.tolerance", "tolerancePercent", "The tolerance is between 0 % and 50 %.");
        }
    }

    /// <summary>
    /// The allocation's amount in the invoice's currency must be the receipt's amount times the rate used (rounded once
    /// to the invoice currency's precision): 0.01 USD never pays 65.00 CNY.
    /// </summary>
    public static void AmountMustMatchRate(long amountMinor, long sourceMinor, Currency source, Currency target, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var expected = Convert(sourceMinor, source, target, rate);
        if (expected != amountMinor)
        {
            throw new DomainRuleException("allocation.exchangeAmount", "amount",
                $"{source.Format(sourceMinor)} {source.Code} at {rate:0.########} is {target.Format(expected)} {target.Code}, not {target.Format(amountMinor)}.",
                source.Format(sourceMinor), source.Code, rate.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture),
                target.Format(expected), target.Code, target.Format(amountMinor));
        }
    }
}
