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
        return
        [
            new StatementWarning(
                "statement.unbalanced",
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"Opening {opening.Amount} {opening.Currency} plus {lines.Count} lines gives {expected}, " +
                    $"but the closing balance is {closing.Amount} {closing.Currency}.")),
        ];
    }
}
