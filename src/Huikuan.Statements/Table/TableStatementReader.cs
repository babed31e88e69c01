namespace Huikuan.Statements.Table;

/// <summary>
/// Reads the rows of a CSV file (<see cref="DelimitedText"/>) or an Excel sheet into one <see cref="BankStatement"/> by a
/// <see cref="TableLayout"/>. The header is the first row that holds the layout's date and amount labels; the rows above
/// it may name the account and the period. Rows are taken one at a time. A row that cannot be read is skipped with a
/// warning naming it, never silently; a summary block (合计, 总计, #…, 总交易单数…) is left out with a warning saying so.
/// Only a file without the header is refused, with a <see cref="StatementFormatException"/>.
/// </summary>
public static class TableStatementReader
{
    /// <summary>How far down the header is looked for (CITIC's is on row 16).</summary>
    public const int HeaderSearchRows = 200;

    /// <summary>The transaction code of a fee's own line (服务费, 手续费): not a receipt, whatever the row was.</summary>
    public const string FeeCode = "FEE";

    /// <summary>The transaction code of a refund row's line (a REFUND status): money paid back to the payer.</summary>
    public const string RefundCode = "REFUND";

    /// <summary>The currency assumed when neither the file, the layout nor the caller names one.</summary>
    public const string AssumedCurrency = "CNY";

    public static BankStatement Read(
        IEnumerable<IReadOnlyList<string>> rows, TableLayout layout, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new TableReadOptions();
        var preface = new TablePreface();
        var number = 0;
        using var enumerator = rows.GetEnumerator();
        TableColumns? columns = null;
        while (columns is null)
        {
            if (number >= HeaderSearchRows || !enumerator.MoveNext())
            {
                throw NoHeader(layout, options, number);
            }
            number++;
            var row = Clean(enumerator.Current);
            columns = TableColumns.Header(row, layout);
            if (columns is null)
            {
                preface.Take(row, number);
            }
        }
        var body = new TableBody(columns, layout, Currency(columns, layout, options, out var assumed));
        while (enumerator.MoveNext())
        {
            number++;
            body.Take(Clean(enumerator.Current), number);
        }
        body.Settle();
        var lines = body.Lines();
        var balances = TableBalances.Of(body.Rows, lines.FirstOrDefault()?.Currency ?? body.Currency, out var breaks);
        return new BankStatement
        {
            Format = StatementFormat.Table,
            Account = preface.Account ?? options.Account,
            AccountName = preface.AccountName,
            PeriodStart = preface.PeriodStart,
            PeriodEnd = preface.PeriodEnd,
            Currency = lines.FirstOrDefault()?.Currency ?? body.Currency,
            Balances = balances,
            Lines = lines,
            Warnings = [.. assumed, .. preface.Warnings, .. body.Finish(), .. breaks],
        };
    }

    /// <summary>A line's currency when the row names none: the layout's, else the caller's, else CNY with a warning.</summary>
    private static string Currency(
        TableColumns columns, TableLayout layout, TableReadOptions options, out IReadOnlyList<StatementWarning> assumed)
    {
        assumed = [];
        if ((layout.FixedCurrency ?? options.Currency) is { } known && TableValues.TryCurrency(known, out var code)
            && code is not null)
        {
            return code;
        }
        if (columns.Currency is null)
        {
            assumed = [TableWarnings.Assumed(AssumedCurrency)];
        }
        return AssumedCurrency;
    }

    /// <summary>Cells as <see cref="DelimitedText"/> gives them, for rows from an Excel sheet; a null cell is empty.</summary>
    private static List<string> Clean(IReadOnlyList<string>? row) =>
        row is null ? [] : row.Select(c => c is null ? "" : DelimitedText.Clean(c)).ToList();

    private static StatementFormatException NoHeader(TableLayout layout, TableReadOptions options, int rows)
    {
        var file = options.FileName is { Length: > 0 } name ? $"{name}: " : "";
        var where = rows == 0 ? "the file has no rows" : $"none of the first {rows} rows holds them";
        return new StatementFormatException(
            $"{file}no header row found: looked for {TableColumns.Describe(layout)}, but {where}.");
    }
}
