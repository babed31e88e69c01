using System.Text;

namespace Huikuan.Statements.Table;

/// <summary>
/// Reads a CSV or tab-separated export into rows of cells, one row at a time, so a file of any length is never held
/// whole as text (a stream that cannot seek keeps its bytes until its encoding is known). The encoding and the separator are sniffed when not given: a byte-order mark wins, else the file is UTF-8 when
/// it is valid UTF-8 to its end, else GB18030 (what Chinese banks and wallets write); the separator is the one of
/// comma and tab that splits the widest line of the file's first part (the header area). Quoted cells may hold
/// separators, doubled quotes and line breaks; a quote never closed is text, so it cannot swallow the rows after it.
/// Cells come back trimmed, without WeChat's leading back-tick and without Excel's <c>="…"</c> text wrapper.
/// A blank line is a row without cells, so row numbers stay those of the file's lines.
/// </summary>
public static class DelimitedText
{
    /// <summary>The blocks in which the bytes are checked for UTF-8.</summary>
    private const int SniffBytes = 64 * 1024;

    /// <summary>How much of the file's start decides the separator.</summary>
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
        var (chosen, input) = encoding is null ? Sniff(stream, start) : (encoding, stream);
        using var reader = new StreamReader(input, chosen, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var first = new char[SniffChars];
        var firstLength = reader.ReadBlock(first, 0, first.Length);
        var separator = SeparatorOf(first.AsSpan(0, firstLength));
        foreach (var row in new CsvTokenizer(separator).Read(reader, first, firstLength))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The file's encoding, and the stream to read it from, at the file's start again. A BOM names the encoding. Without
    /// one the file is UTF-8 only when it is valid UTF-8 to its last byte: its bytes are checked a block at a time up to
    /// the first that UTF-8 cannot read (then it is GB18030, which reads every byte sequence), so a Chinese character
    /// after a long ASCII preface decides as well as one in the first line. A seekable stream is then read again from
    /// where it started; the blocks of any other stream are kept, as bytes, until the verdict, and replayed.
    /// </summary>
    private static (Encoding Encoding, Stream Input) Sniff(Stream stream, long? start)
    {
        var head = new byte[SniffBytes];
        var length = ReadFully(stream, head);
        if (Bom(head.AsSpan(0, length)) is { } named)
        {
            return (named, Replay(stream, start, [(head, length)]));
        }
        var check = new Utf8Check();
        var kept = new List<(byte[] Block, int Length)> { (head, length) };
        var valid = check.Take(head.AsSpan(0, length));
        while (valid && length == SniffBytes)
        {
            var block = start is null ? new byte[SniffBytes] : head;
            length = ReadFully(stream, block);
            if (start is null)
            {
                kept.Add((block, length));
            }
            valid = check.Take(block.AsSpan(0, length));
        }
        var chosen = valid && check.Finish() ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Gb18030;
        return (chosen, Replay(stream, start, kept));
    }

    /// <summary>The stream from where it started: seeked back, or the blocks read so far and then the rest.</summary>
    private static Stream Replay(Stream stream, long? start, List<(byte[] Block, int Length)> read)
    {
        if (start is { } position)
        {
            stream.Position = position;
            return stream;
        }
        return new PrefixedStream(read, stream);
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

    /// <summary>The encoding a byte-order mark at the start names, or null.</summary>
    private static Encoding? Bom(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        return head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode : null;
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

    /// <summary>The blocks read while sniffing, then the rest of the stream: the stream need not be seekable.</summary>
    private sealed class PrefixedStream(List<(byte[] Block, int Length)> blocks, Stream rest) : Stream
    {
        private int block;
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
            while (block < blocks.Count)
            {
                var (bytes, length) = blocks[block];
                if (position < length)
                {
                    var n = Math.Min(count, length - position);
                    Array.Copy(bytes, position, buffer, offset, n);
                    position += n;
                    return n;
                }
                // A block read is let go once replayed: a large file is not kept whole longer than needed.
                blocks[block] = ([], 0);
                (block, position) = (block + 1, 0);
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
