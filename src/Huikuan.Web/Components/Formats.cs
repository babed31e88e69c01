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

    /// <summary>
    /// A dunning level's name on screen: the default levels (friendly, firm, final, hold, legal) by their name in the
    /// reader's language; a level a company added under its own code is shown by that code, which it chose to read.
    /// </summary>
    public static string Level(IStringLocalizer<Text> text, string? code)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.IsNullOrEmpty(code) ? "—" : text["Level." + code] is { ResourceNotFound: false } name ? name.Value : code;
    }

    /// <summary>A message language (zh-CN, en) by its name, 中文 or English, never its code.</summary>
    public static string Language(IStringLocalizer<Text> text, string? code)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.IsNullOrEmpty(code) ? "" : text["Language." + code] is { ResourceNotFound: false } name ? name.Value : code;
    }

    /// <summary>
    /// A payment term said in the reader's language from its due dates ("due in 30 days", "月结30天"; with shares when
    /// there are several), so a term is never only its code or a name written in one language.
    /// </summary>
    public static string Term(IStringLocalizer<Text> text, IReadOnlyList<Huikuan.Web.Features.PaymentTerms.TermLineDto> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        string Due(Huikuan.Web.Features.PaymentTerms.TermLineDto l) => (l.EndOfMonth, l.Months, l.Days) switch
        {
            (false, 0, 0) => text["Term.OnInvoice"],
            (false, 0, var d) => text["Term.Days", d],
            (true, 0, var d) => text["Term.MonthEnd", d],
            (false, var m, var d) => text["Term.Months", m, d],
            (true, var m, var d) => text["Term.MonthsEnd", m, d],
        };
        var parts = lines.Count == 1 && lines[0].Percent == 100m
            ? [Due(lines[0])]
            : lines.Select(l => text["Term.Share", (l.Percent / 100m).ToString("0.##%", CultureInfo.CurrentCulture), Due(l)].Value).ToList();
        return string.Join(text["Term.Separator"], parts);
    }

    /// <summary>A handler's refusal in the user's language (see <see cref="RuleMessages"/>).</summary>
    public static string Problem(Exception error) => RuleMessages.Of(error, System.Globalization.CultureInfo.CurrentUICulture);
}
