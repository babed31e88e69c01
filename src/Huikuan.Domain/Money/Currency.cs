using System.Globalization;

namespace Huikuan.Domain.Money;

/// <summary>
/// An ISO 4217 currency and its minor-unit exponent. Amounts are held as whole minor units
/// (<see cref="long"/>) everywhere below the API so that every database can sum them exactly.
/// </summary>
public sealed record Currency(string Code, int Exponent)
{
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.Ordinal)
    {
        ["CNY"] = 2, ["USD"] = 2, ["EUR"] = 2, ["HKD"] = 2, ["GBP"] = 2, ["SGD"] = 2, ["TWD"] = 2,
        ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["PLN"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2,
        ["MYR"] = 2, ["THB"] = 2, ["INR"] = 2, ["RUB"] = 2, ["NZD"] = 2, ["MOP"] = 2, ["PHP"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["IDR"] = 0, ["CLP"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    public static IReadOnlyCollection<string> KnownCodes => Exponents.Keys;

    public static Currency Of(string? code)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        if (!Exponents.TryGetValue(normalized, out var exponent))
        {
            throw new DomainRuleException("currency.unknown", "currency",
                $"'{code}' is not a supported ISO 4217 currency code.", code);
        }
        return new Currency(normalized, exponent);
    }

    public static bool IsKnown(string? code) => code is not null && Exponents.ContainsKey(code.Trim().ToUpperInvariant());

    private decimal Scale => Pow10(Exponent);

    /// <summary>Converts an amount to minor units, refusing more decimals than the currency has.</summary>
    public long ToMinor(decimal amount, string field = "amount")
    {
        var scaled = amount * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainRuleException("money.precision", field,
                $"{amount.ToString(CultureInfo.InvariantCulture)} has more than {Exponent} decimal place(s), the precision of {Code}.", amount, Exponent, Code);
        }
        if (scaled is > long.MaxValue / 4 or < long.MinValue / 4)
        {
            throw new DomainRuleException("money.range", field, "The amount is too large.");
        }
        return (long)scaled;
    }

    /// <summary>Rounds half away from zero to the currency's precision, then converts to minor units.</summary>
    public long RoundToMinor(decimal amount) =>
        (long)decimal.Round(amount * Scale, 0, MidpointRounding.AwayFromZero);

    public decimal ToMajor(long minor) => minor / Scale;

    public string Format(long minor) =>
        ToMajor(minor).ToString("F" + Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }
        return result;
    }
}
