using System.Text;
using System.Text.RegularExpressions;

namespace Huikuan.Statements.Mt940;

/// <summary>
/// Reads SWIFT MT940 statements and MT942 interim reports, line by line: a file of any length is never held whole, only
/// the statement being read. Each :20: … :62F: block (or an envelope's {4: … -} block) becomes one
/// <see cref="BankStatement"/>; a statement that does not balance carries a warning. Text before the first field (some
/// banks put a header there) is skipped; a file with no MT940 field at all, or a field that cannot be read, is refused
/// with a <see cref="StatementFormatException"/> naming the line.
/// </summary>
public static partial class Mt940Reader
{
    /// <summary>Reads a file as UTF-8 (ASCII and the German, Polish and Dutch banks' files read as such).</summary>
    public static IReadOnlyList<BankStatement> Read(Stream stream) => Read(stream, Encoding.UTF8);

    /// <summary>Reads a file in the bank's encoding, e.g. ISO-8859-1 (Encoding.Latin1) for older German exports.</summary>
    public static IReadOnlyList<BankStatement> Read(Stream stream, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(encoding);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader);
    }

    public static IReadOnlyList<BankStatement> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new ReaderState();
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            state.Take(Clean(raw), number);
        }
        return state.Finish(number);
    }

    /// <summary>Control characters (the envelope's SOH and ETX, stray binary) carry nothing; tabs are text.</summary>
    private static string Clean(string line)
    {
        if (!line.Any(IsNoise))
        {
            return line;
        }
        return string.Concat(line.Where(c => !IsNoise(c)));
    }

    private static bool IsNoise(char c) => char.IsControl(c) && c != '\t';

    [GeneratedRegex(@"^\{[1-5]:", RegexOptions.CultureInvariant)]
    private static partial Regex EnvelopeBlock();

    [GeneratedRegex(@"^:(?<tag>[0-9]{2}[A-Z]?):(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldStart();

    /// <summary>The field being collected (it continues over lines that start no new one) and the statement.</summary>
    private sealed class ReaderState
    {
        private readonly List<BankStatement> statements = [];
        private readonly StringBuilder value = new();
        private StatementDraft draft = new();
        private string? tag;
        private int tagLine;
        private bool sawField;
        private bool interimEnvelope;

        public void Take(string line, int number)
        {
            if (EnvelopeBlock().IsMatch(line))
            {
                TakeEnvelope(line, number);
                return;
            }
            TakeContent(line, number);
        }

        public List<BankStatement> Finish(int lines)
        {
            EndStatement();
            if (!sawField)
            {
                throw new StatementFormatException(
                    "No MT940 field (such as :20: or :61:) found; this is not an MT940 file.", lines == 0 ? 1 : lines);
            }
            return statements;
        }

        /// <summary>
        /// {1:…}{2:…}{4: opens a message (a 942 in block 2 makes it an interim report) and its fields may follow on the
        /// same line; -} or a {5:…} trailer closes it.
        /// </summary>
        private void TakeEnvelope(string line, int number)
        {
            EndStatement();
            if (line.Contains("{2:", StringComparison.Ordinal))
            {
                interimEnvelope = line.Contains("{2:I942", StringComparison.Ordinal)
                    || line.Contains("{2:O942", StringComparison.Ordinal);
            }
            var body = line.IndexOf("{4:", StringComparison.Ordinal);
            if (body < 0)
            {
                return;
            }
            var rest = line[(body + 3)..];
            if (rest.Length > 0)
            {
                TakeContent(rest, number);
            }
        }

        /// <summary>A line inside a message: the block's end (- or -}), a new field, or the current field continued.</summary>
        private void TakeContent(string line, int number)
        {
            if (IsBlockEnd(line))
            {
                EndStatement();
                return;
            }
            var match = FieldStart().Match(line);
            if (match.Success)
            {
                StartField(match.Groups["tag"].Value, match.Groups["value"].Value, number);
            }
            else if (tag is not null)
            {
                value.Append('\n').Append(line.TrimEnd());
            }
        }

        private static bool IsBlockEnd(string line) =>
            line.StartsWith('-') && line[1..].TrimStart() is var rest && (rest.Length == 0 || rest[0] == '}');

        private void StartField(string newTag, string newValue, int number)
        {
            CompleteField();
            sawField = true;
            if (newTag == "20" && !draft.IsEmpty)
            {
                EndStatement();
            }
            tag = newTag;
            tagLine = number;
            value.Clear().Append(newValue.TrimEnd());
        }

        private void CompleteField()
        {
            if (tag is null)
            {
                return;
            }
            if (!draft.Add(tag, value.ToString()))
            {
                throw new StatementFormatException(
                    $"The :{tag}: field cannot be read: \"{Shorten(value.ToString())}\".", tagLine);
            }
            tag = null;
            value.Clear();
        }

        private void EndStatement()
        {
            CompleteField();
            if (draft.IsEmpty)
            {
                return;
            }
            draft.Interim |= interimEnvelope;
            statements.Add(draft.Build());
            draft = new StatementDraft();
        }

        private static string Shorten(string text)
        {
            var first = text.Split('\n')[0];
            return first.Length <= 60 ? first : first[..60] + "…";
        }
    }
}
