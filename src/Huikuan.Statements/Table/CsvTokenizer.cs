using System.Text;

namespace Huikuan.Statements.Table;

/// <summary>
/// Splits text into rows and cells, RFC 4180 and what exports do beyond it: a quote opens a quoted cell only at the
/// cell's start (after blanks), two quotes in a quoted cell are one, text after the closing quote is kept, a stray
/// quote inside an unquoted cell is text, and CR, LF and CRLF all end a row. A quote that is never closed would swallow
/// the rest of the file into one cell, payments and all: instead it is read as text and the rest read again after it.
/// Nothing here throws on bad input.
/// </summary>
internal sealed class CsvTokenizer(char separator)
{
    /// <summary>How often an unclosed quote is read again as text: a hostile file cannot make the work grow on.</summary>
    private const int MaxRereads = 64;

    private readonly StringBuilder cell = new();

    /// <summary>What followed the opening quote of the quoted cell being read, as written.</summary>
    private readonly StringBuilder raw = new();
    private readonly List<string> row = [];
    private bool quoted;
    private bool justClosed;
    private bool afterCarriageReturn;
    private bool capturing;

    public IEnumerable<IReadOnlyList<string>> Read(TextReader reader, char[] start, int startLength)
    {
        var buffer = start;
        var length = startLength;
        while (length > 0)
        {
            for (var i = 0; i < length; i++)
            {
                if (Take(buffer[i]) is { } complete)
                {
                    yield return complete;
                }
            }
            length = reader.Read(buffer, 0, buffer.Length);
        }
        for (var reread = 0; quoted && reread < MaxRereads; reread++)
        {
            var rest = raw.ToString();
            (quoted, justClosed, capturing, afterCarriageReturn) = (false, false, false, false);
            raw.Clear();
            cell.Clear().Append('"');
            foreach (var c in rest)
            {
                if (Take(c) is { } complete)
                {
                    yield return complete;
                }
            }
        }
        if (cell.Length > 0 || row.Count > 0 || quoted)
        {
            yield return EndRow();
        }
    }

    /// <summary>Takes one character; a finished row when it ended one.</summary>
    private List<string>? Take(char c)
    {
        if (capturing)
        {
            raw.Append(c);
        }
        var crlf = afterCarriageReturn && c == '\n';
        afterCarriageReturn = c == '\r' && !quoted;
        if (crlf)
        {
            return null;
        }
        if (quoted)
        {
            if (c == '"')
            {
                quoted = false;
                justClosed = true;
            }
            else
            {
                cell.Append(c);
            }
            return null;
        }
        var closedBefore = justClosed;
        justClosed = false;
        switch (c)
        {
            case '"' when closedBefore:
                cell.Append('"');
                quoted = true;
                return null;
            case '"' when IsBlank(cell):
                cell.Clear();
                raw.Clear();
                quoted = true;
                capturing = true;
                return null;
            case '\r' or '\n':
                return EndRow();
            default:
                if (c == separator)
                {
                    EndCell();
                }
                else
                {
                    cell.Append(c);
                }
                return null;
        }
    }

    private void EndCell()
    {
        row.Add(DelimitedText.Clean(cell.ToString()));
        cell.Clear();
        raw.Clear();
        capturing = false;
    }

    /// <summary>A blank line is a row without cells.</summary>
    private List<string> EndRow()
    {
        if (cell.Length > 0 || row.Count > 0)
        {
            EndCell();
        }
        quoted = false;
        justClosed = false;
        var done = new List<string>(row);
        row.Clear();
        return done;
    }

    private static bool IsBlank(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
