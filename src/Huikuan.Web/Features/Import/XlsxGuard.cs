using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// Checks an .xlsx before anything parses it. A zip bomb declares small parts that unpack to gigabytes, so
/// every part is unpacked once into nothing while its real size is counted, against a total and a ratio.
/// Then the workbook's sheet list is read and the chosen sheet is scanned for formula cells.
/// </summary>
internal static class XlsxGuard
{
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void CheckSizes(ZipArchive zip)
    {
        if (zip.Entries.Count > 10_000)
        {
            throw Bomb();
        }
        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            long size = 0;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                size += read;
                total += read;
                if (total > ImportLimits.MaxUnpackedBytes
                    || (size > 1024 * 1024 && size > Math.Max(entry.CompressedLength, 1) * ImportLimits.MaxCompressionRatio))
                {
                    throw Bomb();
                }
            }
        }
    }

    public static List<(string Name, string Part)> Sheets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, reader) in Elements(zip, "xl/_rels/workbook.xml.rels"))
        {
            if (element == "Relationship" && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
            {
                targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }
        var sheets = new List<(string, string)>();
        foreach (var (element, reader) in Elements(zip, "xl/workbook.xml"))
        {
            if (element == "sheet" && reader.GetAttribute("name") is { } name
                && reader.GetAttribute("id", RelationshipNs) is { } rid && targets.TryGetValue(rid, out var part))
            {
                sheets.Add((name, part));
            }
        }
        return sheets;
    }

    /// <summary>
    /// References ("C5") of the cells that hold a formula (an &lt;f&gt; element). Rows and cells may omit their
    /// r attribute, in which case they follow the previous one, as Excel itself reads them. A cell beyond the
    /// row or column limits is refused.
    /// </summary>
    public static HashSet<string> FormulaCells(ZipArchive zip, string part)
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var row = 0;
        var column = 0;
        foreach (var (element, reader) in Elements(zip, part))
        {
            if (element == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = 0;
            }
            else if (element == "c")
            {
                column = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : column + 1;
                if (column > ImportLimits.MaxColumns || row > ImportLimits.MaxPhysicalRows)
                {
                    // Refused here, before the reader pads every row up to this column or walks to this row.
                    throw ImportFile.Problem("import.xlsx", string.Create(CultureInfo.InvariantCulture,
                        $"The worksheet uses cell {ColumnName(column)}{row}; at most {ImportLimits.MaxColumns} columns and {ImportLimits.MaxPhysicalRows} rows are read."));
                }
            }
            else if (element == "f" && row > 0 && column > 0)
            {
                found.Add(ColumnName(column) + row.ToString(CultureInfo.InvariantCulture));
            }
        }
        return found;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return column;
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }
        return name;
    }

    private static IEnumerable<(string LocalName, XmlReader Reader)> Elements(ZipArchive zip, string part)
    {
        var entry = zip.GetEntry(part) ?? throw new InvalidDataException($"Missing part {part}.");
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, MaxCharactersInDocument = ImportLimits.MaxUnpackedBytes,
        });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return (reader.LocalName, reader);
            }
        }
    }

    private static Huikuan.Domain.DomainRuleException Bomb() => ImportFile.Problem("import.xlsx", string.Create(CultureInfo.InvariantCulture,
        $"The workbook unpacks to more than {ImportLimits.MaxUnpackedBytes / (1024 * 1024)} MB or is packed suspiciously tightly; it is refused as a possible zip bomb."));
}
