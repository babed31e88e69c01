using System.Globalization;
using System.Xml.Linq;

namespace Huikuan.Statements.Camt;

/// <summary>A statement's Bal elements, and the check that its booked lines lead from opening to closing.</summary>
internal static class CamtBalances
{
    public static StatementBalance Read(XElement balance)
    {
        var amount = balance.Child("Amt")
                     ?? throw new StatementFormatException("a balance without an amount", balance.Line());
        var indicator = balance.Child("CdtDbtInd")
                        ?? throw new StatementFormatException("a balance without CdtDbtInd", balance.Line());
        var date = CamtXml.DateChoice(balance.Child("Dt"))
                   ?? throw new StatementFormatException("a balance without a date", balance.Line());
        var code = balance.Text("Tp", "CdOrPrtry", "Cd") ?? balance.Text("Tp", "CdOrPrtry", "Prtry");
        return new StatementBalance(
            KindOf(code), date, CamtXml.Signed(CamtXml.Amount(amount), indicator), CamtXml.Currency(amount), code);
    }

    /// <summary>
    /// ISO's balance codes in our kinds. ITBD (interim booked) closes an intraday part, as MT940's :62M: does;
    /// PRCD (previously closed booked) is only an opening balance when there is no OPBD, decided once all are read.
    /// </summary>
    private static BalanceKind KindOf(string? code) => code switch
    {
        "OPBD" => BalanceKind.Opening,
        "CLBD" => BalanceKind.Closing,
        "ITBD" => BalanceKind.InterimClosing,
        "CLAV" => BalanceKind.ClosingAvailable,
        "FWAV" => BalanceKind.ForwardAvailable,
        _ => BalanceKind.Other,
    };

    /// <summary>Some banks state the previous statement's closing (PRCD) instead of an opening balance.</summary>
    public static List<StatementBalance> WithPreviouslyClosedAsOpening(List<StatementBalance> balances)
    {
        if (balances.Any(b => b.Kind == BalanceKind.Opening))
        {
            return balances;
        }

        var previous = balances.FindIndex(b => b.Code == "PRCD");
        if (previous >= 0)
        {
            balances[previous] = balances[previous] with { Kind = BalanceKind.Opening };
        }

        return balances;
    }

    /// <summary>
    /// Opening plus the booked lines must give the closing balance. A file that does not is still imported (the bank
    /// said so), but never silently: the difference is a warning. Pending lines (Sts PDNG, INFO) do not count.
    /// </summary>
    public static IEnumerable<StatementWarning> Check(BankStatement statement)
    {
        if (statement.Opening is not { } opening || statement.Closing is not { } closing)
        {
            yield break;
        }

        if (opening.Currency != closing.Currency)
        {
            yield return new StatementWarning(StatementWarningCodes.BalanceCurrencies,
                $"Statement {statement.StatementId}: opening in {opening.Currency}, closing in {closing.Currency}.")
            {
                Values = [opening.Currency, closing.Currency],
            };
            yield break;
        }

        var movements = statement.Lines.Where(IsBooked).Sum(l => l.Amount);
        if (opening.Amount + movements != closing.Amount)
        {
            var invariant = CultureInfo.InvariantCulture;
            yield return new StatementWarning(StatementWarningCodes.Unbalanced, string.Create(invariant,
                $"Statement {statement.StatementId}: opening {opening.Amount} + lines {movements} = ")
                + string.Create(invariant,
                    $"{opening.Amount + movements}, but closing is {closing.Amount} {closing.Currency}."))
            {
                Values =
                [
                    opening.Amount.ToString(invariant), movements.ToString(invariant),
                    (opening.Amount + movements).ToString(invariant), closing.Amount.ToString(invariant), closing.Currency,
                ],
            };
        }
    }

    private static bool IsBooked(StatementLine line) =>
        !line.Details.TryGetValue("Sts", out var status) || status == "BOOK";
}
