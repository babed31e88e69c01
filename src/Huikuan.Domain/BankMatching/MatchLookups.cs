namespace Huikuan.Domain.BankMatching;

/// <summary>
/// What a statement's lines need from the database, so the caller loads only that, in a few queries:
/// the payer accounts (<see cref="MatchDirectory.AccountKey"/>) to find among the learned accounts; the keys
/// (<see cref="DocumentTokens.Key"/>) of every candidate number and reference in the lines, to find among generated
/// references and document numbers stored with their key; the same numbers as Huikuan writes them
/// (<see cref="Numbers"/>: INV-000123, and INV-/CT- before bare digits), to find them by number where no key is stored;
/// and the digits alone (<see cref="Digits"/>), to find documents by the digits after their prefix.
/// Then <see cref="MatchDirectory.CandidatePayers"/> says whose open items to load.
/// </summary>
public sealed record MatchLookups(
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> Digits)
{
    /// <summary>The prefixes Huikuan numbers invoices and contracts with (Numbering: INV-000001, CT-000001).</summary>
    public static readonly IReadOnlyList<string> DefaultPrefixes = ["INV", "CT"];

    /// <summary>The lookups for the incoming lines of a statement (outgoing and zero lines are not matched).</summary>
    public static MatchLookups For(IEnumerable<BankLine> lines, IReadOnlyList<string>? prefixes = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        prefixes ??= DefaultPrefixes;
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        var digits = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l is { AmountMinor: > 0 }))
        {
            if (MatchDirectory.AccountKey(line.CounterpartyAccount) is { Length: > 0 } account)
            {
                accounts.Add(account);
            }
            foreach (var reference in line.References())
            {
                if (DocumentTokens.Key(reference) is { Length: > 0 } key)
                {
                    keys.Add(key);
                }
            }
            foreach (var token in line.Texts().SelectMany(DocumentTokens.Find))
            {
                keys.Add(token.Key);
                if (token.Key.All(char.IsAsciiDigit))
                {
                    digits.Add(token.Key);
                    foreach (var prefix in prefixes)
                    {
                        numbers.Add(prefix + "-" + token.Key);
                    }
                }
                else if (DocumentTokens.DigitTail(token.Key) is { } tail)
                {
                    numbers.Add(token.Key[..^tail.Length] + "-" + tail);
                }
            }
        }
        return new MatchLookups([.. accounts], [.. keys], [.. numbers], [.. digits]);
    }
}
