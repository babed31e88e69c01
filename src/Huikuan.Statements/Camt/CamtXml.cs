using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Huikuan.Statements.Camt;

/// <summary>
/// Small helpers over one loaded camt element. Every version of camt.05x names its elements alike but lives in its own
/// namespace, so everything here matches on local names only; every parse failure becomes a
/// <see cref="StatementFormatException"/> naming the line, so that a broken file never escapes as another exception.
/// </summary>
internal static partial class CamtXml
{
    /// <summary>The element reached by following the local names from <paramref name="element"/>, or null.</summary>
    public static XElement? Child(this XElement? element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            current = current?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        }

        return current;
    }

    /// <summary>The direct children with that local name.</summary>
    public static IEnumerable<XElement> Children(this XElement? element, string name) =>
        element?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    /// <summary>The trimmed text at the path, or null when it is missing or empty.</summary>
    public static string? Text(this XElement? element, params string[] path)
    {
        var value = element.Child(path)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// An account's number: its IBAN, else the bank's own (Othr/Id; version 1 wrote PrtryAcct/Id, BBAN or UPIC).
    /// </summary>
    public static string? AccountId(XElement? account) =>
        account.Text("Id", "IBAN") ?? account.Text("Id", "Othr", "Id") ?? account.Text("Id", "PrtryAcct", "Id")
        ?? account.Text("Id", "BBAN") ?? account.Text("Id", "UPIC");

    public static int? Line(this XObject? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>An amount exactly as written: ISO 20022 allows only digits and one point, no sign, no exponent.</summary>
    public static decimal Amount(XElement amount)
    {
        var text = amount.Value.Trim();
        if (!AmountPattern().IsMatch(text)
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new StatementFormatException($"'{Shorten(text)}' is not an amount", amount.Line());
        }

        return value;
    }

    /// <summary>The amount signed by the CdtDbtInd beside it: DBIT is money out or an overdrawn balance.</summary>
    public static decimal Signed(decimal amount, XElement indicator) => indicator.Value.Trim() switch
    {
        "CRDT" => amount,
        "DBIT" => -amount,
        var other => throw new StatementFormatException($"'{Shorten(other)}' is not CRDT or DBIT", indicator.Line()),
    };

    public static string Currency(XElement amount)
    {
        var code = amount.Attributes().FirstOrDefault(a => a.Name.LocalName == "Ccy")?.Value.Trim();
        return code is { Length: 3 } && code.All(char.IsAsciiLetterUpper)
            ? code
            : throw new StatementFormatException("an amount without a currency (Ccy)", amount.Line());
    }

    /// <summary>A date from a choice of Dt or DtTm (camt writes either); the day as written, its time ignored.</summary>
    public static DateOnly? DateChoice(XElement? choice)
    {
        var element = choice.Child("Dt") ?? choice.Child("DtTm");
        if (element is null)
        {
            return null;
        }

        var text = element.Value.Trim();
        return text.Length >= 10
               && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                   out var day)
            ? day
            : throw new StatementFormatException($"'{Shorten(text)}' is not a date", element.Line());
    }

    /// <summary>
    /// An ISO date-time; banks write up to nine fraction digits (.NET reads seven) and sometimes no offset, which is
    /// read as UTC.
    /// </summary>
    public static DateTimeOffset? Instant(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = LongFraction().Replace(element.Value.Trim(), m => m.Value[..8]);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new StatementFormatException($"'{Shorten(text)}' is not a date and time", element.Line());
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^[0-9]{1,18}(\.[0-9]{1,10})?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"\.[0-9]{8,}")]
    private static partial Regex LongFraction();
}
