using System.Globalization;
using System.Text;
using System.Xml;

namespace Huikuan.DataGen.Statements;

/// <summary>The file layouts a generated statement can be written in, as banks deliver them.</summary>
public enum StatementFileFormat
{
    /// <summary>ISO 20022 camt.053.001.02, one entry per line with its transaction details.</summary>
    Camt053,

    /// <summary>SWIFT MT940 with a structured :86: field (?20–?29 purpose, ?31 account, ?32/?33 name).</summary>
    Mt940,

    /// <summary>招商银行 enterprise online banking export: GB18030 CSV, preface rows, debit and credit columns.</summary>
    CmbCsv,
}

/// <summary>Writes a <see cref="GenStatement"/> as a bank would: the same lines in each format.</summary>
public static class StatementWriters
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)
        ?? throw new InvalidOperationException("GB18030 is not available.");

    public static string Extension(StatementFileFormat format) => format switch
    {
        StatementFileFormat.Camt053 => ".xml",
        StatementFileFormat.Mt940 => ".sta",
        _ => ".csv",
    };

    public static void Write(GenStatement statement, StatementFileFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case StatementFileFormat.Camt053:
                WriteCamt053(statement, output);
                break;
            case StatementFileFormat.Mt940:
                WriteMt940(statement, output);
                break;
            case StatementFileFormat.CmbCsv:
                WriteCmbCsv(statement, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    public static void WriteCamt053(GenStatement statement, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var xml = XmlWriter.Create(output, settings);
        var ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
        var created = statement.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T18:00:00+08:00";
        var date = statement.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        xml.WriteStartElement("Document", ns);
        xml.WriteStartElement("BkToCstmrStmt");
        xml.WriteStartElement("GrpHdr");
        xml.WriteElementString("MsgId", statement.StatementId);
        xml.WriteElementString("CreDtTm", created);
        xml.WriteEndElement();
        xml.WriteStartElement("Stmt");
        xml.WriteElementString("Id", statement.StatementId);
        xml.WriteElementString("ElctrncSeqNb", "1");
        xml.WriteElementString("CreDtTm", created);
        xml.WriteStartElement("Acct");
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", statement.Iban);
        xml.WriteEndElement();
        xml.WriteElementString("Ccy", statement.Currency);
        xml.WriteEndElement();
        Balance("OPBD", statement.OpeningMinor);
        Balance("CLBD", statement.ClosingMinor);
        foreach (var line in statement.Lines)
        {
            var credit = line.AmountMinor >= 0;
            xml.WriteStartElement("Ntry");
            Amount(line.AmountMinor);
            xml.WriteElementString("CdtDbtInd", credit ? "CRDT" : "DBIT");
            xml.WriteElementString("Sts", "BOOK");
            xml.WriteStartElement("BookgDt");
            xml.WriteElementString("Dt", date);
            xml.WriteEndElement();
            xml.WriteStartElement("ValDt");
            xml.WriteElementString("Dt", date);
            xml.WriteEndElement();
            xml.WriteElementString("AcctSvcrRef", line.BankReference);
            xml.WriteStartElement("BkTxCd");
            xml.WriteStartElement("Domn");
            xml.WriteElementString("Cd", "PMNT");
            xml.WriteStartElement("Fmly");
            xml.WriteElementString("Cd", credit ? "RCDT" : "ICDT");
            xml.WriteElementString("SubFmlyCd", "DMCT");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("NtryDtls");
            xml.WriteStartElement("TxDtls");
            xml.WriteStartElement("Refs");
            xml.WriteElementString("AcctSvcrRef", line.BankReference);
            xml.WriteElementString("EndToEndId", "NOTPROVIDED");
            xml.WriteEndElement();
            var side = credit ? "Dbtr" : "Cdtr";
            xml.WriteStartElement("RltdPties");
            xml.WriteStartElement(side);
            xml.WriteElementString("Nm", line.CounterpartyName);
            xml.WriteEndElement();
            if (line.CounterpartyAccount is { } account)
            {
                xml.WriteStartElement(side + "Acct");
                xml.WriteStartElement("Id");
                xml.WriteStartElement("Othr");
                xml.WriteElementString("Id", account);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteStartElement("RmtInf");
            xml.WriteElementString("Ustrd", line.RemittanceText);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        void Balance(string code, long minor)
        {
            xml.WriteStartElement("Bal");
            xml.WriteStartElement("Tp");
            xml.WriteStartElement("CdOrPrtry");
            xml.WriteElementString("Cd", code);
            xml.WriteEndElement();
            xml.WriteEndElement();
            Amount(minor);
            xml.WriteElementString("CdtDbtInd", minor >= 0 ? "CRDT" : "DBIT");
            xml.WriteStartElement("Dt");
            xml.WriteElementString("Dt", date);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        void Amount(long minor)
        {
            xml.WriteStartElement("Amt");
            xml.WriteAttributeString("Ccy", statement.Currency);
            xml.WriteString(Decimal(Math.Abs(minor), "."));
            xml.WriteEndElement();
        }
    }

    /// <summary>
    /// MT940 as a bank's host-to-host channel delivers it: UTF-8 (Chinese names are kept rather than transliterated),
    /// the :61: reference the bank's serial number, the :86: purpose cut into 27-character sub-fields.
    /// </summary>
    public static void WriteMt940(GenStatement statement, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        var yymmdd = statement.Day.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var mmdd = statement.Day.ToString("MMdd", CultureInfo.InvariantCulture);
        writer.WriteLine(":20:" + statement.StatementId);
        writer.WriteLine(":25:" + statement.Iban);
        writer.WriteLine(":28C:1/1");
        writer.WriteLine(":60F:" + Mark(statement.OpeningMinor) + yymmdd + statement.Currency + Decimal(Math.Abs(statement.OpeningMinor), ","));
        foreach (var line in statement.Lines)
        {
            var code = line.AmountMinor >= 0 ? "NTRF" : "NMSC";
            writer.WriteLine(":61:" + yymmdd + mmdd + (line.AmountMinor >= 0 ? "C" : "D") + Decimal(Math.Abs(line.AmountMinor), ",") + code + "NONREF//" + line.BankReference);
            var info = new StringBuilder(line.AmountMinor >= 0 ? "166" : "177");
            info.Append("?00").Append(line.AmountMinor >= 0 ? "转账收入" : "转账支出");
            var purpose = Chunks(line.RemittanceText, 27, 10);
            for (var i = 0; i < purpose.Count; i++)
            {
                info.Append('?').Append((20 + i).ToString(CultureInfo.InvariantCulture)).Append(purpose[i]);
            }
            if (line.CounterpartyAccount is { } account)
            {
                info.Append("?31").Append(account);
            }
            var name = Chunks(line.CounterpartyName, 27, 2);
            for (var i = 0; i < name.Count; i++)
            {
                info.Append('?').Append((32 + i).ToString(CultureInfo.InvariantCulture)).Append(name[i]);
            }
            var text = ":86:" + info;
            for (var at = 0; at < text.Length;)
            {
                var end = Math.Min(text.Length, at + 65);
                // Readers trim each line, so a line must not begin or end with a space; nor may it begin like a tag or the end mark.
                while (end < text.Length && end > at + 1 && (text[end - 1] == ' ' || text[end] is ' ' or ':' or '-'))
                {
                    end--;
                }
                writer.WriteLine(text[at..end]);
                at = end;
            }
        }
        writer.WriteLine(":62F:" + Mark(statement.ClosingMinor) + yymmdd + statement.Currency + Decimal(Math.Abs(statement.ClosingMinor), ","));
        writer.WriteLine("-");

        static string Mark(long minor) => minor >= 0 ? "C" : "D";
    }

    /// <summary>招商银行's layout: preface rows, the full header, money in 贷方金额 and out in 借方金额, GB18030.</summary>
    public static void WriteCmbCsv(GenStatement statement, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var writer = new StreamWriter(output, Gb18030, leaveOpen: true) { NewLine = "\r\n" };
        var day = statement.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        writer.WriteLine(Csv(["公司名称", "生成数据公司"]));
        writer.WriteLine(Csv(["银行帐号", statement.AccountNumber]));
        writer.WriteLine(Csv(["查询开始日期", day]));
        writer.WriteLine(Csv(["查询结束日期", day]));
        writer.WriteLine();
        writer.WriteLine(Csv([
            "交易日", "交易时间", "起息日", "交易类型", "借方金额", "贷方金额", "余额", "摘要", "流水号", "流程实例号", "业务名称", "用途",
            "业务参考号", "业务摘要", "其它摘要", "收/付方分行名", "收/付方名称", "收/付方帐号", "收/付方开户行行号", "收/付方开户行名",
            "收/付方开户行地址", "母/子公司帐号分行名", "母/子公司帐号", "母/子公司名称", "信息标志", "有否附件信息", "冲帐标志",
            "扩展摘要", "交易分析码", "票据号", "商务支付订单号", "内部编号",
        ]));
        var balance = statement.OpeningMinor;
        var seconds = 8 * 3600;
        foreach (var line in statement.Lines)
        {
            balance += line.AmountMinor;
            seconds = Math.Min(seconds + 17, (23 * 3600) + 3599);
            var time = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)).ToString("HHmmss", CultureInfo.InvariantCulture);
            var debit = line.AmountMinor < 0 ? Thousands(-line.AmountMinor) : string.Empty;
            var credit = line.AmountMinor >= 0 ? Thousands(line.AmountMinor) : string.Empty;
            writer.WriteLine(Csv([
                day, time, day, line.AmountMinor >= 0 ? "汇入汇款" : "汇出汇款", debit, credit, Thousands(balance),
                line.AmountMinor >= 0 ? "转账收入" : "转账支出", line.BankReference, string.Empty, "企业银行", line.RemittanceText,
                string.Empty, string.Empty, string.Empty, string.Empty, line.CounterpartyName, line.CounterpartyAccount ?? string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "0", "N", "N",
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
            ]));
        }
        writer.WriteLine(Csv(["合计", string.Empty, string.Empty, string.Empty,
            Thousands(-statement.Lines.Where(l => l.AmountMinor < 0).Sum(l => l.AmountMinor)),
            Thousands(statement.Lines.Where(l => l.AmountMinor >= 0).Sum(l => l.AmountMinor))]));
    }

    private static List<string> Chunks(string text, int size, int most)
    {
        var chunks = new List<string>();
        for (var at = 0; at < text.Length && chunks.Count < most; at += size)
        {
            chunks.Add(text[at..Math.Min(text.Length, at + size)]);
        }
        return chunks;
    }

    private static string Decimal(long minor, string separator) =>
        (minor / 100).ToString(CultureInfo.InvariantCulture) + separator + (minor % 100).ToString("D2", CultureInfo.InvariantCulture);

    private static string Thousands(long minor)
    {
        var sign = minor < 0 ? "-" : string.Empty;
        minor = Math.Abs(minor);
        return sign + (minor / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (minor % 100).ToString("D2", CultureInfo.InvariantCulture);
    }

    private static string Csv(IEnumerable<string> cells) =>
        string.Join(",", cells.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
}
