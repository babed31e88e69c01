using System.Globalization;
using System.Text.RegularExpressions;

namespace Huikuan.Statements.Mt940;

/// <summary>
/// The small value formats of MT940 fields: YYMMDD dates, amounts with a decimal comma, balances. Each returns false on
/// a malformed value instead of throwing, so the reader can say which line was wrong.
/// </summary>
internal static partial class Mt940Fields
{
    /// <summary>
    /// Two-digit years: banks have written MT940 since the 1990s and a statement is never decades ahead, so 70–99 are
    /// the 1900s and 00–69 the 2000s.
    /// </summary>
    public static bool TryDate(ReadOnlySpan<char> yymmdd, out DateOnly date)
    {
        date = default;
        if (yymmdd.Length != 6
            || !int.TryParse(yymmdd[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            || !int.TryParse(yymmdd[2..4], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(yymmdd[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }
        return TryMake(yy < 70 ? 2000 + yy : 1900 + yy, month, day, out date);
    }

    /// <summary>
    /// The :61: entry date has no year: it is the value date's year, unless the two straddle a new year (value date
    /// 31 Dec, booked 2 Jan; or value date 2 Jan, booked 31 Dec), which a gap of more than six months gives away.
    /// </summary>
    public static bool TryEntryDate(ReadOnlySpan<char> mmdd, DateOnly valueDate, out DateOnly date)
    {
        date = default;
        if (mmdd.Length != 4
            || !int.TryParse(mmdd[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(mmdd[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }
        var year = valueDate.Year;
        if (month - valueDate.Month > 6)
        {
            year--;
        }
        else if (valueDate.Month - month > 6)
        {
            year++;
        }
        // A day that year does not have (29 February) is a broken line, refused like any other.
        return TryMake(year, month, day, out date);
    }

    /// <summary>
    /// Amounts are digits with a decimal comma, which may come first or last (",12", "380115,") or be missing; leading
    /// zeros are allowed ("001,12"). A dot is accepted for the comma because some exports write one.
    /// </summary>
    public static bool TryAmount(ReadOnlySpan<char> text, out decimal amount)
    {
        amount = 0;
        var separator = text.IndexOfAny(',', '.');
        var whole = separator < 0 ? text : text[..separator];
        var fraction = separator < 0 ? [] : text[(separator + 1)..];
        if (whole.Length + fraction.Length == 0 || whole.Length > 20 || fraction.Length > 10
            || !IsDigits(whole) || !IsDigits(fraction))
        {
            return false;
        }
        var wholePart = whole.IsEmpty ? 0m : decimal.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        var fractionPart = fraction.IsEmpty
            ? 0m
            : decimal.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) / Pow10(fraction.Length);
        amount = wholePart + fractionPart;
        return true;
    }

    /// <summary>A balance (:60F:, :62F:, :64:, :65: …): D/C mark, YYMMDD, currency, amount; debit is negative.</summary>
    public static bool TryBalance(string value, BalanceKind kind, out StatementBalance? balance)
    {
        balance = null;
        var match = BalancePattern().Match(value.Trim());
        if (!match.Success
            || !TryDate(match.Groups["date"].ValueSpan, out var date)
            || !TryAmount(match.Groups["amount"].ValueSpan, out var amount))
        {
            return false;
        }
        var signed = match.Groups["mark"].ValueSpan[0] == 'D' ? -amount : amount;
        balance = new StatementBalance(kind, date, signed, match.Groups["currency"].Value);
        return true;
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }

    [GeneratedRegex(
        @"^(?<mark>[CD])(?<date>\d{6})(?<currency>[A-Z]{3})(?<amount>[0-9,.]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BalancePattern();
}
