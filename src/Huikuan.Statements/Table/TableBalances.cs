namespace Huikuan.Statements.Table;

/// <summary>
/// The opening and closing balances from a balance column: the balance before the first movement (its balance minus
/// what it moved) and the balance after the last. Wallets often list the newest row first: when the last row's date is
/// before the first's, the rows are taken from the bottom up; when all rows share a day, in the order in which the
/// balances follow. Each balance must follow from the one before plus the row's movement (and its fee); where it does
/// not, a row is missing or wrong, and a warning names it.
/// </summary>
internal static class TableBalances
{
    public static IReadOnlyList<StatementBalance> Of(
        IReadOnlyList<TableRow> rows, string currency, out IReadOnlyList<StatementWarning> breaks)
    {
        breaks = [];
        if (!rows.Any(r => r.Balance is not null))
        {
            return [];
        }
        var forward = Follow(rows.ToList(), currency);
        var backward = Follow(rows.Reverse().ToList(), currency);
        var chosen = rows[0].Date != rows[^1].Date
            ? rows[^1].Date < rows[0].Date ? backward : forward
            : backward.Breaks.Count < forward.Breaks.Count ? backward : forward;
        breaks = chosen.Breaks;
        return chosen.Balances;
    }

    /// <summary>The opening and closing balances of the rows in the order they were booked, and where they break.</summary>
    private static (List<StatementBalance> Balances, List<StatementWarning> Breaks) Follow(
        List<TableRow> ordered, string currency)
    {
        var breaks = new List<StatementWarning>();
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
                    breaks.Add(TableWarnings.Break(row.Number, running, balance));
                }
                running = balance;
            }
        }
        List<StatementBalance> balances =
        [
            new(BalanceKind.Opening, ordered[0].Date, opening, currency),
            new(BalanceKind.Closing, ordered[^1].Date, running, currency),
        ];
        return (balances, breaks);
    }
}
