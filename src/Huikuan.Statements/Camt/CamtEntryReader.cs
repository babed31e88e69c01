using System.Globalization;
using System.Xml.Linq;

namespace Huikuan.Statements.Camt;

/// <summary>
/// One Ntry into statement lines. A batch booking (several TxDtls) is split into one line per transaction when the
/// transactions' amounts add up to the entry; otherwise the entry stays one line, since the booked amount is what the
/// balance moves by, and a warning says it could not be split.
/// </summary>
internal static class CamtEntryReader
{
    public static IEnumerable<StatementLine> Read(XElement entry, int index, List<StatementWarning> warnings)
    {
        var line = EntryLine(entry, index);
        var transactions = entry.Children("NtryDtls").SelectMany(d => d.Children("TxDtls")).ToList();
        if (transactions.Count == 0)
        {
            return [line];
        }

        if (transactions.Count == 1)
        {
            return [CamtTransaction.Apply(line, transactions[0], amount: null)];
        }

        // Some banks mark every part of a debit batch CRDT, so the entry's sign is tried when the parts' own fail.
        foreach (var signedLikeEntry in new[] { false, true })
        {
            var amounts = transactions.Select(t => CamtTransaction.Amount(t, line, signedLikeEntry)).ToList();
            if (amounts.All(a => a is not null) && amounts.Sum(a => a!.Value) == line.Amount)
            {
                return transactions
                    .Select((t, i) => CamtTransaction.Apply(line with { Index = index + i }, t, amounts[i]))
                    .ToList();
            }
        }

        warnings.Add(new StatementWarning(StatementWarningCodes.BatchUnsplit, string.Create(CultureInfo.InvariantCulture,
            $"Line {entry.Line()}: the {transactions.Count} transactions of the entry of ")
            + string.Create(CultureInfo.InvariantCulture, $"{line.Amount} {line.Currency}")
            + " do not add up to it; it is kept as one line.")
        {
            Line = index,
            Values =
            [
                transactions.Count.ToString(CultureInfo.InvariantCulture),
                line.Amount.ToString(CultureInfo.InvariantCulture), line.Currency,
            ],
        });
        var kept = CamtTransaction.Apply(line, transactions[0], amount: null);
        var count = transactions.Count.ToString(CultureInfo.InvariantCulture);
        return [kept with { Details = With(kept.Details, "NbOfTxDtls", count) }];
    }

    /// <summary>The entry's own fields; its CdtDbtInd is its effect on the account, for a reversal too (ISO's rule).</summary>
    private static StatementLine EntryLine(XElement entry, int index)
    {
        var amount = entry.Child("Amt") ?? throw new StatementFormatException("an entry without an amount", entry.Line());
        var indicator = entry.Child("CdtDbtInd")
                        ?? throw new StatementFormatException("an entry without CdtDbtInd", entry.Line());
        var details = new Dictionary<string, string>();
        Put(details, "Sts", entry.Text("Sts", "Cd") ?? entry.Text("Sts"));
        Put(details, "NtryRef", entry.Text("NtryRef"));
        Put(details, "AddtlNtryInf", entry.Text("AddtlNtryInf"));
        Put(details, "BatchMsgId", entry.Text("NtryDtls", "Btch", "MsgId"));
        Put(details, "PmtInfId", entry.Text("NtryDtls", "Btch", "PmtInfId"));
        return new StatementLine
        {
            Index = index,
            Amount = CamtXml.Signed(CamtXml.Amount(amount), indicator),
            Currency = CamtXml.Currency(amount),
            Reversal = IsReversal(entry.Child("RvslInd")),
            BookingDate = CamtXml.DateChoice(entry.Child("BookgDt")),
            ValueDate = CamtXml.DateChoice(entry.Child("ValDt")),
            BankReference = entry.Text("AcctSvcrRef"),
            TransactionCode = TransactionCode(entry.Child("BkTxCd")),
            Details = details,
        };
    }

    private static bool IsReversal(XElement? indicator) => indicator?.Value.Trim() switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw new StatementFormatException($"'{CamtXml.Shorten(other)}' is not a RvslInd", indicator.Line()),
    };

    /// <summary>Domain/family/sub-family (PMNT/RCDT/ESCT) when given, else the bank's proprietary code.</summary>
    public static string? TransactionCode(XElement? code)
    {
        var domain = code.Text("Domn", "Cd");
        var family = code.Text("Domn", "Fmly", "Cd");
        var subFamily = code.Text("Domn", "Fmly", "SubFmlyCd");
        return domain is not null ? string.Join('/', new[] { domain, family, subFamily }.Where(p => p is not null))
            : code.Text("Prtry", "Cd");
    }

    public static void Put(Dictionary<string, string> details, string key, string? value)
    {
        if (value is not null)
        {
            details[key] = value;
        }
    }

    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string> details, string key, string value) =>
        new(details) { [key] = value };
}
