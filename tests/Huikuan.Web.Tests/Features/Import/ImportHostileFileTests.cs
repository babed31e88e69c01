using System.Net;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Import;

/// <summary>Files that are not what they claim: each gets a clear 422 naming the file, never a 500.</summary>
public abstract class ImportHostileFileTests(HuikuanApp app)
{
    public static TheoryData<string, byte[]> HostileFiles => new()
    {
        { "empty", [] },
        { "binary", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0xFF] },
        { "unbalanced quotes", ImportFiles.Csv("code,name\nC1,\"never closed\nC2,x\n") },
        { "stray quote", ImportFiles.Csv("code,name\nC1,ab\"c\"d\n") },
        { "header only", ImportFiles.Csv("code,name\n") },
        { "missing columns", ImportFiles.Csv("kunde,name\nC1,x\n") },
        { "not utf-8 nor gbk", [0x63, 0x6F, 0x64, 0x65, 0x0A, 0xFF, 0xFF, 0xFF, 0x0A] },
        { "broken zip", [0x50, 0x4B, 0x03, 0x04, 0x01, 0x02, 0x03] },
        { "zip bomb", ImportFiles.ZipBomb() },
        { "old xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] },
        { "truncated xlsx", Customers()[..(Customers().Length / 2)] },
        { "xlsx with a broken sheet", ReplacePart(Customers(), "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c") },
        { "xlsx without a workbook part", ReplacePart(Customers(), "xl/workbook.xml", null) },
        { "random bytes", RandomBytes(4096) },
        { "xlsx padded to the last row", PadToLastRow(Customers()) },
        { "xlsx reaching the last column", ReplacePart(Customers(), "xl/worksheets/sheet1.xml",
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>") },
    };

    private static byte[] Customers() => ImportFiles.Xlsx([new Dictionary<string, object?> { ["code"] = "C1", ["name"] = "x" }]);

    private static byte[] PadToLastRow(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx), System.IO.Compression.ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        var close = System.Text.RegularExpressions.Regex.Match(sheet, "</(\\w+:)?sheetData>");
        var (end, prefix) = (close.Index, close.Groups[1].Value);
        var last = $"<{prefix}row r=\"1048576\"><{prefix}c r=\"A1048576\" t=\"inlineStr\"><{prefix}is><{prefix}t>x</{prefix}t></{prefix}is></{prefix}c></{prefix}row>";
        return ReplacePart(xlsx, "xl/worksheets/sheet1.xml", sheet.Insert(end, last));
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(20261123).NextBytes(bytes);
        return bytes;
    }

    private static byte[] ReplacePart(byte[] xlsx, string part, string? content)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)?.Delete();
            if (content is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Import_OfAHostileFile_IsAClear422NamingTheFile(string what, byte[] bytes)
    {
        var api = await app.NewCompanyAsync();
        var response = await ImportFiles.UploadAsync(api, "customers", bytes, what + ".csv");
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "file");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Import_WithoutAFileField_IsA422SayingHowToSendIt()
    {
        var api = await app.NewCompanyAsync();
        var json = await api.PostAsync("/api/import/customers", new { code = "x" });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ImportFiles.Csv("code,name\nC1,x\n")), "upload", "c.csv" } };
        var wrongField = await api.Http.PostAsync(new Uri("/api/import/customers", UriKind.Relative), form);

        var problem = await CompanyApi.AssertProblemAsync(json, HttpStatusCode.UnprocessableEntity, "file");
        await CompanyApi.AssertProblemAsync(wrongField, HttpStatusCode.UnprocessableEntity, "file");
        Assert.Contains("'file'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public sealed class ImportHostileFileTestsOnSqlite(SqliteApp app) : ImportHostileFileTests(app), IClassFixture<SqliteApp>;

public sealed class ImportHostileFileTestsOnPostgres(PostgresApp app) : ImportHostileFileTests(app), IClassFixture<PostgresApp>;
