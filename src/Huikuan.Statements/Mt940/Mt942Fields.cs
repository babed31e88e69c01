using System.Globalization;
using System.Text.RegularExpressions;

namespace Huikuan.Statements.Mt940;

/// <summary>The fields only an MT942 interim report has: :13D: when it was made and :34F: its floor limit.</summary>
internal static partial class Mt942Fields
{
    /// <summary>:13D: is YYMMDDhhmm and a ±hhmm offset; null when it is not.</summary>
    public static DateTimeOffset? CreatedAt(string value)
    {
        var match = DateTimePattern().Match(value);
        if (!match.Success || !Mt940Fields.TryDate(match.Groups["date"].ValueSpan, out var date))
        {
            return null;
        }
        var hour = int.Parse(match.Groups["hour"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].ValueSpan, CultureInfo.InvariantCulture);
        var offsetHours = int.Parse(match.Groups["oh"].ValueSpan, CultureInfo.InvariantCulture);
        var offsetMinutes = int.Parse(match.Groups["om"].ValueSpan, CultureInfo.InvariantCulture);
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (hour > 23 || minute > 59 || offsetMinutes > 59 || offset > TimeSpan.FromHours(14))
        {
            return null;
        }
        return new DateTimeOffset(
            date.ToDateTime(new TimeOnly(hour, minute)),
            match.Groups["sign"].Value == "-" ? -offset : offset);
    }

    /// <summary>:34F: is a currency, a D/C mark and an amount; its currency is all a report without balances says.</summary>
    public static string? FloorLimitCurrency(string value) =>
        value.Length >= 3 && value[..3].All(char.IsAsciiLetterUpper) ? value[..3] : null;

    /// <summary>:90D:/:90C: is the number of entries, the currency and their sum ("3PLN0,03").</summary>
    public static bool TryEntrySum(string value, out int count, out decimal sum)
    {
        sum = 0;
        count = 0;
        var match = EntrySumPattern().Match(value);
        return match.Success
            && int.TryParse(match.Groups["count"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && Mt940Fields.TryAmount(match.Groups["amount"].ValueSpan, out sum);
    }

    [GeneratedRegex(@"^(?<count>\d{1,5})[A-Z]{3}(?<amount>[0-9,.]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntrySumPattern();

    [GeneratedRegex(
        @"^(?<date>\d{6})(?<hour>\d{2})(?<minute>\d{2})(?<sign>[+-])(?<oh>\d{2})(?<om>\d{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
