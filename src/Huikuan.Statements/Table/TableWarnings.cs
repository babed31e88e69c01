using System.Globalization;

namespace Huikuan.Statements.Table;

/// <summary>The warnings a table statement can carry; each names the row (counted from 1, as a spreadsheet shows it).</summary>
internal static class TableWarnings
{
    public const string RowSkipped = "table.row-skipped";
    public const string IdLostCode = "table.id-lost";
    public const string BalanceBreak = "table.balance-break";
    public const string Summary = "table.summary";
    public const string PrefaceCode = "table.preface";
    public const string CurrencyAssumed = "table.currency-assumed";
    public const string NoMoneyCode = "table.no-money";

    /// <summary>The code the MT940 reader gives the same finding: the sums the file states are not the lines'.</summary>
    public const string SumsDiffer = "statement.sumsDiffer";

    private const string Lost = "its digits are lost; it was left out. Export the file again with the column as text.";

    public static StatementWarning BadCell(int row, string column, string value, string expected) =>
        new(RowSkipped, Text($"Row {row}, column {column}: \"{Shorten(value)}\" is not {expected}; the row was skipped."));

    public static StatementWarning Skipped(int row, string why) =>
        new(RowSkipped, Text($"Row {row}: {why}; the row was skipped."));

    public static StatementWarning IdLost(int row, string column, string value) =>
        new(IdLostCode,
            Text($"Row {row}, column {column}: the id \"{value}\" was turned into a number by Excel and {Lost}"));

    public static StatementWarning Break(int row, decimal expected, decimal stated) =>
        new(BalanceBreak,
            Text($"Row {row}: the balance {stated} does not follow from the row before ({expected} expected)."));

    public static StatementWarning SummaryBlock(int first, int last, string start) =>
        new(Summary, first == last
            ? Text($"Row {first} (\"{Shorten(start)}\") was read as the file's summary and not imported.")
            : Text($"Rows {first}–{last} (from \"{Shorten(start)}\") were read as the file's summary and not imported."));

    public static StatementWarning Preface(int row, string label, string value) =>
        new(PrefaceCode, Text($"Row {row}: {label} \"{Shorten(value)}\" is not a date; the period was left open."));

    /// <summary>
    /// Rows whose status says they moved no money, counted, by status with their row numbers: "3 rows moved no money and
    /// were not imported: 交易状态 REVOKED on rows 4 and 7, CLOSED on row 9."
    /// </summary>
    public static StatementWarning NoMoney(string column, IReadOnlyList<(string Status, int Row)> rows)
    {
        var byStatus = rows.GroupBy(r => TableColumns.Key(r.Status))
            .Select(g => $"{Shorten(g.First().Status)} on {RowList(g.Select(r => r.Row).ToList())}");
        var count = rows.Count == 1 ? "1 row moved no money and was" : $"{rows.Count} rows moved no money and were";
        return new(NoMoneyCode, Text($"{count} not imported: {column} {string.Join(", ", byStatus)}."));
    }

    public static StatementWarning TotalsDiffer(IEnumerable<(string Label, decimal Stated, decimal Given)> totals) =>
        new(SumsDiffer, "The summary's totals are not the lines': " + string.Join("; ",
            totals.Select(t => Text($"{t.Label} {t.Stated} stated, {t.Given} in the lines"))) +
            ". A row may be missing or have been read wrong.");

    public static StatementWarning Assumed(string currency) =>
        new(CurrencyAssumed, Text($"Neither the file nor the import named a currency; {currency} was assumed."));

    /// <summary>"row 9", "rows 4 and 7", "rows 4, 7 and 9"; past ten, the first ten and how many more.</summary>
    private static string RowList(List<int> rows)
    {
        var shown = rows.Take(10).Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList();
        var list = rows.Count switch
        {
            1 => shown[0],
            <= 10 => string.Join(", ", shown[..^1]) + " and " + shown[^1],
            _ => string.Join(", ", shown) + Text($" and {rows.Count - 10} more"),
        };
        return (rows.Count == 1 ? "row " : "rows ") + list;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
