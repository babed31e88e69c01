using System.Globalization;
using System.IO.Compression;
using Huikuan.Domain;
using MiniExcelLibs;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// Reads one worksheet of an .xlsx workbook: the sheet named like the import (e.g. "invoices" or "发票")
/// when there is one, else the first. The zip is checked first (see <see cref="XlsxGuard"/>); MiniExcel
/// then streams the cell values, and the sheet's XML is scanned for formula cells, which are refused.
/// </summary>
public static class XlsxTableReader
{
    public static RawTable Read(byte[] bytes, string sheetHint)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string sheet;
        HashSet<string> formulas;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            XlsxGuard.CheckSizes(zip);
            var sheets = XlsxGuard.Sheets(zip);
            if (sheets.Count == 0)
            {
                throw ImportFile.Problem("import.xlsx", "The workbook has no worksheet.");
            }
            var chosen = sheets.Find(s => SheetMatches(s.Name, sheetHint));
            chosen = chosen.Name is null ? sheets[0] : chosen;
            sheet = chosen.Name;
            formulas = XlsxGuard.FormulaCells(zip, chosen.Part);
        }
        catch (Exception e) when (e is not DomainRuleException and not OperationCanceledException)
        {
            // Whatever a damaged or hostile zip makes the readers throw, the answer is the same: not a workbook.
            throw ImportFile.Problem("import.xlsx", "The file starts like an .xlsx workbook but cannot be opened: it is damaged or not a workbook. Save it again from Excel.");
        }

        var rows = new List<ImportRow>();
        string[]? headers = null;
        var number = 0;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            foreach (IDictionary<string, object?> values in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                // MiniExcel yields one item per sheet row, blank rows included, so the count is the row number in Excel.
                number++;
                if (number > ImportLimits.MaxPhysicalRows)
                {
                    throw CsvTableReader.TooManyRows();
                }
                if (values.Count > ImportLimits.MaxColumns)
                {
                    throw ImportFile.Problem("import.columns", string.Create(CultureInfo.InvariantCulture,
                        $"Row {number} has {values.Count} columns; at most {ImportLimits.MaxColumns} are read."));
                }
                var cells = values.Select(kv => new Cell(kv.Value, formulas.Contains(kv.Key + number.ToString(CultureInfo.InvariantCulture)))).ToArray();
                if (cells.All(c => c.IsBlank))
                {
                    continue;
                }
                if (headers is null)
                {
                    headers = cells.Select(c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? "").ToArray();
                    continue;
                }
                if (rows.Count == ImportLimits.MaxRows)
                {
                    throw CsvTableReader.TooManyRows();
                }
                rows.Add(new ImportRow(number, cells));
            }
        }
        catch (Exception e) when (e is not DomainRuleException and not OperationCanceledException)
        {
            throw ImportFile.Problem("import.xlsx", string.Create(CultureInfo.InvariantCulture,
                $"The worksheet '{sheet}' cannot be read near row {number + 1}: the workbook is damaged. Save it again from Excel."));
        }
        return new RawTable(headers ?? throw ImportFile.Problem("import.empty", $"The worksheet '{sheet}' is empty."), rows);
    }

    private static bool SheetMatches(string name, string hint) =>
        ImportLayouts.SheetNames(hint).Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);
}
