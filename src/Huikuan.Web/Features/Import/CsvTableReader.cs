using System.Globalization;
using System.Text;
using CsvHelper;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// Reads CSV as Excel and ERPs write it: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode
/// text"), or GB18030/GBK (Chinese Excel's "CSV"); comma, semicolon or tab between fields.
/// </summary>
public static class CsvTableReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawTable Read(byte[] bytes)
    {
        var text = Decode(bytes);
        if (text.Any(c => c < ' ' && c is not ('\t' or '\r' or '\n')))
        {
            throw ImportFile.Problem("import.binary",
                "The file holds control characters, so it is not a text (CSV) file. Upload an .xlsx workbook or a CSV file.");
        }
        var options = new CsvReaderOptions
        {
            Separator = DetectDelimiter(text),
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            TrimWhitespace = false,
            MaxRecordSize = ImportLimits.MaxCellChars * ImportLimits.MaxColumns,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            NullValues = [],
        };
        var rows = new List<ImportRow>();
        string[]? headers = null;
        var number = 0;
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                // The record count, not the line count: a quoted field may span lines, but Excel shows it as one row.
                number++;
                if (number > ImportLimits.MaxPhysicalRows)
                {
                    throw CsvTableReader.TooManyRows();
                }
                if (reader.FieldCount > ImportLimits.MaxColumns)
                {
                    throw ImportFile.Problem("import.columns", string.Create(CultureInfo.InvariantCulture,
                        $"Row {number} has {reader.FieldCount} fields; at most {ImportLimits.MaxColumns} columns are read."));
                }
                var record = new string[reader.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = reader.GetString(i);
                    if (record[i].Length > ImportLimits.MaxCellChars)
                    {
                        throw ImportFile.Problem("import.cell", string.Create(CultureInfo.InvariantCulture,
                            $"Row {number}, column {i + 1} has more than {ImportLimits.MaxCellChars} characters; is it really this kind of file?"));
                    }
                }
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (headers is null)
                {
                    headers = record;
                    continue;
                }
                if (rows.Count == ImportLimits.MaxRows)
                {
                    throw TooManyRows();
                }
                rows.Add(new ImportRow(number, Array.ConvertAll(record, v => new Cell(v))));
            }
        }
        catch (CsvFormatException e)
        {
            throw ImportFile.Problem("import.malformed", string.Create(CultureInfo.InvariantCulture,
                $"The CSV is malformed in row {number + 1} (line {e.LineNumber}): {FirstLine(e.Message)} Check the quotes (\") in that row."));
        }
        catch (Exception e) when (e is not Huikuan.Domain.DomainRuleException)
        {
            throw ImportFile.Problem("import.malformed", string.Create(CultureInfo.InvariantCulture,
                $"The CSV cannot be read near row {number + 1}: {FirstLine(e.Message)}"));
        }
        return new RawTable(headers ?? throw ImportFile.Problem("import.empty", "The file has no header row and no data."), rows);
    }

    internal static Huikuan.Domain.DomainRuleException TooManyRows() => ImportFile.Problem("import.rows", string.Create(CultureInfo.InvariantCulture,
        $"The file has more than {ImportLimits.MaxRows} data rows. Split it into several files."));

    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..])
        {
            return Strict(Encoding.Unicode, bytes, 2, "UTF-16");
        }
        if (bytes is [0xFE, 0xFF, ..])
        {
            return Strict(Encoding.BigEndianUnicode, bytes, 2, "UTF-16");
        }
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Strict(StrictUtf8, bytes, 3, "UTF-8");
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw ImportFile.Problem("import.binary", "The file holds binary data, so it is not a CSV file. Upload an .xlsx workbook or a CSV file.");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Chinese Excel saves "CSV" in the ANSI code page, GBK; GB18030 is its superset.
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return Strict(gb, bytes, 0, "UTF-8 or GB18030 (GBK)");
        }
    }

    private static string Strict(Encoding encoding, byte[] bytes, int skip, string name)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            return strict.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw ImportFile.Problem("import.encoding", string.Create(CultureInfo.InvariantCulture,
                $"The file is not valid {name} text (bad bytes at offset {e.Index + skip}). Save it as 'CSV UTF-8' or as .xlsx."));
        }
    }

    /// <summary>The separator that occurs most often in the first line: comma, semicolon (European Excel) or tab.</summary>
    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = end < 0 ? text : text[..end];
        var best = new[] { ',', ';', '\t' }.MaxBy(c => header.Count(h => h == c));
        return header.Contains(best, StringComparison.Ordinal) ? best : ',';
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
