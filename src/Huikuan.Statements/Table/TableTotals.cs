namespace Huikuan.Statements.Table;

/// <summary>
/// The totals a summary block states (微信支付: 应结订单总金额, 退款总金额 and 手续费总金额 in one row, their values in
/// the row under it), checked against the lines: a bill without a balance column has nothing else to say that a row is
/// missing or was read wrong. Payments are the lines that are neither refunds nor fees; refunds and fees are summed as
/// sizes, a fee given back with its refund counting against them.
/// </summary>
internal sealed class TableTotals(TableLayout layout)
{
    private readonly HashSet<string>[] labels =
    [
        layout.TotalPaid.Select(TableColumns.Key).ToHashSet(),
        layout.TotalRefunded.Select(TableColumns.Key).ToHashSet(),
        layout.TotalFees.Select(TableColumns.Key).ToHashSet(),
    ];

    private readonly decimal?[] stated = new decimal?[3];
    private readonly string[] statedLabels = ["", "", ""];

    /// <summary>The columns of the row of total labels just seen, by which total each is.</summary>
    private List<(int Column, int Total)>? pending;

    /// <summary>Takes a row of a summary block: a row of total labels, or the values under the one before.</summary>
    public void Take(IReadOnlyList<string> row)
    {
        if (pending is { } under)
        {
            pending = null;
            foreach (var (column, total) in under)
            {
                if (column < row.Count && TableValues.TryMoney(row[column], out var value) && value is { } amount)
                {
                    stated[total] ??= amount;
                }
            }
            return;
        }
        var found = new List<(int Column, int Total)>();
        for (var column = 0; column < row.Count; column++)
        {
            var key = TableColumns.Key(row[column]);
            for (var total = 0; total < labels.Length; total++)
            {
                if (key.Length > 0 && labels[total].Contains(key) && stated[total] is null)
                {
                    found.Add((column, total));
                    statedLabels[total] = row[column];
                }
            }
        }
        pending = found.Count > 0 ? found : null;
    }

    /// <summary>A warning naming each total the lines do not give, or null when all agree or none was stated.</summary>
    public StatementWarning? Check(IEnumerable<StatementLine> lines)
    {
        if (stated.All(s => s is null))
        {
            return null;
        }
        var all = lines.ToList();
        decimal[] given =
        [
            all.Where(l => l.TransactionCode is not (TableStatementReader.FeeCode or TableStatementReader.RefundCode))
                .Sum(l => l.Amount),
            -all.Where(l => l.TransactionCode == TableStatementReader.RefundCode).Sum(l => l.Amount),
            -all.Where(l => l.TransactionCode == TableStatementReader.FeeCode).Sum(l => l.Amount),
        ];
        var differ = Enumerable.Range(0, stated.Length)
            .Where(t => stated[t] is { } s && s != given[t])
            .Select(t => (statedLabels[t], stated[t]!.Value, given[t]))
            .ToList();
        return differ.Count == 0 ? null : TableWarnings.TotalsDiffer(differ);
    }
}
