using System.Text.RegularExpressions;

namespace Huikuan.Statements.Mt940;

/// <summary>
/// The :61: statement line: value date, optional entry date, C/D/RC/RD mark, funds code, amount, transaction type,
/// the owner's reference, the bank's reference after //, and on the next line the supplementary details.
/// </summary>
internal static partial class StatementLineField
{
    /// <summary>Reads a :61: field (all its lines); null when its first line is not a statement line.</summary>
    public static LineDraft? Parse(string value)
    {
        var newline = value.IndexOf('\n', StringComparison.Ordinal);
        var first = (newline < 0 ? value : value[..newline]).Trim();
        var supplementary = newline < 0 ? "" : value[(newline + 1)..].Replace("\n", "", StringComparison.Ordinal).Trim();
        var match = Pattern().Match(first);
        if (!match.Success
            || !Mt940Fields.TryDate(match.Groups["value"].ValueSpan, out var valueDate)
            || !Mt940Fields.TryAmount(match.Groups["amount"].ValueSpan, out var amount))
        {
            return null;
        }
        DateOnly? entryDate = null;
        if (match.Groups["entry"].Success)
        {
            if (!Mt940Fields.TryEntryDate(match.Groups["entry"].ValueSpan, valueDate, out var entry))
            {
                return null;
            }
            entryDate = entry;
        }
        var mark = match.Groups["mark"].Value;
        var (customer, bank, sameLine) = SplitReferences(match.Groups["rest"].Value);
        return new LineDraft
        {
            ValueDate = valueDate,
            BookingDate = entryDate,
            Amount = IsDebit(mark) ? -amount : amount,
            Reversal = mark[0] == 'R',
            Mark = mark,
            FundsCode = match.Groups["funds"].Success ? match.Groups["funds"].Value : null,
            TransactionCode = match.Groups["type"].Success ? match.Groups["type"].Value : null,
            CustomerReference = customer,
            BankReference = bank,
            Supplementary = sameLine.Length == 0 ? supplementary : (sameLine + supplementary).Trim(),
        };
    }

    /// <summary>
    /// A reversal of a credit takes money out and a reversal of a debit puts it back, so RC is negative and RD positive:
    /// the sign is always the line's effect on the balance.
    /// </summary>
    private static bool IsDebit(string mark) => mark is "D" or "RC";

    /// <summary>
    /// The owner's reference is at most 16 characters and the bank's, after //, at most 16 more; some banks (Rabobank)
    /// write the supplementary details on the same line after them instead of on the next, so what is left over is those.
    /// </summary>
    private static (string? Customer, string? Bank, string Supplementary) SplitReferences(string rest)
    {
        var slashes = rest.IndexOf("//", StringComparison.Ordinal);
        if (slashes is < 0 or > 16)
        {
            var customerOnly = rest[..Math.Min(16, rest.Length)];
            return (NullIfEmpty(customerOnly), null, rest[customerOnly.Length..].Trim());
        }
        var afterSlashes = rest[(slashes + 2)..];
        var bank = afterSlashes[..Math.Min(16, afterSlashes.Length)];
        return (NullIfEmpty(rest[..slashes]), NullIfEmpty(bank), afterSlashes[bank.Length..].Trim());
    }

    private static string? NullIfEmpty(string text) => text.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    [GeneratedRegex(
        @"^(?<value>\d{6})(?<entry>\d{4})?(?<mark>RC|RD|C|D)(?<funds>[A-Z])?(?<amount>[0-9][0-9,.]*|[,.][0-9]+)" +
        @"(?<type>[A-Z][A-Z0-9]{3})?(?<rest>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>A :61: line read, waiting for its :86: and for the statement's currency.</summary>
internal sealed class LineDraft
{
    public DateOnly ValueDate { get; init; }

    public DateOnly? BookingDate { get; init; }

    public decimal Amount { get; init; }

    public bool Reversal { get; init; }

    public required string Mark { get; init; }

    public string? FundsCode { get; init; }

    public string? TransactionCode { get; init; }

    public string? CustomerReference { get; init; }

    public string? BankReference { get; init; }

    public required string Supplementary { get; init; }

    public string? Information { get; set; }
}
