using System.Text;

namespace Huikuan.Statements.Table;

/// <summary>
/// Splits text into rows and cells, RFC 4180 and what exports do beyond it: a quote opens a quoted cell only at the
/// cell's start (after blanks), two quotes in a quoted cell are one, text after the closing quote is kept, a stray
/// quote inside an unquoted cell is text, and CR, LF and CRLF all end a row. Nothing here throws on bad input.
/// </summary>
internal sealed class CsvTokenizer(char separator)
{
    private readonly StringBuilder cell = new();
    private readonly List<string> row = [];
    private bool quoted;
    private bool justClosed;
    private bool afterCarriageReturn;

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
        if (cell.Length > 0 || row.Count > 0 || quoted)
        {
            yield return EndRow();
        }
    }

    /// <summary>Takes one character; a finished row when it ended one.</summary>
    private List<string>? Take(char c)
    {
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
                quoted = true;
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
