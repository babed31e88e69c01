using System.Text;
using System.Text.RegularExpressions;
using Huikuan.Domain;
using Huikuan.Statements;
using Huikuan.Statements.Camt;
using Huikuan.Statements.Mt940;
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
    private static StatementFile ReadTable(byte[] bytes, BankAccount? account)
    {
        _ = bytes;
        _ = account;
        throw new DomainRuleException("bankStatement.tableNotYet", "file",
            "Bank statements in CSV or Excel layouts cannot be imported yet; upload the bank's camt.053/054 or MT940 file.");
    }
}
