using Huikuan.Domain;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// One cell as read. CSV cells are text; xlsx cells may also be numbers (double), dates (DateTime) or
/// booleans. <see cref="IsFormula"/> marks an xlsx cell whose content is a formula: its cached value is
/// not trusted, because it depends on whatever the sheet computed last.
/// </summary>
public readonly record struct Cell(object? Value, bool IsFormula = false)
{
    public bool IsBlank => !IsFormula && (Value is null || (Value is string s && string.IsNullOrWhiteSpace(s)));
}

/// <summary>A data row with its number as the user sees it in Excel or a text editor (the header is row 1).</summary>
public sealed record ImportRow(int Number, IReadOnlyList<Cell> Cells);

/// <summary>The header row's texts and the data rows below it, blank rows left out.</summary>
public sealed record RawTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>The limits that keep one upload from taking the server down; documented in docs/import.md.</summary>
public static class ImportLimits
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const int MaxRows = 200_000;

    /// <summary>Blank rows are skipped but still counted, so a sheet padded to row 1,048,576 stops early.</summary>
    public const int MaxPhysicalRows = 2 * MaxRows;
    public const int MaxColumns = 100;
    public const int MaxCellChars = 4000;

    /// <summary>An xlsx is a zip: its parts may unpack to at most this much, and at most this many times their packed size.</summary>
    public const long MaxUnpackedBytes = 400L * 1024 * 1024;
    public const int MaxCompressionRatio = 200;

    /// <summary>A file with more bad cells is still rejected as a whole; only the first ones are listed.</summary>
    public const int MaxListedErrors = 1000;
}

/// <summary>Reads an uploaded file into a <see cref="RawTable"/>, deciding the format by its content, not its name.</summary>
public static class ImportFile
{
    public static async Task<RawTable> ReadAsync(IFormFile? file, string sheetHint, CancellationToken ct)
    {
        if (file is null)
        {
            throw Problem("import.noFile", "Send the file as multipart/form-data in a field named 'file'.");
        }
        if (file.Length > ImportLimits.MaxFileBytes)
        {
            throw new FileTooLargeException(file.Length);
        }
        if (file.Length == 0)
        {
            throw Problem("import.empty", "The file is empty.");
        }
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }
        return Read(bytes, sheetHint);
    }

    public static RawTable Read(byte[] bytes, string sheetHint)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw Problem("import.empty", "The file is empty.");
        }
        if (bytes.Length > ImportLimits.MaxFileBytes)
        {
            throw new FileTooLargeException(bytes.Length);
        }
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            var sheet = XlsxTableReader.Read(bytes, sheetHint);
            return sheet.Rows.Count > 0 ? sheet : throw Problem("import.noRows", "The worksheet has a header row but no data rows.");
        }
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            throw Problem("import.xls", "This is an old Excel 97-2003 (.xls) file. Save it as Excel Workbook (.xlsx) or CSV and upload again.");
        }
        var table = CsvTableReader.Read(bytes);
        return table.Rows.Count > 0 ? table : throw Problem("import.noRows", "The file has a header row but no data rows.");
    }

    public static DomainRuleException Problem(string rule, string message) => new(rule, "file", message);
}

/// <summary>Becomes a 413: the upload is larger than <see cref="ImportLimits.MaxFileBytes"/>.</summary>
public sealed class FileTooLargeException(long length) : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture,
    $"The file has {length / (1024 * 1024.0):0.#} MB; at most {ImportLimits.MaxFileBytes / (1024 * 1024)} MB can be imported at once. Split it into several files."))
{
}
