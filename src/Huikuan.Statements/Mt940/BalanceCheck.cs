namespace Huikuan.Statements.Mt940;

/// <summary>
/// Opening balance plus the lines must give the closing balance. Banks do send statements that do not (a missing page,
/// a fragment), and such a file is still worth importing, so the check warns instead of refusing.
/// </summary>
internal static class BalanceCheck
{
    public static IReadOnlyList<StatementWarning> Check(
        IReadOnlyList<StatementBalance> balances, IReadOnlyList<StatementLine> lines)
    {
        var opening = balances.FirstOrDefault(b => b.Kind is BalanceKind.Opening or BalanceKind.InterimOpening);
        var closing = balances.LastOrDefault(b => b.Kind is BalanceKind.Closing or BalanceKind.InterimClosing);
        if (opening is null || closing is null)
        {
            return [];
        }
        var expected = opening.Amount + lines.Sum(l => l.Amount);
        if (expected == closing.Amount && opening.Currency == closing.Currency)
        {
            return [];
        }
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var message = string.Create(invariant,
            $"Opening {opening.Amount} {opening.Currency} plus {lines.Count} lines gives {expected}, " +
            $"but the closing balance is {closing.Amount} {closing.Currency}.");
        if (opening.Currency != closing.Currency)
        {
            return [new(StatementWarningCodes.BalanceCurrencies, message) { Values = [opening.Currency, closing.Currency] }];
        }
        return
        [
            new(StatementWarningCodes.Unbalanced, message)
            {
                Values =
                [
                    opening.Amount.ToString(invariant), (expected - opening.Amount).ToString(invariant),
                    expected.ToString(invariant), closing.Amount.ToString(invariant), closing.Currency,
                ],
            },
        ];
    }
}
