using System.Xml;
using System.Xml.Linq;

namespace Huikuan.Statements.Camt;

/// <summary>
/// Reads one Stmt, Rpt or Ntfctn child by child, so that a statement of many entries never sits in memory as one tree.
/// </summary>
internal static class CamtStatementReader
{
    public static BankStatement Read(XmlReader reader, StatementFormat format)
    {
        var header = new XElement("Header");
        var balances = new List<StatementBalance>();
        var lines = new List<StatementLine>();
        var warnings = new List<StatementWarning>();
        var depth = reader.Depth;
        var empty = reader.IsEmptyElement;
        reader.Read();
        while (!empty && reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var child = CamtReader.LoadChild(reader);
            switch (child.Name.LocalName)
            {
                case "Bal":
                    balances.Add(CamtBalances.Read(child));
                    break;
                case "Ntry":
                    lines.AddRange(CamtEntryReader.Read(child, lines.Count, warnings));
                    break;
                case "Id" or "ElctrncSeqNb" or "CreDtTm" or "Acct":
                    header.Add(child);
                    break;
                default:
                    break;
            }
        }

        if (!empty)
        {
            reader.Read();
        }

        balances = CamtBalances.WithPreviouslyClosedAsOpening(balances);
        var statement = new BankStatement
        {
            Format = format,
            StatementId = header.Text("Id"),
            SequenceNumber = header.Text("ElctrncSeqNb"),
            CreatedAt = CamtXml.Instant(header.Child("CreDtTm")),
            Account = CamtXml.AccountId(header.Child("Acct")),
            AccountName = header.Text("Acct", "Nm"),
            Currency = header.Text("Acct", "Ccy") ?? CurrencyOf(balances, lines),
            Balances = balances,
            Lines = lines,
        };
        warnings.AddRange(CamtBalances.Check(statement));
        return statement with { Warnings = warnings };
    }

    /// <summary>
    /// Without Acct/Ccy the account's currency is the opening balance's, else any balance's, else the first line's;
    /// a statement with none of these (an empty notification) says XXX, ISO 4217's "no currency".
    /// </summary>
    private static string CurrencyOf(List<StatementBalance> balances, List<StatementLine> lines) =>
        balances.FirstOrDefault(b => b.Kind == BalanceKind.Opening)?.Currency
        ?? balances.FirstOrDefault()?.Currency
        ?? lines.FirstOrDefault()?.Currency
        ?? "XXX";
}
