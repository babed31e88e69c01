namespace Huikuan.Statements.Table;

/// <summary>
/// Reads the cells of one row by column; a cell that cannot be read adds a warning naming the row and the column and
/// makes the read fail. An empty cell, or a column the header does not have, reads as no value.
/// </summary>
internal sealed class CellReader(TableColumns columns, int number, Func<int?, string> cell, List<StatementWarning> warnings)
{
    private readonly Dictionary<string, string> lostIds = [];

    /// <summary>False once a cell could not be read.</summary>
    public bool Ok { get; private set; } = true;

    /// <summary>The ids Excel wrote with an exponent, as written, by their column's label.</summary>
    public IReadOnlyDictionary<string, string> LostIds => lostIds;

    /// <summary>The cell is not what the column holds: a warning of <paramref name="code"/>, with more values it names.</summary>
    public bool Bad(int column, string code, string expected, params string[] more)
    {
        warnings.Add(TableWarnings.BadCell(number, code, columns.LabelOf(column), cell(column), expected, more));
        Ok = false;
        return false;
    }

    public bool Date(int? column, out DateOnly? date, out TimeOnly? time) =>
        TableValues.TryDate(cell(column), out date, out time) || Bad(column!.Value, StatementWarningCodes.NotADate, "a date");

    public bool Time(int? column, out TimeOnly? time) =>
        TableValues.TryTime(cell(column), out time) || Bad(column!.Value, StatementWarningCodes.NotATime, "a time");

    public bool Money(int? column, out decimal? amount) =>
        TableValues.TryMoney(cell(column), out amount) || Bad(column!.Value, StatementWarningCodes.NotAnAmount, "an amount");

    public bool Currency(int? column, out string? code) =>
        TableValues.TryCurrency(cell(column), out code) || Bad(column!.Value, StatementWarningCodes.NotACurrency, "a currency");

    /// <summary>An id as written, to the digit; null when empty or when Excel's exponent has eaten its digits.</summary>
    public string? Id(int? column)
    {
        var text = cell(column);
        if (text.Length == 0)
        {
            return null;
        }
        if (TableValues.IsScientific(text))
        {
            var label = columns.LabelOf(column!.Value);
            warnings.Add(TableWarnings.IdLost(number, label, text));
            lostIds[label] = text;
            return null;
        }
        return text;
    }
}
