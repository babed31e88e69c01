namespace Huikuan.Statements.Table;

/// <summary>
/// The opening and closing balances from a balance column: the balance before the first movement (its balance minus
/// what it moved) and the balance after the last. Wallets often list the newest row first: when the last row's date is
/// before the first's, the rows are taken from the bottom up. Each balance must follow from the one before plus the
/// row's movement (and its fee); where it does not, a row is missing or wrong, and a warning names it.
/// </summary>
internal static class TableBalances
{
    public static IReadOnlyList<StatementBalance> Of(
        IReadOnlyList<TableRow> rows, string currency, out IReadOnlyList<StatementWarning> breaks)
    {
        var found = new List<StatementWarning>();
        breaks = found;
        if (!rows.Any(r => r.Balance is not null))
        {
            return [];
        }
        var ordered = rows[^1].Date < rows[0].Date ? rows.Reverse().ToList() : rows.ToList();
        var firstStated = ordered.FindIndex(r => r.Balance is not null);
        var running = ordered[firstStated].Balance!.Value;
        var opening = running - ordered.Take(firstStated + 1).Sum(r => r.Total);
        foreach (var row in ordered.Skip(firstStated + 1))
        {
            running += row.Total;
            if (row.Balance is { } balance)
            {
                if (balance != running)
                {
                    found.Add(TableWarnings.Break(row.Number, running, balance));
                }
                running = balance;
            }
        }
        return
        [
            new StatementBalance(BalanceKind.Opening, ordered[0].Date, opening, currency),
            new StatementBalance(BalanceKind.Closing, ordered[^1].Date, running, currency),
        ];
    }
}
