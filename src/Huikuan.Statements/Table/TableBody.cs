using System.Text.RegularExpressions;

namespace Huikuan.Statements.Table;

/// <summary>
/// The rows after the header: data rows read into lines, blank rows passed over, summary blocks set aside. A summary
/// block starts at a row whose first cell starts like a total (the layout's 合计, 总计, #, ——; and whatever the
/// layout, 小计, 本页合计, 本日合计, 共 3 笔, 笔数) and lasts until a row with a date in the date column, so a subtotal
/// between days does not swallow the days after it.
/// </summary>
internal sealed class TableBody(TableColumns columns, TableLayout layout, string currency)
{
    private readonly TableRowReader reader = new(columns, layout, currency);
    private readonly TableTotals totals = new(layout);
    private readonly List<TableRow> rows = [];
    private readonly List<StatementWarning> warnings = [];
    private readonly string[] summaryStarts =
        layout.SummaryStarts.Select(TableValues.Narrow).Where(s => s.Length > 0).ToArray();
    private (int First, int Last, string Start)? summary;

    public string Currency => currency;

    public IReadOnlyList<TableRow> Rows => rows;

    /// <summary>The warnings of the rows, with the summary block the table ended in.</summary>
    public IReadOnlyList<StatementWarning> Finish()
    {
        if (summary is not null)
        {
            warnings.Add(EndSummary());
        }
        if (reader.Unmoved.Count > 0)
        {
            warnings.Add(TableWarnings.NoMoney(columns.LabelOf(columns.Status!.Value), reader.Unmoved));
        }
        if (totals.Check(rows.SelectMany(r => r.Lines)) is { } differ)
        {
            warnings.Add(differ);
        }
        return warnings;
    }

    public void Take(IReadOnlyList<string> row, int number)
    {
        var first = row.FirstOrDefault(c => c.Length > 0);
        if (first is null)
        {
            return;
        }
        var narrow = TableValues.Narrow(first);
        if (summaryStarts.Any(s => narrow.StartsWith(s, StringComparison.Ordinal)) || Totals.IsMatch(narrow))
        {
            summary = summary is { } block ? block with { Last = number } : (number, number, first);
            totals.Take(row);
            return;
        }
        if (summary is { } open)
        {
            if (!StartsWithDate(row))
            {
                summary = open with { Last = number };
                totals.Take(row);
                return;
            }
            warnings.Add(EndSummary());
        }
        if (reader.Read(row, number, warnings) is { } read)
        {
            rows.Add(read);
        }
    }

    /// <summary>Every row's lines in file order, numbered.</summary>
    public List<StatementLine> Lines() =>
        rows.SelectMany(r => r.Lines).Select((line, index) => line with { Index = index }).ToList();

    /// <summary>
    /// Once every row is read: a trade whose fee was charged on a row of its own (支付宝 收费) keeps that row as its fee,
    /// and its fee column, which says the same fee again, books nothing; so the lines add up to what the balance moved.
    /// </summary>
    public void Settle()
    {
        var charged = rows.Where(r => r.IsFeeRow && r.Trade is not null).Select(r => r.Trade!)
            .ToHashSet(StringComparer.Ordinal);
        if (charged.Count == 0)
        {
            return;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsFeeRow && rows[i].Trade is { } trade && charged.Contains(trade))
            {
                rows[i] = rows[i].WithoutColumnFee();
            }
        }
    }

    /// <summary>Totals every bank writes: a company named 共青城… is not 共 3 笔.</summary>
    private static readonly Regex Totals = new(
        @"^(?:本页|当页|本日|当日|本月)?(?:合计|小计|总计)|^共\s*[0-9]+\s*[笔条]|^总?笔数",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private bool StartsWithDate(IReadOnlyList<string> row) =>
        columns.BookingDate is { } column && column < row.Count
        && TableValues.TryDate(row[column], out var date, out _) && date is not null;

    private StatementWarning EndSummary()
    {
        var (first, last, start) = summary!.Value;
        summary = null;
        return TableWarnings.SummaryBlock(first, last, start);
    }
}
