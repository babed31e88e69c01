namespace Huikuan.Statements;

/// <summary>
/// Every code a <see cref="StatementWarning"/> can carry, and what its <see cref="StatementWarning.Values"/> hold, in
/// order, so that a text in any language can name them. Values are written invariantly, amounts as the file wrote them.
/// </summary>
public static class StatementWarningCodes
{
    /// <summary>
    /// Opening balance plus the lines is not the closing balance: the opening, the lines' sum, the sum of the two, the
    /// closing, the currency.
    /// </summary>
    public const string Unbalanced = "statement.unbalanced";

    /// <summary>The opening and the closing balance are in different currencies: the opening's, the closing's.</summary>
    public const string BalanceCurrencies = "statement.balanceCurrencies";

    /// <summary>An MT942's :90C:/:90D: differs from its lines: the field, its count and sum, the lines' count, sum.</summary>
    public const string SumsDiffer = "statement.sumsDiffer";

    /// <summary>A camt batch booking whose parts do not add up to it, kept as one line: the parts, amount, currency.</summary>
    public const string BatchUnsplit = "entry.batch-unsplit";

    /// <summary>A table's summary totals are not the lines': each as "label stated / in the lines", joined by "; ".</summary>
    public const string TotalsDiffer = "table.totals-differ";

    /// <summary>Rows whose status moved no money were left out: their count, the status column, statuses, rows.</summary>
    public const string NoMoney = "table.no-money";

    /// <summary>A balance does not follow from the row before: the row, the balance stated, the balance expected.</summary>
    public const string BalanceBreak = "table.balance-break";

    /// <summary>Rows read as the file's summary (合计…) were left out: the rows ("10" or "10–11"), the first cell.</summary>
    public const string Summary = "table.summary";

    /// <summary>A date above the header could not be read; the period is left open: the row, the label, the value.</summary>
    public const string Preface = "table.preface";

    /// <summary>No currency anywhere; one was assumed: the currency.</summary>
    public const string CurrencyAssumed = "table.currency-assumed";

    /// <summary>Excel wrote an id as a number with an exponent; it was left out: the row, the column, the value.</summary>
    public const string IdLost = "table.id-lost";

    /// <summary>A row skipped: a cell is not a date. The row, the column, the value.</summary>
    public const string NotADate = "table.row-skipped.date";

    /// <summary>A row skipped: a cell is not a time. The row, the column, the value.</summary>
    public const string NotATime = "table.row-skipped.time";

    /// <summary>A row skipped: a cell is not an amount. The row, the column, the value.</summary>
    public const string NotAnAmount = "table.row-skipped.amount";

    /// <summary>A row skipped: a cell is not a currency. The row, the column, the value.</summary>
    public const string NotACurrency = "table.row-skipped.currency";

    /// <summary>A row skipped: a cell is not a direction. The row, the column, the value, the words for in, for out.</summary>
    public const string NotADirection = "table.row-skipped.direction";

    /// <summary>A row skipped: fewer cells filled than the header needs. The row, the cells filled, the cells needed.</summary>
    public const string ShortRow = "table.row-skipped.short";

    /// <summary>A row skipped: its date cell is empty. The row, the column.</summary>
    public const string NoDate = "table.row-skipped.no-date";

    /// <summary>A row skipped: it moves no money (amount and fee 0). The row.</summary>
    public const string NothingMoved = "table.row-skipped.zero";

    /// <summary>A row skipped: both its debit and its credit hold an amount. The row, the debit column, the credit column.</summary>
    public const string DebitAndCredit = "table.row-skipped.both";

    /// <summary>What each code's values are, by name, in order: a text for the code may use {1} to {n} for them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ValueNames { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Unbalanced] = ["opening", "lines", "expected", "closing", "currency"],
            [BalanceCurrencies] = ["openingCurrency", "closingCurrency"],
            [SumsDiffer] = ["field", "statedCount", "statedSum", "count", "sum"],
            [BatchUnsplit] = ["parts", "amount", "currency"],
            [TotalsDiffer] = ["totals"],
            [NoMoney] = ["count", "column", "statuses", "rows"],
            [BalanceBreak] = ["row", "stated", "expected"],
            [Summary] = ["rows", "start"],
            [Preface] = ["row", "label", "value"],
            [CurrencyAssumed] = ["currency"],
            [IdLost] = ["row", "column", "value"],
            [NotADate] = ["row", "column", "value"],
            [NotATime] = ["row", "column", "value"],
            [NotAnAmount] = ["row", "column", "value"],
            [NotACurrency] = ["row", "column", "value"],
            [NotADirection] = ["row", "column", "value", "in", "out"],
            [ShortRow] = ["row", "filled", "needed"],
            [NoDate] = ["row", "column"],
            [NothingMoved] = ["row"],
            [DebitAndCredit] = ["row", "debit", "credit"],
        };
}
