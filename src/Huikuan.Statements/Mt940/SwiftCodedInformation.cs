using System.Text.RegularExpressions;

namespace Huikuan.Statements.Mt940;

/// <summary>
/// The :86: layout of Dutch banks (Rabobank, ING, ABN AMRO SEPA): /CODE/value pairs such as
/// /EREF/…/BENM//NAME/…/REMI/…/ISDT/…. Values may hold slashes themselves, so the text is cut only at the known codes.
/// </summary>
internal static partial class SwiftCodedInformation
{
    /// <summary>Reads the pairs; null when the text does not start with a known code.</summary>
    public static Dictionary<string, string>? Parse(string flat)
    {
        var codes = Code().Matches(flat);
        if (codes.Count == 0 || codes[0].Index != 0)
        {
            return null;
        }
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var start = codes[i].Index + codes[i].Length;
            var end = i + 1 < codes.Count ? codes[i + 1].Index : flat.Length;
            var key = "/" + codes[i].Groups["code"].Value;
            var value = flat[start..end].Trim('/', ' ');
            pairs[key] = pairs.TryGetValue(key, out var earlier) && earlier.Length > 0 ? earlier : value;
        }
        return pairs;
    }

    /// <summary>Fills the line from the pairs: REMI is the payment's text, NAME/IBAN/BIC the other party's.</summary>
    public static StatementLine Apply(StatementLine line, Dictionary<string, string> pairs) => line with
    {
        EndToEndId = Value(pairs, "/EREF"),
        RemittanceText = Remittance(Value(pairs, "/REMI")),
        CounterpartyName = Value(pairs, "/NAME"),
        CounterpartyAccount = Value(pairs, "/IBAN"),
        CounterpartyBank = Value(pairs, "/BIC"),
    };

    /// <summary>Unstructured remittance is written /REMI/USTD//text/; the USTD marker is not part of the text.</summary>
    private static string? Remittance(string? remi) =>
        remi is not null && remi.StartsWith("USTD", StringComparison.Ordinal) ? Value(remi[4..].Trim('/')) : remi;

    private static string? Value(Dictionary<string, string> pairs, string key) =>
        pairs.TryGetValue(key, out var value) ? Value(value) : null;

    private static string? Value(string value) => value.Length == 0 || value == "NOTPROVIDED" ? null : value;

    [GeneratedRegex(
        "/(?<code>EREF|PREF|MARF|CSID|BENM|ORDP|NAME|ID|ADDR|REMI|ISDT|IBAN|BIC|TRTP|RTRN|CDTRREFTP|CDTRREF|PURP|SVCL" +
        "|ULTC|ULTD|BUSP|EXCH|CHGS|CNTP|OCMT)/",
        RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
