using System.Globalization;

namespace Huikuan.Statements.Table;

/// <summary>
/// Where each field of a layout sits in a header row. A row is the header when it holds a booking date label and an
/// amount label (a signed amount, debit or credit; and the direction when the layout has one): preface rows above it,
/// whatever they say, never qualify. Empty header cells (the rest of a merged cell) name no field.
/// </summary>
internal sealed class TableColumns
{
    private TableColumns(IReadOnlyList<string> header, TableLayout layout)
    {
        Labels = header;
        var keys = header.Select(Key).ToList();
        int? Find(IReadOnlyList<string> labels)
        {
            foreach (var label in labels)
            {
                var index = keys.IndexOf(Key(label));
                if (index >= 0 && keys[index].Length > 0)
                {
                    return index;
                }
            }
            return null;
        }
        BookingDate = Find(layout.BookingDate);
        Time = Find(layout.Time);
        ValueDate = Find(layout.ValueDate);
        Amount = Find(layout.Amount);
        Debit = Find(layout.Debit);
        Credit = Find(layout.Credit);
        Direction = Find(layout.Direction);
        CounterpartyName = Find(layout.CounterpartyName);
        CounterpartyAccount = Find(layout.CounterpartyAccount);
        CounterpartyBank = Find(layout.CounterpartyBank);
        BankReference = Find(layout.BankReference);
        CustomerReference = Find(layout.CustomerReference);
        TransactionType = Find(layout.TransactionType);
        Currency = Find(layout.Currency);
        Balance = Find(layout.Balance);
        Fee = Find(layout.Fee);
        Status = Find(layout.Status);
        Reversal = Find(layout.Reversal);
        TradeReference = Find(layout.TradeReference);
        RefundAmount = Find(layout.RefundAmount);
        RefundReference = Find(layout.RefundReference);
        Purpose = layout.Purpose.Select(l => keys.IndexOf(Key(l)))
            .Where(i => i >= 0 && keys[i].Length > 0).Distinct().ToList();
        int?[] onLine =
        [
            BookingDate, ValueDate, Amount, Debit, Credit, Direction, CounterpartyName, CounterpartyAccount,
            CounterpartyBank, BankReference, CustomerReference, TransactionType, Currency,
        ];
        var taken = onLine.OfType<int>().Concat(Purpose).ToHashSet();
        DetailColumns = Enumerable.Range(0, header.Count).Where(i => !taken.Contains(i)).ToList();
        int?[] besides = [Time, Balance, Fee, Status, RefundAmount, RefundReference, Reversal, TradeReference];
        var known = taken.Concat(besides.OfType<int>());
        Score = known.Distinct().Count();
        int?[] amounts = [Amount, Debit, Credit];
        RequiredWidth = Math.Max(BookingDate ?? 0, amounts.OfType<int>().DefaultIfEmpty(0).Min()) + 1;
        // A layout may know both forms of a bank's exports: debit and credit columns, or an amount and its direction.
        IsHeader = BookingDate is not null && (Debit is not null || Credit is not null
            || (Amount is not null && (layout.Direction.Count == 0 || Direction is not null)));
    }

    public IReadOnlyList<string> Labels { get; }

    public bool IsHeader { get; }

    /// <summary>How many header cells the layout recognises: the better layout for a file recognises more.</summary>
    public int Score { get; }

    /// <summary>A data row must reach its date and the first amount column: a shorter row is a stray note.</summary>
    public int RequiredWidth { get; }

    public int? BookingDate { get; }

    public int? Time { get; }

    public int? ValueDate { get; }

    public int? Amount { get; }

    public int? Debit { get; }

    public int? Credit { get; }

    public int? Direction { get; }

    public int? CounterpartyName { get; }

    public int? CounterpartyAccount { get; }

    public int? CounterpartyBank { get; }

    public int? BankReference { get; }

    public int? CustomerReference { get; }

    public int? TransactionType { get; }

    public int? Currency { get; }

    public int? Balance { get; }

    public int? Fee { get; }

    public int? Status { get; }

    /// <summary>The trade a row belongs to; kept in the details too.</summary>
    public int? TradeReference { get; }

    /// <summary>The reversal flag; kept in the details too, as written.</summary>
    public int? Reversal { get; }

    public int? RefundAmount { get; }

    public int? RefundReference { get; }

    public IReadOnlyList<int> Purpose { get; }

    /// <summary>The columns whose values no line property takes: kept in the line's details.</summary>
    public IReadOnlyList<int> DetailColumns { get; }

    /// <summary>The layout's columns in this row, or null when the row is not the layout's header.</summary>
    public static TableColumns? Header(IReadOnlyList<string> row, TableLayout layout)
    {
        var columns = new TableColumns(row, layout);
        return columns.IsHeader ? columns : null;
    }

    /// <summary>A column's label for messages and details; an empty header cell is named by its position.</summary>
    public string LabelOf(int column) =>
        column < Labels.Count && Labels[column].Length > 0
            ? Labels[column]
            : string.Create(CultureInfo.InvariantCulture, $"column {column + 1}");

    /// <summary>
    /// Half-width, without blanks, upper case, without a unit of 元 at the end: 收入（+元） and 收入 (+元) are one label,
    /// and so are 余额 and 余额（元）, which another version of the same export writes.
    /// </summary>
    public static string Key(string label)
    {
        var key = string.Concat(TableValues.Narrow(label).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return key.Length > 3 && key.EndsWith("(元)", StringComparison.Ordinal) ? key[..^3] : key;
    }

    /// <summary>What a header must hold, for the message when none is found.</summary>
    public static string Describe(TableLayout layout)
    {
        static string Any(IReadOnlyList<string> labels) => labels.Count == 0 ? "no label given" : string.Join(" / ", labels);
        var amounts = new List<string>();
        if (layout.Debit.Count + layout.Credit.Count > 0 || layout.Amount.Count == 0)
        {
            amounts.Add($"a debit or credit amount ({Any(layout.Debit.Concat(layout.Credit).ToList())})");
        }
        if (layout.Amount.Count > 0)
        {
            amounts.Add(layout.Direction.Count > 0
                ? $"an amount ({Any(layout.Amount)}) and a direction ({Any(layout.Direction)})"
                : $"an amount ({Any(layout.Amount)})");
        }
        return $"a booking date ({Any(layout.BookingDate)}) and {string.Join(", or ", amounts)}";
    }
}
