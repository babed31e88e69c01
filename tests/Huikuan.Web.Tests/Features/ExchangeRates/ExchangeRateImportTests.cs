using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Tests.Features.Import;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.ExchangeRates;

/// <summary>
/// Rates imported from real .csv and .xlsx files through the upload endpoint: every bad row named with its number and
/// reason, nothing written unless every row is good, and a rate already in the table never changed.
/// </summary>
public abstract class ExchangeRateImportTests(HuikuanApp app)
{
    private static readonly DateOnly Sep1 = new(2026, 9, 1);

    private static async Task<HttpResponseMessage> UploadAsync(CompanyApi api, byte[] bytes, string fileName, bool dryRun = false)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await api.Http.PostAsync(new Uri($"/api/exchange-rates/import{(dryRun ? "?dryRun=true" : "")}", UriKind.Relative), content);
    }

    private static async Task<ImportSummary> ImportOkAsync(CompanyApi api, byte[] bytes, string fileName, bool dryRun = false)
    {
        var response = await UploadAsync(api, bytes, fileName, dryRun);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportSummary>(HuikuanApp.Json))!;
    }

    private static async Task<List<(int Row, string Field, string? Rule)>> RejectedRowsAsync(CompanyApi api, byte[] bytes, string fileName)
    {
        var problem = await CompanyApi.AssertProblemAsync(await UploadAsync(api, bytes, fileName), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("https://huikuan.dev/problems/import.rejected", problem.GetProperty("type").GetString());
        return [.. problem.GetProperty("rows").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!,
            e.TryGetProperty("rule", out var rule) && rule.ValueKind == JsonValueKind.String ? rule.GetString() : null))];
    }

    private static async Task<List<string>> TableAsync(CompanyApi api) =>
        [.. (await api.GetAsync<ExchangeRateList>("/api/exchange-rates?pageSize=200")).Rates.Items
            .OrderBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.Day)
            .Select(r => FormattableString.Invariant($"{r.Currency} {r.Day:yyyy-MM-dd} {r.Rate:0.########}"))];

    [Fact]
    public async Task ACsvWithChineseHeadersAndBlankLines_AddsEveryRate_AndACheckOnlyRunAddsNone()
    {
        var api = await app.NewCompanyAsync();
        var csv = ImportFiles.Csv("日期,币种,汇率\n\n2026-09-01,USD,7.1234\n2026/9/2,usd,7.12345678\n\n2026-09-01,JPY,0.0481\n\n");

        var checkedOnly = await ImportOkAsync(api, csv, "rates.csv", dryRun: true);
        Assert.Equal((true, 3, 0), (checkedOnly.DryRun, checkedOnly.RowsRead, checkedOnly.RowsImported));
        Assert.Empty(await TableAsync(api));

        var imported = await ImportOkAsync(api, csv, "rates.csv");
        Assert.Equal((3, 3), (imported.RowsRead, imported.RowsImported));
        Assert.Equal(["JPY 2026-09-01 0.0481", "USD 2026-09-01 7.1234", "USD 2026-09-02 7.12345678"], await TableAsync(api));
    }

    [Fact]
    public async Task AnXlsxWorkbook_IsReadLikeTheCsv_NumbersAndDatesAsExcelWroteThem()
    {
        var api = await app.NewCompanyAsync();
        var xlsx = ImportFiles.Xlsx(
        [
            new Dictionary<string, object?> { ["date"] = new DateTime(2026, 9, 1), ["currency"] = "EUR", ["rate"] = 7.8123 },
            new Dictionary<string, object?> { ["date"] = "2026-09-02", ["currency"] = "HKD", ["rate"] = "0.9134" },
        ]);

        Assert.Equal(2, (await ImportOkAsync(api, xlsx, "rates.xlsx")).RowsImported);
        Assert.Equal(["EUR 2026-09-01 7.8123", "HKD 2026-09-02 0.9134"], await TableAsync(api));
    }

    [Fact]
    public async Task EveryBadRow_IsNamedWithItsNumberAndReason_AndNothingIsWritten()
    {
        var api = await app.NewCompanyAsync();
        var csv = ImportFiles.Csv("""
            date,currency,rate
            2026-09-01,USD,7.1234
            2026-02-30,USD,7.1
            2026-09-01,XYZ,1.5
            2026-09-01,CNY,1
            2026-09-03,USD,0
            2026-09-04,USD,-7.1
            2026-09-05,USD,7.123456789
            2026-09-06,USD,abc
            2026-09-01,usd,7.2
            2026-09-07,USD,
            """);

        var rows = await RejectedRowsAsync(api, csv, "rates.csv");

        Assert.Equal(
        [
            (3, "date", "cell.notDate"), (4, "currency", "cell.currency"), (5, "currency", "exchangeRate.companyCurrency"),
            (6, "rate", "exchangeRate.rate"), (7, "rate", "exchangeRate.rate"), (8, "rate", "exchangeRate.rate"), (9, "rate", "exchangeRate.notNumber"),
            (10, "date", "exchangeRate.twiceInFile"), (11, "rate", "cell.required"),
        ], rows);
        Assert.Empty(await TableAsync(api));
    }

    [Fact]
    public async Task ARateAlreadyInTheTable_IsAConflictOfItsRow_AndIsNeverChanged()
    {
        var api = await app.NewCompanyAsync();
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Sep1, 7.10m));
        var csv = ImportFiles.Csv("date,currency,rate\n2026-08-31,USD,7.05\n2026-09-01,USD,7.30\n2026-09-02,USD,7.11\n");

        Assert.Equal([(3, "date", "exchangeRate.exists")], await RejectedRowsAsync(api, csv, "rates.csv"));
        Assert.Equal(["USD 2026-09-01 7.1"], await TableAsync(api));
    }

    [Fact]
    public async Task ACommaDecimal_IsRefusedRatherThanGuessed()
    {
        var api = await app.NewCompanyAsync();
        // Quoted so that the comma stays in the cell; 7,123 would be 7123 read as thousands and 7.123 read as a decimal.
        var csv = ImportFiles.Csv("date;currency;rate\n2026-09-01;USD;7,1234\n2026-09-02;USD;7,123\n2026-09-03;USD;7.123\n");

        Assert.Equal([(2, "rate", "exchangeRate.comma"), (3, "rate", "exchangeRate.comma")], await RejectedRowsAsync(api, csv, "rates.csv"));
        Assert.Empty(await TableAsync(api));
    }

    [Fact]
    public async Task TextThatASpreadsheetWouldRunAsAFormula_IsRefused_AndAFormulaCellToo()
    {
        var api = await app.NewCompanyAsync();
        var csv = ImportFiles.Csv("date,currency,rate\n2026-09-01,=cmd|' /C calc'!A0,7.1\n2026-09-02,USD,=7.1+0\n2026-09-03,@SUM(A1),7.1\n");
        Assert.Equal([(2, "currency", "cell.formulaText"), (3, "rate", "cell.formulaText"), (4, "currency", "cell.formulaText")],
            await RejectedRowsAsync(api, csv, "rates.csv"));

        var xlsx = ImportFiles.WithFormula(ImportFiles.Xlsx([new Dictionary<string, object?> { ["date"] = "2026-09-01", ["currency"] = "USD", ["rate"] = 7.1 }]),
            "C2", "7+0.1");
        Assert.Equal([(2, "rate", "cell.formula")], await RejectedRowsAsync(api, xlsx, "rates.xlsx"));
        Assert.Empty(await TableAsync(api));
    }

    [Fact]
    public async Task TheImportsLimits_Hold_TooManyRowsAndTooLargeAFile()
    {
        var api = await app.NewCompanyAsync();
        var text = new StringBuilder("date,currency,rate\n", 6_000_000);
        for (var i = 0; i <= ImportLimits.MaxRows; i++)
        {
            text.Append("2026-09-01,USD,7.1\n");
        }
        var tooMany = await CompanyApi.AssertProblemAsync(await UploadAsync(api, ImportFiles.Csv(text.ToString()), "many.csv"),
            HttpStatusCode.UnprocessableEntity, "file");
        Assert.Contains("200000", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var bytes = new byte[ImportLimits.MaxFileBytes + 1];
        Array.Fill(bytes, (byte)'x');
        await CompanyApi.AssertProblemAsync(await UploadAsync(api, bytes, "huge.csv"), HttpStatusCode.RequestEntityTooLarge);
        await CompanyApi.AssertProblemAsync(await UploadAsync(api, ImportFiles.Csv("kurs,waehrung\n1,2\n"), "wrong.csv"), HttpStatusCode.UnprocessableEntity, "file");
        Assert.Empty(await TableAsync(api));
    }

    [Fact]
    public async Task OnlyThoseWhoPost_MayImportRates()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        await CompanyApi.AssertProblemAsync(await UploadAsync(collector, ImportFiles.Csv("date,currency,rate\n2026-09-01,USD,7.1\n"), "rates.csv"),
            HttpStatusCode.Forbidden);
        Assert.Empty(await TableAsync(admin));
    }

    [Fact]
    public async Task TheTemplate_HasTheColumnsInTheReadersLanguage_AndImportsAsItIs()
    {
        var api = await app.NewCompanyAsync();
        var english = await api.Http.GetByteArrayAsync(new Uri("/api/exchange-rates/import/template.csv", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/exchange-rates/import/template.csv", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await (await api.Http.SendAsync(request)).Content.ReadAsByteArrayAsync();

        Assert.StartsWith("date,currency,rate\r\n", Encoding.UTF8.GetString(english).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("日期,币种,汇率\r\n", Encoding.UTF8.GetString(chinese).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(1, (await ImportOkAsync(api, chinese, "template.csv")).RowsImported);
    }
}

public sealed class ExchangeRateImportTestsOnSqlite(SqliteApp app) : ExchangeRateImportTests(app), IClassFixture<SqliteApp>;

public sealed class ExchangeRateImportTestsOnPostgres(PostgresApp app) : ExchangeRateImportTests(app), IClassFixture<PostgresApp>;
