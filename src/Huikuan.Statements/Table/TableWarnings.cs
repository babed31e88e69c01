using System.Globalization;
using Codes = Huikuan.Statements.StatementWarningCodes;

namespace Huikuan.Statements.Table;

/// <summary>The warnings a table statement can carry; each names the row (counted from 1, as a spreadsheet shows it).</summary>
internal static class TableWarnings
{
    private const string Lost = "its digits are lost; it was left out. Export the file again with the column as text.";

    public static StatementWarning BadCell(int row, string code, string column, string value, string expected,
        params string[] more) =>
        Warning(code, Text($"Row {row}, column {column}: \"{Shorten(value)}\" is not {expected}; the row was skipped."),
            [Number(row), column, Shorten(value), .. more]);

    public static StatementWarning Short(int row, int filled, int needed) =>
        Skipped(row, Codes.ShortRow, Text($"it has {filled} filled cell(s) where the header needs {needed}"),
            Number(filled), Number(needed));

    public static StatementWarning NoDate(int row, string column) =>
        Skipped(row, Codes.NoDate, $"the {column} cell is empty", column);

    public static StatementWarning NothingMoved(int row) => Skipped(row, Codes.NothingMoved, "it moves no money");

    public static StatementWarning DebitAndCredit(int row, string debit, string credit) =>
        Skipped(row, Codes.DebitAndCredit, $"both {debit} and {credit} hold an amount", debit, credit);

    public static StatementWarning IdLost(int row, string column, string value) =>
        Warning(Codes.IdLost,
            Text($"Row {row}, column {column}: the id \"{value}\" was turned into a number by Excel and {Lost}"),
            [Number(row), column, value]);

    public static StatementWarning Break(int row, decimal expected, decimal stated) =>
        Warning(Codes.BalanceBreak,
            Text($"Row {row}: the balance {stated} does not follow from the row before ({expected} expected)."),
            [Number(row), Amount(stated), Amount(expected)]);

    public static StatementWarning SummaryBlock(int first, int last, string start) =>
        Warning(Codes.Summary, first == last
            ? Text($"Row {first} (\"{Shorten(start)}\") was read as the file's summary and not imported.")
            : Text($"Rows {first}–{last} (from \"{Shorten(start)}\") were read as the file's summary and not imported."),
            [first == last ? Number(first) : Text($"{first}–{last}"), Shorten(start)]);

    public static StatementWarning Preface(int row, string label, string value) =>
        Warning(Codes.Preface, Text($"Row {row}: {label} \"{Shorten(value)}\" is not a date; the period was left open."),
            [Number(row), label, Shorten(value)]);

    /// <summary>
    /// Rows whose status says they moved no money, counted, by status with their row numbers: "3 rows moved no money and
    /// were not imported: 交易状态 REVOKED on rows 4 and 7, CLOSED on row 9."
    /// </summary>
    public static StatementWarning NoMoney(string column, IReadOnlyList<(string Status, int Row)> rows)
    {
        var groups = rows.GroupBy(r => TableColumns.Key(r.Status)).ToList();
        var byStatus = groups.Select(g => $"{Shorten(g.First().Status)} on {RowList(g.Select(r => r.Row).ToList())}");
        var count = rows.Count == 1 ? "1 row moved no money and was" : $"{Number(rows.Count)} rows moved no money and were";
        var statuses = string.Join(", ", groups.Select(g => Shorten(g.First().Status)));
        return Warning(Codes.NoMoney, Text($"{count} not imported: {column} {string.Join(", ", byStatus)}."),
            [Number(rows.Count), column, statuses, Numbers(rows.Select(r => r.Row).Order().ToList())]);
    }

    public static StatementWarning TotalsDiffer(IReadOnlyList<(string Label, decimal Stated, decimal Given)> totals) =>
        Warning(Codes.TotalsDiffer, "The summary's totals are not the lines': " + string.Join("; ",
            totals.Select(t => Text($"{t.Label} {t.Stated} stated, {t.Given} in the lines"))) +
            ". A row may be missing or have been read wrong.",
            [string.Join("; ", totals.Select(t => $"{t.Label} {Amount(t.Stated)} / {Amount(t.Given)}"))]);

    public static StatementWarning Assumed(string currency) =>
        Warning(Codes.CurrencyAssumed,
            Text($"Neither the file nor the import named a currency; {currency} was assumed."), [currency]);

    private static StatementWarning Skipped(int row, string code, string why, params string[] more) =>
        Warning(code, Text($"Row {row}: {why}; the row was skipped."), [Number(row), .. more]);

    private static StatementWarning Warning(string code, string message, IReadOnlyList<string> values) =>
        new(code, message) { Values = values };

    /// <summary>"row 9", "rows 4 and 7", "rows 4, 7 and 9"; past ten, the first ten and how many more.</summary>
    private static string RowList(List<int> rows)
    {
        var shown = rows.Take(10).Select(Number).ToList();
        var list = rows.Count switch
        {
            1 => shown[0],
            <= 10 => string.Join(", ", shown[..^1]) + " and " + shown[^1],
            _ => string.Join(", ", shown) + Text($" and {rows.Count - 10} more"),
        };
        return (rows.Count == 1 ? "row " : "rows ") + list;
    }

    /// <summary>"3, 4, 7, 9" in any language; past ten, the first ten and "…".</summary>
    private static string Numbers(List<int> rows) =>
        string.Join(", ", rows.Take(10).Select(Number)) + (rows.Count > 10 ? ", …" : "");

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
