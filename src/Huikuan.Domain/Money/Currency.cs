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
        ["RON"] = 2,
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

    /// <summary>
    /// The largest amount the ledger takes, in minor units: 10^15, ten trillion yuan (10 万亿元) in CNY. A 64-bit sum
    /// holds 9 223 such amounts, so a customer's balance, an aging bucket or a month's collections cannot overflow
    /// unless one company posts thousands of amounts each larger than any company's yearly revenue; a document's
    /// lines (at most 1 000) are summed before its own total is held to this limit.
    /// </summary>
    public const long MaxMinor = 1_000_000_000_000_000;

    private decimal Scale => Pow10(Exponent);

    /// <summary>The largest amount in this currency's major units (10 000 000 000 000.00 CNY, 1 000 000 000 000 000 JPY).</summary>
    public decimal MaxAmount => MaxMinor / Scale;

    /// <summary>Converts an amount to minor units, refusing more decimals than the currency has and more than <see cref="MaxMinor"/>.</summary>
    public long ToMinor(decimal amount, string field = "amount")
    {
        // Checked before scaling: decimal itself overflows when a 28-digit amount is multiplied by the scale.
        RequireInRange(amount, field);
        var scaled = amount * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainRuleException("money.precision", field,
                $"{amount.ToString(CultureInfo.InvariantCulture)} has more than {Exponent} decimal place(s), the precision of {Code}.", amount, Exponent, Code);
        }
        return (long)scaled;
    }

    /// <summary>Rounds half away from zero to the currency's precision, then converts to minor units, within <see cref="MaxMinor"/>.</summary>
    public long RoundToMinor(decimal amount, string field = "amount")
    {
        RequireInRange(amount, field);
        return (long)decimal.Round(amount * Scale, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>Refuses an amount (in major units) beyond <see cref="MaxAmount"/> either way, naming the field.</summary>
    public void RequireInRange(decimal amount, string field)
    {
        if (Math.Abs(amount) > MaxAmount)
        {
            throw new DomainRuleException("money.range", field,
                $"{field} is larger than {Format(MaxMinor)} {Code}, the largest amount allowed.", Format(MaxMinor), Code);
        }
    }

    public decimal ToMajor(long minor) => minor / Scale;

    /// <summary>A sum of minor units held in a decimal (totals over many amounts, which a long might not hold).</summary>
    public decimal ToMajor(decimal minor) => minor / Scale;

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
