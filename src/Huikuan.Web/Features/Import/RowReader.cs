using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Huikuan.Domain;
using Huikuan.Domain.Money;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// One reason a row cannot be imported: the row as numbered in the file, the column header as written in
/// the file, the column's key in docs/import.md (for programs), the value, and why. <see cref="Rule"/> names the
/// reason when it is one of the common ones, so that a page can say it in the reader's language.
/// </summary>
public sealed record ImportRowError(int Row, string Column, string Field, string? Value, string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Rule = null);

/// <summary>
/// Reads typed values from one row, writing every problem to the shared error list instead of stopping at
/// the first, so that one upload reports all bad cells. Returns null for a bad or missing value.
/// </summary>
public sealed partial class RowReader(ImportRow row, ColumnMap map, List<ImportRowError> errors)
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    public int Number => row.Number;

    /// <summary>All errors so far, of every row: compare before and after to see whether a step failed.</summary>
    public int ErrorCount => errors.Count;

    public void Fail(string key, string? value, string reason, string? rule = null) =>
        errors.Add(new ImportRowError(row.Number, map.Find(key)?.Header ?? key, key, value, reason, rule));

    public string? Text(string key, int maxLength, bool required = false)
    {
        if (!TryCell(key, required, out var cell))
        {
            return null;
        }
        var text = AsText(cell.Value).Trim();
        if (text.Length > maxLength)
        {
            Fail(key, text[..Math.Min(text.Length, 40)] + "…", string.Create(CultureInfo.InvariantCulture, $"Longer than {maxLength} characters."));
            return null;
        }
        if (text[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            // Text that a spreadsheet would run as a formula when the data is exported again (CSV injection).
            Fail(key, text, $"Starts with '{text[0]}' like a formula; such text is refused. Remove the leading '{text[0]}'.", "cell.formulaText");
            return null;
        }
        return text;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        if (!TryCell(key, required, out var cell))
        {
            return null;
        }
        DateOnly? date = cell.Value switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            DateOnly d => d,
            _ => null,
        };
        if (cell.Value is double or decimal or int or long)
        {
            Fail(key, AsText(cell.Value), "A number, not a date. Format the cells as dates or write the date as yyyy-MM-dd.", "cell.numberNotDate");
            return null;
        }
        var text = AsText(cell.Value).Trim();
        if (date is null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.TimeOfDay == TimeSpan.Zero)
        {
            date = DateOnly.FromDateTime(parsed);
        }
        if (date is null)
        {
            Fail(key, text, "Not a date; write it as yyyy-MM-dd (2026-06-30) or yyyy/M/d.", "cell.notDate");
            return null;
        }
        try
        {
            // The same plausibility as the API: a typo such as 2206 for 2026 would age an invoice by centuries.
            return BusinessDates.Require(date.Value, key);
        }
        catch (DomainRuleException e)
        {
            Fail(key, text, e.Message, e.Rule);
            return null;
        }
    }

    /// <summary>Decimal point '.', optional thousands commas only in groups of three (1,234,567.89).</summary>
    public decimal? Amount(string key, bool required = false)
    {
        if (!TryCell(key, required, out var cell))
        {
            return null;
        }
        if (cell.Value is double d)
        {
            // The shortest text that round-trips is what Excel wrote into the file; 0.1+0.2 computed in a
            // sheet stays 0.30000000000000004 and is refused below for its decimals, not silently rounded.
            return decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (cell.Value is decimal m)
        {
            return m;
        }
        var text = AsText(cell.Value).Trim();
        if (!AmountPattern().IsMatch(text))
        {
            Fail(key, text, "Not an amount; write digits with '.' as the decimal point (1234.56 or 1,234.56), without currency signs.", "cell.notAmount");
            return null;
        }
        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    public Currency? Currency(string key, string fallback)
    {
        var code = Text(key, 3) ?? (Has(key) && !IsBlank(key) ? null : fallback);
        if (code is null)
        {
            return null;
        }
        if (!Huikuan.Domain.Money.Currency.IsKnown(code))
        {
            Fail(key, code, "Not a supported ISO 4217 currency code (CNY, USD, EUR, …).", "cell.currency");
            return null;
        }
        return Huikuan.Domain.Money.Currency.Of(code);
    }

    /// <summary>The amount in minor units, refusing more decimals than the currency has.</summary>
    public long? Minor(string key, decimal? amount, Currency? currency)
    {
        if (amount is null || currency is null)
        {
            return null;
        }
        try
        {
            return currency.ToMinor(amount.Value, key);
        }
        catch (DomainRuleException e)
        {
            Fail(key, amount.Value.ToString(CultureInfo.InvariantCulture), e.Message, e.Rule);
            return null;
        }
    }

    public bool Has(string key) => map.Has(key);

    public bool IsBlank(string key) => map.Find(key) is not { } c || c.Index >= row.Cells.Count || row.Cells[c.Index].IsBlank;

    private bool TryCell(string key, bool required, out Cell cell)
    {
        cell = default;
        if (map.Find(key) is { } column && column.Index < row.Cells.Count)
        {
            cell = row.Cells[column.Index];
        }
        if (cell.IsFormula)
        {
            Fail(key, AsText(cell.Value), "The cell holds a formula. Copy the column and paste it as values, then import again.", "cell.formula");
            return false;
        }
        if (cell.IsBlank)
        {
            if (required)
            {
                Fail(key, null, "Required; the cell is empty.", "cell.required");
            }
            return false;
        }
        return true;
    }

    private static string AsText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    [GeneratedRegex(@"^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
