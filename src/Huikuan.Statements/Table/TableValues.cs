using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Huikuan.Statements.Table;

/// <summary>
/// The values of a table's cells as Chinese banks and wallets write them: dates, times, money, currencies and ids.
/// Each parser says whether the cell could be read; none throws. Full-width digits and signs are read as half-width.
/// </summary>
internal static partial class TableValues
{
    private static readonly Dictionary<string, string> CurrencyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["人民币"] = "CNY", ["人民币元"] = "CNY", ["RMB"] = "CNY", ["美元"] = "USD", ["港币"] = "HKD", ["港元"] = "HKD",
        ["欧元"] = "EUR", ["日元"] = "JPY", ["英镑"] = "GBP", ["澳门元"] = "MOP", ["新台币"] = "TWD",
    };

    /// <summary>Half-width, trimmed: full-width digits, letters, signs and brackets as ASCII.</summary>
    public static string Narrow(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>
    /// A date, maybe followed by a time (2026-12-01 09:15:30, 2026/12/1 9:15, 20261201 091530, 2026-12-01T09:15:30,
    /// 2026年12月1日 9:15, 2026年12月01日09时15分30秒).
    /// </summary>
    public static bool TryDate(string text, out DateOnly? date, out TimeOnly? time)
    {
        (date, time) = (null, null);
        var narrow = Narrow(text);
        if (narrow.Length == 0)
        {
            return true;
        }
        var match = DateAndTime().Match(narrow);
        if (!match.Success || !TryDay(match, out var day))
        {
            return false;
        }
        date = day;
        var timeText = match.Groups["time"].Value;
        if (timeText.Length == 0)
        {
            return true;
        }
        if (!TryTime(timeText, out time))
        {
            return false;
        }
        return true;
    }

    /// <summary>
    /// HHmmss (also 5 digits: Excel drops the leading zero of 091530), H:mm or HH:mm:ss, maybe with fractions, or
    /// 9时15分30秒.
    /// </summary>
    public static bool TryTime(string text, out TimeOnly? time)
    {
        time = null;
        var narrow = Narrow(text);
        if (narrow.Length == 0)
        {
            return true;
        }
        var match = TimeOfDay().Match(narrow);
        if (!match.Success)
        {
            return false;
        }
        int hour, minute, second;
        if (match.Groups["compact"].Success)
        {
            var digits = match.Groups["compact"].Value.PadLeft(6, '0');
            (hour, minute, second) = (Number(digits[..2]), Number(digits[2..4]), Number(digits[4..]));
        }
        else
        {
            hour = Number(match.Groups["h"].Value);
            minute = Number(match.Groups["m"].Value);
            second = match.Groups["s"].Success ? Number(match.Groups["s"].Value) : 0;
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <summary>
    /// Money: ￥, ¥, 元 and blanks dropped; thousands separators in groups of three; a leading sign or parentheses for a
    /// negative. Empty, or a dash banks write for "none", is no value. An exponent is refused: never invent digits.
    /// </summary>
    public static bool TryMoney(string text, out decimal? amount)
    {
        amount = null;
        var narrow = Narrow(text);
        var sb = new StringBuilder(narrow.Length);
        foreach (var c in narrow)
        {
            if (c is not ('¥' or '元' or ' ') && !char.IsWhiteSpace(c))
            {
                // The minus sign of typeset text, which NFKC leaves alone.
                sb.Append(c == '\u2212' ? '-' : c);
            }
        }
        var plain = sb.ToString();
        if (plain.Length == 0 || plain is "-" or "--" or "—" or "——")
        {
            return true;
        }
        var negative = false;
        if (plain.Length > 2 && plain[0] == '(' && plain[^1] == ')')
        {
            (plain, negative) = (plain[1..^1], true);
        }
        var match = Money().Match(plain);
        if (!match.Success)
        {
            return false;
        }
        var digits = match.Groups["digits"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        if (match.Groups["sign"].Value == "-")
        {
            negative = !negative;
        }
        amount = negative ? -value : value;
        return true;
    }

    /// <summary>An ISO 4217 code, or the Chinese name of a currency (人民币, 美元 …).</summary>
    public static bool TryCurrency(string text, out string? code)
    {
        code = null;
        var narrow = Narrow(text);
        if (narrow.Length == 0)
        {
            return true;
        }
        if (CurrencyNames.TryGetValue(narrow, out var named))
        {
            code = named;
            return true;
        }
        if (narrow.Length == 3 && narrow.All(char.IsAsciiLetter))
        {
            code = narrow.ToUpperInvariant();
            return true;
        }
        return false;
    }

    /// <summary>An id Excel turned into a number with an exponent (2.02612E+19): its digits are gone.</summary>
    public static bool IsScientific(string text) => Scientific().IsMatch(Narrow(text));

    private static bool TryDay(Match match, out DateOnly day)
    {
        day = default;
        var year = Number(match.Groups["y"].Value);
        var month = Number(match.Groups["mo"].Value);
        var dayOfMonth = Number(match.Groups["d"].Value);
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || dayOfMonth < 1
            || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?:(?<y>[0-9]{4})(?<mo>[0-9]{2})(?<d>[0-9]{2})|(?<y>[0-9]{4})(?<sep>[-/.])(?<mo>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})"
        + @"|(?<y>[0-9]{4})年(?<mo>[0-9]{1,2})月(?<d>[0-9]{1,2})日?)"
        + @"(?:[ T]+(?<time>\S+)|(?<time>[0-9]{6})|(?<=日)(?<time>\S+))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateAndTime();

    [GeneratedRegex(
        @"^(?:(?<compact>[0-9]{5,6})|(?<h>[0-9]{1,2}):(?<m>[0-9]{2})(?::(?<s>[0-9]{2}))?(?:\.[0-9]{1,7})?"
        + @"|(?<h>[0-9]{1,2})时(?<m>[0-9]{1,2})分(?:(?<s>[0-9]{1,2})秒)?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<digits>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,12})?|[0-9]{1,20}(?:\.[0-9]{1,12})?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"^[0-9](?:\.[0-9]+)?[eE][+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();
}
