using System.Xml.Linq;

namespace Huikuan.Statements.Camt;

/// <summary>
/// One TxDtls laid over its entry's line: the transaction's references, parties, agents and remittance. The entry's
/// dates and bank reference stay; the counterparty is the debtor for money in and the creditor for money out.
/// </summary>
internal static class CamtTransaction
{
    /// <summary>
    /// The transaction's amount in the entry's currency (from v4 on Amt, before that AmtDtls/TxAmt/Amt), signed by
    /// its own CdtDbtInd when it has one (a net batch may hold a part that goes the other way) or else like the entry;
    /// null when it states no amount in the entry's currency.
    /// </summary>
    public static decimal? Amount(XElement transaction, StatementLine entry, bool signedLikeEntry)
    {
        var amount = new[] { transaction.Child("Amt"), transaction.Child("AmtDtls", "TxAmt", "Amt") }
            .FirstOrDefault(a => a is not null && CamtXml.Currency(a) == entry.Currency);
        if (amount is null)
        {
            return null;
        }

        var value = CamtXml.Amount(amount);
        return transaction.Child("CdtDbtInd") is { } indicator && !signedLikeEntry
            ? CamtXml.Signed(value, indicator)
            : entry.Amount < 0 ? -value : value;
    }

    public static StatementLine Apply(StatementLine line, XElement transaction, decimal? amount)
    {
        var details = new Dictionary<string, string>(line.Details);
        var refs = transaction.Child("Refs");
        CamtEntryReader.Put(details, "AcctSvcrRef", refs.Text("AcctSvcrRef"));
        CamtEntryReader.Put(details, "MsgId", refs.Text("MsgId"));
        CamtEntryReader.Put(details, "PmtInfId", refs.Text("PmtInfId"));
        CamtEntryReader.Put(details, "TxId", refs.Text("TxId"));
        CamtEntryReader.Put(details, "MndtId", refs.Text("MndtId"));
        CamtEntryReader.Put(details, "UETR", refs.Text("UETR"));
        CamtEntryReader.Put(details, "AddtlTxInf", transaction.Text("AddtlTxInf"));
        CamtEntryReader.Put(details, "AddtlRmtInf", transaction.Text("RmtInf", "Strd", "AddtlRmtInf"));
        var parties = transaction.Child("RltdPties");
        var moneyIn = (amount ?? line.Amount) >= 0;
        var side = moneyIn ? "Dbtr" : "Cdtr";
        CamtEntryReader.Put(details, "UltmtDbtr", PartyName(parties.Child("UltmtDbtr")));
        CamtEntryReader.Put(details, "UltmtCdtr", PartyName(parties.Child("UltmtCdtr")));
        var code = CamtEntryReader.TransactionCode(transaction.Child("BkTxCd"));
        return line with
        {
            Amount = amount ?? line.Amount,
            BankReference = line.BankReference ?? refs.Text("AcctSvcrRef"),
            CustomerReference = refs.Text("InstrId"),
            EndToEndId = refs.Text("EndToEndId"),
            TransactionCode = code ?? line.TransactionCode,
            CounterpartyName = PartyName(parties.Child(side)),
            CounterpartyAccount = CamtXml.AccountId(parties.Child(side + "Acct")),
            CounterpartyBank = Agent(transaction.Child("RltdAgts", side + "Agt")),
            RemittanceText = Unstructured(transaction.Child("RmtInf")),
            StructuredReference = transaction.Child("RmtInf").Children("Strd")
                .Select(s => s.Text("CdtrRefInf", "Ref")).FirstOrDefault(r => r is not null),
            Details = details,
        };
    }

    /// <summary>
    /// The party's name: v2–v7 write Dbtr/Nm, v8 and later Dbtr/Pty/Nm, or Dbtr/Agt/FinInstnId/Nm when the party is
    /// a bank.
    /// </summary>
    private static string? PartyName(XElement? party) =>
        party.Text("Nm") ?? party.Text("Pty", "Nm") ?? party.Text("Agt", "FinInstnId", "Nm");

    /// <summary>The agent's BIC (BIC before v4, BICFI after), else its name.</summary>
    private static string? Agent(XElement? agent) =>
        agent.Text("FinInstnId", "BICFI") ?? agent.Text("FinInstnId", "BIC") ?? agent.Text("FinInstnId", "Nm");

    private static string? Unstructured(XElement? remittance)
    {
        var parts = remittance.Children("Ustrd").Select(u => u.Value.Trim()).Where(u => u.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
