using System.Text;
using System.Text.RegularExpressions;

namespace Huikuan.Statements.Mt940;

/// <summary>
/// The :86: information to the account owner. German and Polish banks structure it as a three-digit business code
/// followed by sub-fields (?00 posting text, ?20–?29 purpose, ?30 bank, ?31 account, ?32/?33 name), separated by ? or ~;
/// inside the purpose, SEPA tags (EREF+, SVWZ+ …) mark the end-to-end id and the remittance text. Dutch banks write
/// /CODE/value pairs (<see cref="SwiftCodedInformation"/>). Anything else is free text, kept whole.
/// </summary>
internal static partial class InformationField
{
    private static readonly string[] SepaTags =
        ["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "IBAN+", "BIC+", "COAM+", "OAMT+"];

    /// <summary>Fills a line's counterparty, references and details from its :86: text.</summary>
    public static StatementLine Apply(StatementLine line, string text, Dictionary<string, string> details)
    {
        details["86"] = text;
        var flat = text.Replace("\n", "", StringComparison.Ordinal);
        var match = StructuredStart().Match(flat);
        if (!match.Success)
        {
            return Unstructured(line, text, flat, details);
        }
        details["GVC"] = match.Groups["code"].Value;
        var separator = match.Groups["separator"].Value[0];
        var fields = SubFields(flat[3..], separator);
        foreach (var (key, value) in fields)
        {
            details[separator + key] = value;
        }
        var purpose = Join(fields, 20, 29);
        var sepa = SepaParts(purpose);
        foreach (var (tag, value) in sepa)
        {
            details[tag] = value;
        }
        return line with
        {
            RemittanceText = Empty(sepa.GetValueOrDefault("SVWZ+") ?? purpose),
            EndToEndId = Empty(sepa.GetValueOrDefault("EREF+")),
            CounterpartyName = Empty(Join(fields, 32, 33)),
            CounterpartyAccount = Empty(fields.GetValueOrDefault("31")),
            CounterpartyBank = Empty(fields.GetValueOrDefault("30")),
        };
    }

    /// <summary>Free text, unless it is the Dutch /CODE/value layout.</summary>
    private static StatementLine Unstructured(
        StatementLine line, string text, string flat, Dictionary<string, string> details)
    {
        if (SwiftCodedInformation.Parse(flat) is not { } pairs)
        {
            return line with { RemittanceText = text.Length == 0 ? null : text };
        }
        foreach (var (key, value) in pairs)
        {
            details[key] = value;
        }
        return SwiftCodedInformation.Apply(line, pairs);
    }

    /// <summary>Sub-fields in order; a repeated key (some banks repeat ?20) is joined to the first.</summary>
    private static Dictionary<string, string> SubFields(string text, char separator)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = text.Split(separator);
        foreach (var part in parts.Skip(1))
        {
            if (part.Length < 2 || !char.IsAsciiDigit(part[0]) || !char.IsAsciiDigit(part[1]))
            {
                continue;
            }
            var key = part[..2];
            fields[key] = fields.TryGetValue(key, out var earlier) ? earlier + part[2..] : part[2..];
        }
        return fields;
    }

    private static string Join(Dictionary<string, string> fields, int from, int to)
    {
        var text = new StringBuilder();
        for (var key = from; key <= to; key++)
        {
            text.Append(fields.GetValueOrDefault(key.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
        }
        return text.ToString();
    }

    /// <summary>Splits a purpose at the SEPA tags it contains; a purpose without tags gives nothing.</summary>
    private static Dictionary<string, string> SepaParts(string purpose)
    {
        var found = new List<(int Start, string Tag)>();
        foreach (var tag in SepaTags)
        {
            var at = purpose.IndexOf(tag, StringComparison.Ordinal);
            if (at >= 0)
            {
                found.Add((at, tag));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++)
        {
            var start = found[i].Start + found[i].Tag.Length;
            var end = i + 1 < found.Count ? found[i + 1].Start : purpose.Length;
            if (end >= start)
            {
                parts[found[i].Tag] = purpose[start..end].Trim();
            }
        }
        return parts;
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^(?<code>\d{3})(?<separator>[?~])\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex StructuredStart();
}
