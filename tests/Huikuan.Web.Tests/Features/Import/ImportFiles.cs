using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Huikuan.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Huikuan.Web.Tests.Features.Import;

/// <summary>Real import files made in the test: CSV bytes in a chosen encoding, and .xlsx workbooks written by MiniExcel.</summary>
internal static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding("GB18030");

    public static byte[] Csv(string text, Encoding? encoding = null) => (encoding ?? new UTF8Encoding(false)).GetBytes(text.ReplaceLineEndings("\r\n"));

    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows, string sheetName = "Sheet1")
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: sheetName);
        return stream.ToArray();
    }

    /// <summary>Turns one cell of a workbook into a formula cell, as Excel stores it (an &lt;f&gt; element before the cached value).</summary>
    public static byte[] WithFormula(byte[] xlsx, string cell, string formula)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }
            var tag = new Regex($"<(?<p>\\w+:)?c r=\"{cell}\"[^>]*>");
            var match = tag.Match(xml);
            Assert.True(match.Success, $"Cell {cell} not found in the sheet.");
            xml = xml.Insert(match.Index + match.Length, $"<{match.Groups["p"].Value}f>{formula}</{match.Groups["p"].Value}f>");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        return stream.ToArray();
    }

    /// <summary>A zip that looks like a workbook but whose sheet unpacks to far more than it weighs.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 8; i++)
            {
                sheet.Write(zeros);
            }
        }
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(CompanyApi api, string kind, byte[] bytes, string fileName, bool dryRun = false)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await api.Http.PostAsync(new Uri($"/api/import/{kind}{(dryRun ? "?dryRun=true" : "")}", UriKind.Relative), content);
    }
}
