using System.IO.Compression;
using System.Text;
using Huikuan.Web.Features.Import;

namespace Huikuan.Web.Tests.Features.Import;

public sealed class XlsxGuardTests
{
    [Fact]
    public void FormulaCells_WhenRowsAndCellsOmitTheirReference_CountsThemByPosition()
    {
        using var zip = Zip("""
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row><c t="inlineStr"><is><t>code</t></is></c><c><v>1</v></c></row>
            <row r="3"><c><v>2</v></c><c><f>A3*2</f><v>4</v></c></row>
            <row><c r="AB4"><f t="shared" si="0"/><v>5</v></c></row>
            </sheetData></worksheet>
            """);
        Assert.Equal(["B3", "AB4"], XlsxGuard.FormulaCells(zip, "xl/worksheets/sheet1.xml").Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void CheckSizes_OfAPartPackedAThousandTimes_RefusesItAsAZipBomb()
    {
        using var zip = new ZipArchive(new MemoryStream(ImportFiles.ZipBomb()), ZipArchiveMode.Read);
        var error = Assert.Throws<Huikuan.Domain.DomainRuleException>(() => XlsxGuard.CheckSizes(zip));
        Assert.Equal("file", error.Field);
    }

    private static ZipArchive Zip(string sheet)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(sheet);
        }
        stream.Position = 0;
        return new ZipArchive(stream, ZipArchiveMode.Read);
    }
}
