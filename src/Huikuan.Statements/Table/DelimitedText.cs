using System.Text;
using System.Text.Unicode;

namespace Huikuan.Statements.Table;

/// <summary>
/// Reads a CSV or tab-separated export into rows of cells, one row at a time, so a file of any length is never held
/// whole. The encoding and the separator are sniffed when not given: a byte-order mark wins, else the start of the file
/// is UTF-8 when it is valid UTF-8, else GB18030 (what Chinese banks and wallets write); the separator is the one of
/// comma and tab that splits the widest line of the file's first part (the header area). Quoted cells may hold
/// separators, doubled quotes and line breaks; a quote never closed is text, so it cannot swallow the rows after it.
/// Cells come back trimmed, without WeChat's leading back-tick and without Excel's <c>="…"</c> text wrapper.
/// A blank line is a row without cells, so row numbers stay those of the file's lines.
/// </summary>
public static class DelimitedText
{
    /// <summary>How much of the file's start decides the encoding and the separator.</summary>
    private const int SniffBytes = 64 * 1024;

    private const int SniffChars = 16 * 1024;

    /// <summary>GB18030's code page: a superset of GBK and GB2312, which the same exports also claim to be.</summary>
    private const int Gb18030CodePage = 54936;

    /// <summary>
    /// The rows, read as they are enumerated. A seekable stream is read from where it stood at this call each time the
    /// rows are enumerated, so a caller may look for a preset first and then read; any other stream only once.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> ReadRows(Stream stream, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Rows(stream, stream.CanSeek ? stream.Position : null, encoding);
    }

    /// <summary>The GB18030 encoding from the code-page provider of the base library.</summary>
    public static Encoding Gb18030 => CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)!;

    private static IEnumerable<IReadOnlyList<string>> Rows(Stream stream, long? start, Encoding? encoding)
    {
        if (start is { } position)
        {
            stream.Position = position;
        }
        var head = new byte[SniffBytes];
        var length = ReadFully(stream, head);
        var chosen = encoding ?? Sniff(head.AsSpan(0, length), complete: length < head.Length);
        using var reader = new StreamReader(
            new PrefixedStream(head, length, stream), chosen, detectEncodingFromByteOrderMarks: true);
        var first = new char[SniffChars];
        var firstLength = reader.ReadBlock(first, 0, first.Length);
        var separator = SeparatorOf(first.AsSpan(0, firstLength));
        foreach (var row in new CsvTokenizer(separator).Read(reader, first, firstLength))
        {
            yield return row;
        }
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length && stream.Read(buffer, total, buffer.Length - total) is var read && read > 0)
        {
            total += read;
        }
        return total;
    }

    /// <summary>
    /// A BOM names its encoding; without one, valid UTF-8 is UTF-8 (a sequence cut by the end of the sniffed part is
    /// not held against it), and anything else is read as GB18030, which decodes every byte sequence.
    /// </summary>
    internal static Encoding Sniff(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }
        for (var cut = 0; cut <= (complete ? 0 : Math.Min(3, head.Length)); cut++)
        {
            if (Utf8.IsValid(head[..^cut]))
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            }
        }
        return Gb18030;
    }

    /// <summary>Tab when some line of the header area splits into more cells by tabs than any line does by commas.</summary>
    internal static char SeparatorOf(ReadOnlySpan<char> text)
    {
        int commas = 0, tabs = 0, mostCommas = 0, mostTabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    commas++;
                    break;
                case '\t' when !quoted:
                    tabs++;
                    break;
                case '\n' or '\r' when !quoted:
                    (mostCommas, mostTabs) = (Math.Max(mostCommas, commas), Math.Max(mostTabs, tabs));
                    (commas, tabs) = (0, 0);
                    break;
                default:
                    break;
            }
        }
        (mostCommas, mostTabs) = (Math.Max(mostCommas, commas), Math.Max(mostTabs, tabs));
        return mostTabs > mostCommas ? '\t' : ',';
    }

    /// <summary>
    /// Trimmed (full-width spaces too); WeChat's back-tick, which keeps Excel from turning ids into numbers, removed;
    /// Excel's <c>="00123"</c>, written for the same reason, unwrapped.
    /// </summary>
    internal static string Clean(string cell)
    {
        var text = cell.Trim();
        if (text.StartsWith('`'))
        {
            text = text[1..].TrimStart();
        }
        if (text.Length >= 3 && text.StartsWith("=\"", StringComparison.Ordinal) && text.EndsWith('"'))
        {
            text = text[2..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim();
        }
        return text;
    }

    /// <summary>The sniffed bytes first, then the rest of the stream: the stream need not be seekable.</summary>
    private sealed class PrefixedStream(byte[] head, int headLength, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position < headLength)
            {
                var n = Math.Min(count, headLength - position);
                Array.Copy(head, position, buffer, offset, n);
                position += n;
                return n;
            }
            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
