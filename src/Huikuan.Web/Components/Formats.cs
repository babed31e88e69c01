using System.Globalization;
using Huikuan.Domain.Money;
using Huikuan.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Huikuan.Web.Components;

/// <summary>
/// Numbers, money and dates as the current culture writes them. Money has the currency's decimals (two for
/// CNY, USD, EUR) and its ISO code, so an amount never loses its currency on screen.
/// </summary>
public static class Formats
{
    public static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.CurrentCulture, $"{Amount(amount, currency)} {currency}");

    /// <summary>The amount alone, for table cells under a header that names the currency.</summary>
    public static string Amount(decimal amount, string currency) =>
        amount.ToString("N" + Currency.Of(currency).Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string LongDate(DateOnly date) => date.ToString(CultureInfo.CurrentCulture.DateTimeFormat.LongDatePattern, CultureInfo.CurrentCulture);

    public static string Percent(decimal share) => share.ToString("P1", CultureInfo.CurrentCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>An aging bucket's key (current, 1-30, over-365) as a label.</summary>
    public static string Bucket(IStringLocalizer<Text> text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(key);
        if (key == "current")
        {
            return text["Bucket.Current"];
        }
        if (key.StartsWith("over-", StringComparison.Ordinal))
        {
            return text["Bucket.Over", key["over-".Length..]];
        }
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? text["Bucket.Range", key[..dash], key[(dash + 1)..]] : key;
    }

    /// <summary>A role's name on screen.</summary>
    public static string Role(IStringLocalizer<Text> text, string? role)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.IsNullOrEmpty(role) ? "" : text["Role." + role];
    }

    /// <summary>A handler's refusal in the user's language (see <see cref="RuleMessages"/>).</summary>
    public static string Problem(Exception error) => RuleMessages.Of(error, System.Globalization.CultureInfo.CurrentUICulture);
}
