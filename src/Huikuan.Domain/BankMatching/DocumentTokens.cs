using System.Buffers;
using System.Text;

namespace Huikuan.Domain.BankMatching;

/// <summary>What a document number in a bank text may name: an invoice (应收单), a contract or a statement (对账单).</summary>
public enum MatchDocumentKind
{
    Invoice,
    Contract,
    Statement,
}

/// <summary>
/// A possible document number found in a text: its <see cref="Key"/> (see <see cref="DocumentTokens.Key"/>), where it
/// stands, and the kind of document the words before it name (合同 12345 is a contract), if any.
/// </summary>
public sealed record DocumentToken(string Key, int Start, int End, MatchDocumentKind? Hint);

/// <summary>
/// Document numbers as payers write them. Huikuan numbers documents PREFIX-000123 (INV, CT, RC…), imported ones keep
/// whatever the customer's system gave them (INV-2026-000123, 2026/INV/123). Payers add or drop dashes and spaces, write
/// full-width digits or lower case, put 发票号 or No. before them and 谢谢 after: a number is compared by its key, its
/// letters and digits alone in upper case. A text is cut into chunks of letters and digits; chunks joined by at most
/// three separators (space, - _ . / # :) form a run, and every one to four neighbouring chunks of a run is a candidate.
/// A candidate never starts or ends inside a chunk, so INV-0012 is not found in INV-00123 nor 000123 in 2026000123.
/// </summary>
public static class DocumentTokens
{
    /// <summary>Candidates shorter than this (after folding) are not looked up: "12", "A1" name nothing for sure.</summary>
    public const int MinKeyLength = 4;

    public const int MaxKeyLength = 64;

    /// <summary>At most this many neighbouring chunks make one candidate (INV 2026 000123 is three).</summary>
    public const int MaxChunks = 4;

    /// <summary>A hostile or pasted text yields at most this many candidates, from its first <see cref="MaxTextLength"/> characters.</summary>
    public const int MaxTokens = 200;

    public const int MaxTextLength = 4_000;

    // The words payers put before a number. Written as escapes where the word is 发票 alone: the glossary keeps 发票 for
    // 发票号码 on pages, but a bank text says what the payer wrote.
    private static readonly (string Word, MatchDocumentKind Kind)[] ChineseHints =
    [
        ("\u53D1\u7968\u53F7\u7801", MatchDocumentKind.Invoice), ("\u53D1\u7968\u53F7", MatchDocumentKind.Invoice),
        ("\u53D1\u7968", MatchDocumentKind.Invoice), ("应收单号", MatchDocumentKind.Invoice), ("应收单", MatchDocumentKind.Invoice),
        ("合同编号", MatchDocumentKind.Contract), ("合同号", MatchDocumentKind.Contract), ("合同", MatchDocumentKind.Contract),
        ("对账单号", MatchDocumentKind.Statement), ("对账单", MatchDocumentKind.Statement),
    ];

    private static readonly SearchValues<char> KeyCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static readonly SearchValues<char> Separators = SearchValues.Create(" -_./#:\t\u2013\u2014");

    private static readonly Dictionary<string, MatchDocumentKind> LatinHints = new(StringComparer.Ordinal)
    {
        ["INV"] = MatchDocumentKind.Invoice, ["INVOICE"] = MatchDocumentKind.Invoice,
        ["CT"] = MatchDocumentKind.Contract, ["CONTRACT"] = MatchDocumentKind.Contract,
        ["STATEMENT"] = MatchDocumentKind.Statement,
    };

    /// <summary>
    /// A number's key: its letters and digits (full-width folded), Latin letters upper case. "inv-2026 ０００１２３" is
    /// INV2026000123.
    /// </summary>
    public static string Key(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "";
        }
        if (!number.AsSpan().ContainsAnyExcept(KeyCharacters))
        {
            return number;   // already a key: nothing to fold or take out
        }
        Span<char> buffer = number.Length <= 256 ? stackalloc char[number.Length] : new char[number.Length];
        var length = 0;
        foreach (var c in number)
        {
            var folded = Fold.One(c);
            if (char.IsAsciiLetterOrDigit(folded))
            {
                buffer[length++] = folded;
            }
        }
        return new string(buffer[..length]);
    }

    /// <summary>
    /// The digits of a key made of a short letter prefix and at least <see cref="MinKeyLength"/> digits (INV000123 → 000123),
    /// else null: what a payer who writes only "发票号 000123" names, as a weaker signal.
    /// </summary>
    public static string? DigitTail(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var letters = 0;
        while (letters < key.Length && char.IsAsciiLetter(key[letters]))
        {
            letters++;
        }
        var digits = key.Length - letters;
        return letters is >= 1 and <= 6 && digits >= MinKeyLength && !key.AsSpan(letters).ContainsAnyExceptInRange('0', '9')
            ? key[letters..] : null;
    }

    /// <summary>Every candidate number in a text, each key once (at its first place), in the order they stand.</summary>
    public static IReadOnlyList<DocumentToken> Find(string? text)
    {
        var folded = Fold.Text(text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text);
        var chunks = Chunks(folded);
        var result = new List<DocumentToken>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var runStart = 0;
        for (var i = 0; i < chunks.Count && result.Count < MaxTokens; i++)
        {
            if (i > 0 && !Joined(folded, chunks[i - 1].End, chunks[i].Start))
            {
                runStart = i;
            }
            if (runStart == i)
            {
                // A new run: the words just before it may say what kind of document follows.
                chunks[i] = chunks[i] with { Hint = HintBefore(folded, chunks[i].Start) };
            }
            var hint = chunks[runStart].Hint ?? (LatinHints.TryGetValue(chunks[runStart].Value, out var latin) ? latin : null);
            var key = new StringBuilder();
            for (var j = i; j >= runStart && j > i - MaxChunks; j--)
            {
                key.Insert(0, chunks[j].Value);
                var candidate = key.ToString();
                if (candidate.Length is >= MinKeyLength and <= MaxKeyLength && candidate.Any(char.IsAsciiDigit) && seen.Add(candidate))
                {
                    result.Add(new DocumentToken(candidate, chunks[j].Start, chunks[i].End, hint));
                }
            }
        }
        return result.OrderBy(t => t.Start).ThenBy(t => t.End).Take(MaxTokens).ToArray();
    }

    private sealed record Chunk(string Value, int Start, int End, MatchDocumentKind? Hint = null);

    private static List<Chunk> Chunks(string folded)
    {
        var chunks = new List<Chunk>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsAsciiLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < folded.Length && char.IsAsciiLetterOrDigit(folded[i]))
            {
                i++;
            }
            chunks.Add(new Chunk(folded[start..i], start, i));
        }
        return chunks;
    }

    private static bool Joined(string folded, int end, int start) =>
        start - end <= 3 && folded.AsSpan(end, start - end).IndexOfAnyExcept(Separators) < 0;

    private static MatchDocumentKind? HintBefore(string folded, int start)
    {
        var end = start;
        while (end > 0 && end > start - 3 && " -_./#:\t".Contains(folded[end - 1], StringComparison.Ordinal))
        {
            end--;
        }
        var before = folded.AsSpan(0, end);
        foreach (var (word, kind) in ChineseHints)
        {
            if (before.EndsWith(word, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return null;
    }
}
