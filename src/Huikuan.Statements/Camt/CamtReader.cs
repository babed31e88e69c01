using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Huikuan.Statements.Camt;

/// <summary>
/// Reads ISO 20022 bank-to-customer messages: camt.052 account reports, camt.053 statements and camt.054
/// debit/credit notifications, any version. Each Rpt, Stmt or Ntfctn becomes one <see cref="BankStatement"/>.
/// The file is streamed: only one child of a statement (a balance, an entry) is held as a tree at a time.
/// Bank files come from outside, so DTDs are refused and nothing is ever resolved.
/// </summary>
public static partial class CamtReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 1_024,
    };

    /// <summary>
    /// Reads every statement in the message; throws <see cref="StatementFormatException"/> and nothing else.
    /// </summary>
    public static IReadOnlyList<BankStatement> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = XmlReader.Create(stream, Settings);
        try
        {
            return ReadMessage(reader);
        }
        catch (XmlException e)
        {
            throw new StatementFormatException(e.Message, e.LineNumber > 0 ? e.LineNumber : null);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException
                                      or InvalidOperationException)
        {
            throw new StatementFormatException($"{LineOf(reader)}not a readable camt file: {e.Message}", e);
        }
    }

    private static List<BankStatement> ReadMessage(XmlReader reader)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Document")
        {
            throw new StatementFormatException($"expected a camt Document, found <{reader.LocalName}>", LineNumber(reader));
        }

        var format = ReadToMessageKind(reader);
        var recordName = format switch
        {
            StatementFormat.Camt052 => "Rpt",
            StatementFormat.Camt053 => "Stmt",
            _ => "Ntfctn",
        };
        var statements = new List<BankStatement>();
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == recordName)
            {
                statements.Add(CamtStatementReader.Read(reader, format));
            }
            else
            {
                reader.Skip();
            }
        }

        if (statements.Count == 0)
        {
            throw new StatementFormatException($"the message holds no {recordName}: there is nothing to import");
        }

        return statements;
    }

    /// <summary>
    /// The message kind is the Document's child, whatever its namespace says; version 1 suffixed it
    /// (BkToCstmrAcctRptV01).
    /// </summary>
    private static StatementFormat ReadToMessageKind(XmlReader reader)
    {
        if (!reader.Read() || reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new StatementFormatException("the Document is empty", LineNumber(reader));
        }

        return VersionSuffix().Replace(reader.LocalName, "") switch
        {
            "BkToCstmrAcctRpt" => StatementFormat.Camt052,
            "BkToCstmrStmt" => StatementFormat.Camt053,
            "BkToCstmrDbtCdtNtfctn" => StatementFormat.Camt054,
            var other => throw new StatementFormatException(
                $"<{other}> is not a camt.052, camt.053 or camt.054 message", LineNumber(reader)),
        };
    }

    /// <summary>Loads the element under the reader, with line numbers for messages, and moves past it.</summary>
    internal static XElement LoadChild(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        reader.Read();
        return element;
    }

    internal static int? LineNumber(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    [GeneratedRegex("V[0-9]{2}$")]
    private static partial Regex VersionSuffix();

    private static string LineOf(XmlReader reader) =>
        LineNumber(reader) is { } line ? $"Line {line}: " : "";
}
