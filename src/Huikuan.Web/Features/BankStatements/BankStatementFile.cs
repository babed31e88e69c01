using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Huikuan.Domain;
using Huikuan.Statements;
using Huikuan.Statements.Camt;
using Huikuan.Statements.Mt940;
using Huikuan.Statements.Table;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Import;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>The statements a file holds, and the format they were read from.</summary>
public sealed record StatementFile(string Format, IReadOnlyList<Huikuan.Statements.BankStatement> Statements);

/// <summary>
/// Reads an uploaded bank file into statements, deciding the format by the content, never by the name: XML is camt,
/// a file with MT940 fields (":20:", a SWIFT envelope "{1:") is MT940/MT942, a workbook or a delimited text is a table.
/// Whatever a reader cannot read is refused with its reason and position; nothing is guessed.
/// </summary>
public static partial class BankStatementFile
{
    public static StatementFile Read(byte[] bytes, BankAccount? account)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw ImportFile.Problem("import.empty", "The file is empty.");
        }
        if (bytes.Length > ImportLimits.MaxFileBytes)
        {
            throw new FileTooLargeException(bytes.Length);
        }
        var kind = Detect(bytes);
        try
        {
            return kind switch
            {
                FileKind.Camt => Camt(bytes),
                FileKind.Mt940 => Mt940(bytes),
                FileKind.Table => ReadTable(bytes, account),
                _ => throw new DomainRuleException("bankStatement.unknownFormat", "file",
                    "This is not a bank statement Huikuan can read: upload camt.052/053/054 (XML) or MT940/MT942."),
            };
        }
        catch (StatementFormatException e)
        {
            throw new DomainRuleException("bankStatement.unreadable", "file", e.Message);
        }
    }

    private enum FileKind
    {
        Unknown,
        Camt,
        Mt940,
        Table,
    }

    private static FileKind Detect(byte[] bytes)
    {
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            return FileKind.Table;
        }
        var head = Head(bytes);
        var start = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\u0001');
        if (start.StartsWith('<'))
        {
            return FileKind.Camt;
        }
        if (start.StartsWith("{1:", StringComparison.Ordinal) || Mt940Field().IsMatch(head))
        {
            return FileKind.Mt940;
        }
        if (head.Contains('\0', StringComparison.Ordinal))
        {
            return FileKind.Unknown;
        }
        var firstLine = start.Split('\n')[0];
        return firstLine.IndexOfAny([',', ';', '\t', '，']) >= 0 ? FileKind.Table : FileKind.Unknown;
    }

    /// <summary>A line that starts like an MT940 field (":20:", ":61:", ":86:"): a bank's fragment may start with any.</summary>
    [GeneratedRegex(@"(?:^|\n)[\u0001\s]*:[0-9]{2}[A-Z]?:", RegexOptions.CultureInvariant)]
    private static partial Regex Mt940Field();

    /// <summary>The first 8 KB as text: enough to see a root element, the first fields or a header row.</summary>
    private static string Head(byte[] bytes) => Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 8192)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static StatementFile Camt(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var statements = CamtReader.Read(stream);
        return new StatementFile(statements.Count > 0 ? statements[0].Format.ToString() : "Camt", statements);
    }

    /// <summary>UTF-8 when the bytes are UTF-8; otherwise the file is from an older export in ISO-8859-1.</summary>
    private static StatementFile Mt940(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var encoding = IsUtf8(bytes) ? Encoding.UTF8 : Encoding.Latin1;
        var statements = Mt940Reader.Read(stream, encoding);
        return new StatementFile(statements.Count > 0 ? statements[0].Format.ToString() : "Mt940", statements);
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The place where a CSV or Excel statement (.csv, .txt, .xls, .xlsx) is handed to the table reader of
    /// Huikuan.Statements, with the account's preset and saved column mapping. Until that reader is here, such files
    /// are refused with a problem that says what can be imported.
    /// </summary>
    /// <summary>
    /// A CSV (any encoding the banks use, comma or tab) or an .xlsx sheet, read by the account's own column mapping, else
    /// its bank's preset, else the preset whose header the file carries. The account chosen gives the statement its
    /// account and currency when the file's preface names none.
    /// </summary>
    private static StatementFile ReadTable(byte[] bytes, BankAccount? account)
    {
        IReadOnlyList<IReadOnlyList<string>> rows = bytes is [0x50, 0x4B, 0x03, 0x04, ..]
            ? WorkbookRows(bytes)
            : bytes is [0xD0, 0xCF, 0x11, 0xE0, ..]
                ? throw new DomainRuleException("bankStatement.oldExcel", "file",
                    "This is an old Excel workbook (.xls); open it in Excel and save it as .xlsx or CSV.")
                : DelimitedText.ReadRows(new MemoryStream(bytes, writable: false)).ToList();
        var layout = Layout(account, rows);
        var statement = TableStatementReader.Read(rows, layout,
            new TableReadOptions { Account = account?.AccountNumber, Currency = account?.Currency });
        return new StatementFile(StatementFormat.Table.ToString(), [statement]);
    }

    private static TableLayout Layout(BankAccount? account, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (account?.ColumnMapping is { Length: > 0 } mapping)
        {
            try
            {
                return JsonSerializer.Deserialize<TableLayout>(mapping, JsonSerializerOptions.Web)
                    ?? throw new JsonException("The mapping is empty.");
            }
            catch (JsonException e)
            {
                throw new DomainRuleException("bankStatement.mapping", "file",
                    $"The column mapping saved on the bank account {account.Name} cannot be read: {e.Message}", account.Name);
            }
        }
        return (account?.TablePreset is { Length: > 0 } name ? TablePresets.Find(name) : null)?.Layout
            ?? TablePresets.Detect(rows)?.Layout
            ?? throw new DomainRuleException("bankStatement.tableLayout", "file",
                "The columns of this CSV/Excel file are not a layout Huikuan knows: choose the bank's layout on the bank account, or save a column mapping there.");
    }

    /// <summary>The first sheet's rows as text: numbers exactly as decimals, dates as yyyy-MM-dd HH:mm:ss, blank rows kept.</summary>
    private static List<IReadOnlyList<string>> WorkbookRows(byte[] bytes)
    {
        var table = XlsxTableReader.Read(bytes, "bankStatement");
        var rows = new List<IReadOnlyList<string>> { table.Headers };
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Text(c.Value)).ToArray()));
        return rows;

        static string Text(object? value) => value switch
        {
            null => "",
            DateTime day => day.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            // A number cell goes through decimal, which keeps the 15 significant digits Excel itself shows: a cell showing
            // 1234.56 is read as exactly 1234.56 (ids longer than that arrive as text).
            IConvertible number and not string and not bool => number.ToDecimal(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
