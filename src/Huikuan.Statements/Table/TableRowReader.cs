namespace Huikuan.Statements.Table;

/// <summary>
/// What one data row gave: its lines (the movement, then the fee of its fee column when <see cref="ColumnFee"/>) and
/// the balance after it; the trade it belongs to, and whether the row is itself a fee charged on its trade.
/// </summary>
internal sealed record TableRow(int Number, DateOnly Date, IReadOnlyList<StatementLine> Lines, decimal? Balance)
{
    /// <summary>What the row moved in all: the movement and its fee.</summary>
    public decimal Total => Lines.Sum(l => l.Amount);

    public string? Trade { get; init; }

    public bool IsFeeRow { get; init; }

    /// <summary>The last line is the fee of the row's fee column.</summary>
    public bool ColumnFee { get; init; }

    /// <summary>The row without its fee column's line: the fee was charged on a row of its own.</summary>
    public TableRow WithoutColumnFee() =>
        ColumnFee ? this with { Lines = Lines.Take(Lines.Count - 1).ToList(), ColumnFee = false } : this;
}

/// <summary>
/// Reads a data row into statement lines. A cell that cannot be read skips the row with a warning naming the row and
/// the column; an id that Excel wrote as a number with an exponent is left out with a warning, and the row kept.
/// </summary>
internal sealed class TableRowReader(TableColumns columns, TableLayout layout, string currency)
{
    private readonly HashSet<string> refundStatuses = layout.RefundStatuses.Select(TableColumns.Key).ToHashSet();
    private readonly HashSet<string> noMoneyStatuses = layout.NoMoneyStatuses.Select(TableColumns.Key).ToHashSet();
    private readonly List<(string Status, int Row)> unmoved = [];
    private readonly HashSet<string> directionIn = layout.DirectionIn.Select(TableColumns.Key).ToHashSet();
    private readonly HashSet<string> directionOut = layout.DirectionOut.Select(TableColumns.Key).ToHashSet();
    private readonly HashSet<string> reversalValues = layout.ReversalValues.Select(TableColumns.Key).ToHashSet();
    private readonly HashSet<string> feeTypes = layout.FeeTypes.Select(TableColumns.Key).ToHashSet();

    /// <summary>The rows left out because their status moved no money, with the status as written, in file order.</summary>
    public IReadOnlyList<(string Status, int Row)> Unmoved => unmoved;

    /// <summary>
    /// The row's lines, or null with the warning in <paramref name="warnings"/> (or, moving no money, in
    /// <see cref="Unmoved"/>).
    /// </summary>
    public TableRow? Read(IReadOnlyList<string> row, int number, List<StatementWarning> warnings)
    {
        string Cell(int? column) => column is { } i && i < row.Count ? row[i] : "";
        var width = LastFilled(row) + 1;
        if (width < columns.RequiredWidth)
        {
            warnings.Add(TableWarnings.Short(number, width, columns.RequiredWidth));
            return null;
        }
        var read = new CellReader(columns, number, Cell, warnings);
        if (!read.Date(columns.BookingDate, out var date, out var dateTime) || date is not { } bookingDate)
        {
            if (date is null && read.Ok)
            {
                var label = columns.LabelOf(columns.BookingDate!.Value);
                warnings.Add(TableWarnings.NoDate(number, label));
            }
            return null;
        }
        if (!read.Time(columns.Time, out var time) || !read.Date(columns.ValueDate, out var valueDate, out _)
            || !Amount(read, Cell, number, warnings, out var amount, out var refund, out var redCredit)
            || !read.Money(columns.Fee, out var fee) || !read.Money(columns.Balance, out var balance)
            || !read.Currency(columns.Currency, out var lineCurrency))
        {
            return null;
        }
        if (refund is null)
        {
            unmoved.Add((Cell(columns.Status), number));
            return null;
        }
        // A fee row is the fee; a fee column beside it says the same fee again.
        var feeRow = columns.TransactionType is { } type && feeTypes.Contains(TableColumns.Key(Cell(type)));
        if (feeRow)
        {
            fee = null;
        }
        if (amount == 0 && (fee ?? 0) == 0)
        {
            warnings.Add(TableWarnings.NothingMoved(number));
            return null;
        }
        var line = new StatementLine
        {
            BookingDate = bookingDate,
            ValueDate = valueDate,
            Amount = amount,
            Currency = lineCurrency ?? currency,
            Reversal = redCredit || (columns.Reversal is { } flag && reversalValues.Contains(TableColumns.Key(Cell(flag)))),
            BankReference = read.Id(refund.Value ? columns.RefundReference ?? columns.BankReference : columns.BankReference),
            CustomerReference = read.Id(columns.CustomerReference),
            TransactionCode = refund.Value ? TableStatementReader.RefundCode
                : feeRow ? TableStatementReader.FeeCode : NullIfEmpty(Cell(columns.TransactionType)),
            CounterpartyName = NullIfEmpty(Cell(columns.CounterpartyName)),
            CounterpartyAccount = read.Id(columns.CounterpartyAccount),
            CounterpartyBank = NullIfEmpty(Cell(columns.CounterpartyBank)),
            RemittanceText = Purpose(Cell),
            Details = Details(Cell, time ?? dateTime, refund.Value, feeRow, read.LostIds),
        };
        List<StatementLine> lines = amount == 0 ? [] : [line];
        if (fee is { } charged && charged != 0)
        {
            lines.Add(line with
            {
                Amount = -charged,
                Reversal = false,
                TransactionCode = TableStatementReader.FeeCode,
                CounterpartyName = null,
                CounterpartyAccount = null,
                CounterpartyBank = null,
                RemittanceText = columns.LabelOf(columns.Fee!.Value),
                Details = new Dictionary<string, string>(),
            });
        }
        return new TableRow(number, bookingDate, lines, balance)
        {
            Trade = NullIfEmpty(Cell(columns.TradeReference)), IsFeeRow = feeRow, ColumnFee = fee is { } f && f != 0,
        };
    }

    /// <summary>
    /// The movement: credit minus debit (the debit's size, however signed), or the amount signed by its direction;
    /// a refund row pays back its refund amount. A row whose status moved no money gives <paramref name="refund"/> null,
    /// unless it states a refund amount: a payment taken and given back (撤销 after paying), read as a refund. A credit
    /// written negative (in red, or in parentheses) takes back an earlier credit: <paramref name="redCredit"/> says so.
    /// A debit written negative is only how some banks write debits.
    /// </summary>
    private bool Amount(CellReader read, Func<int?, string> cell, int number, List<StatementWarning> warnings,
        out decimal amount, out bool? refund, out bool redCredit)
    {
        amount = 0;
        redCredit = false;
        var status = TableColumns.Key(cell(columns.Status));
        refund = columns.Status is not null && refundStatuses.Contains(status);
        if (columns.Status is not null && noMoneyStatuses.Contains(status))
        {
            if (!read.Money(columns.RefundAmount, out var givenBack))
            {
                return false;
            }
            if ((givenBack ?? 0) == 0)
            {
                refund = null;
                return true;
            }
            refund = true;
        }
        if (columns.Debit is not null || columns.Credit is not null)
        {
            if (!read.Money(columns.Debit, out var debit) || !read.Money(columns.Credit, out var credit))
            {
                return false;
            }
            if ((debit ?? 0) != 0 && (credit ?? 0) != 0)
            {
                warnings.Add(TableWarnings.DebitAndCredit(
                    number, columns.LabelOf(columns.Debit!.Value), columns.LabelOf(columns.Credit!.Value)));
                return false;
            }
            amount = (credit ?? 0) - Math.Abs(debit ?? 0);
            redCredit = credit < 0;
        }
        else
        {
            if (!read.Money(columns.Amount, out var written))
            {
                return false;
            }
            amount = written ?? 0;
            if (columns.Direction is { } direction && amount != 0)
            {
                var way = TableColumns.Key(cell(direction));
                if (!directionIn.Contains(way) && !directionOut.Contains(way))
                {
                    var ways = (In: string.Join(" / ", layout.DirectionIn), Out: string.Join(" / ", layout.DirectionOut));
                    return read.Bad(direction, StatementWarningCodes.NotADirection,
                        "a direction (" + ways.In + " or " + ways.Out + ")", ways.In, ways.Out);
                }
                amount = directionIn.Contains(way) ? amount : -amount;
            }
        }
        if (refund == true)
        {
            if (!read.Money(columns.RefundAmount, out var paidBack))
            {
                return false;
            }
            amount = -Math.Abs(paidBack ?? amount);
        }
        return true;
    }

    /// <summary>Every purpose column with something in it, in the layout's order, each text once.</summary>
    private string? Purpose(Func<int?, string> cell)
    {
        var texts = columns.Purpose.Select(i => cell(i)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return texts.Count == 0 ? null : string.Join(" / ", texts);
    }

    /// <summary>The cells no line property takes, by their header label; the time as HH:mm:ss under "time".</summary>
    private Dictionary<string, string> Details(
        Func<int?, string> cell, TimeOnly? time, bool refund, bool feeRow, IReadOnlyDictionary<string, string> lostIds)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string value)
        {
            var unique = key;
            for (var n = 2; details.ContainsKey(unique); n++)
            {
                unique = $"{key} ({n.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            }
            details[unique] = value;
        }
        foreach (var column in columns.DetailColumns)
        {
            if (cell(column) is { Length: > 0 } value)
            {
                Add(columns.LabelOf(column), value);
            }
        }
        // A refund's bank reference is the refund's own id; the order's id and type stay with the line.
        if (refund)
        {
            foreach (var column in new[] { columns.BankReference, columns.TransactionType }.OfType<int>())
            {
                if (column != columns.RefundReference && cell(column) is { Length: > 0 } value)
                {
                    Add(columns.LabelOf(column), value);
                }
            }
        }
        // A fee row's line is coded FEE; the type as written stays with it.
        if (feeRow && !refund && columns.TransactionType is { } type && cell(type) is { Length: > 0 } typeWritten)
        {
            Add(columns.LabelOf(type), typeWritten);
        }
        foreach (var (label, written) in lostIds)
        {
            Add(label, written);
        }
        if (time is { } t)
        {
            Add("time", t.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }
        return details;
    }

    private static int LastFilled(IReadOnlyList<string> row)
    {
        for (var i = row.Count - 1; i >= 0; i--)
        {
            if (row[i].Length > 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
