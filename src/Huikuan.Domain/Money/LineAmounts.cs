namespace Huikuan.Domain.Money;

/// <summary>
/// The one rounding of a sales line: the net is quantity × unit price rounded to the currency, the tax is the rate on
/// that rounded net, rounded the same way (half away from zero, <see cref="Currency.RoundToMinor"/>). Invoices, orders
/// (an order is worth what its invoices will bill) and the generated data all ask this.
/// </summary>
public static class LineAmounts
{
    public static (long NetMinor, long TaxMinor) Of(decimal quantity, decimal unitPrice, decimal taxRatePercent, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var net = currency.RoundToMinor(quantity * unitPrice);
        return (net, Tax(net, taxRatePercent, currency));
    }

    /// <summary>The tax on a net already in minor units, at a rate in percent.</summary>
    public static long Tax(long netMinor, decimal taxRatePercent, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency.RoundToMinor(currency.ToMajor(netMinor) * taxRatePercent / 100m);
    }
}
