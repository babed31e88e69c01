using System.Globalization;
using System.Text;
using Huikuan.Statements.Camt;

namespace Huikuan.Statements.Tests.Camt;

/// <summary>Small camt.053 files written in a test, so that each case shows only what it is about.</summary>
internal static class CamtFile
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.04";

    public static string Balance(string code, decimal amount, string day = "2026-11-30") => $"""
        <Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>
          <Amt Ccy="CNY">{Format(Math.Abs(amount))}</Amt><CdtDbtInd>{Indicator(amount)}</CdtDbtInd>
          <Dt><Dt>{day}</Dt></Dt></Bal>
        """;

    public static string Entry(decimal amount, string details = "", bool reversal = false, string reference = "R1") => $"""
        <Ntry><Amt Ccy="CNY">{Format(Math.Abs(amount))}</Amt><CdtDbtInd>{Indicator(amount)}</CdtDbtInd>
          <RvslInd>{(reversal ? "true" : "false")}</RvslInd><Sts>BOOK</Sts>
          <BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-02</Dt></ValDt>
          <AcctSvcrRef>{reference}</AcctSvcrRef>
          <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
          {details}</Ntry>
        """;

    public static string Transaction(decimal amount, string endToEnd, string payer) => $"""
        <TxDtls><Refs><InstrId>I-{endToEnd}</InstrId><EndToEndId>{endToEnd}</EndToEndId></Refs>
          <Amt Ccy="CNY">{Format(amount)}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr><DbtrAcct><Id><Othr><Id>6222{endToEnd}</Id></Othr></Id></DbtrAcct>
          </RltdPties>
          <RmtInf><Ustrd>Invoice</Ustrd><Ustrd>{endToEnd}</Ustrd></RmtInf></TxDtls>
        """;

    public static string Statement(string body, string ns = Namespace) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="{ns}"><BkToCstmrStmt>
          <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-02T08:00:00+08:00</CreDtTm></GrpHdr>
          <Stmt><Id>S1</Id><ElctrncSeqNb>7</ElctrncSeqNb><CreDtTm>2026-12-02T08:00:00+08:00</CreDtTm>
            <Acct><Id><Othr><Id>6222000011112222</Id></Othr></Id><Ccy>CNY</Ccy><Nm>Huikuan Trading</Nm></Acct>
            {body}
          </Stmt>
        </BkToCstmrStmt></Document>
        """;

    public static IReadOnlyList<BankStatement> Read(string xml) =>
        CamtReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static string Format(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Indicator(decimal amount) => amount < 0 ? "DBIT" : "CRDT";
}
