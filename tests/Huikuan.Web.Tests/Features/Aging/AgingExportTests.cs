using System.Globalization;
using System.Net.Http.Headers;
using Huikuan.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Huikuan.Web.Tests.Features.Aging;

public abstract class AgingExportTests(HuikuanApp app)
{
    private DateOnly Today => app.Clock.Today;

    [Fact]
    public async Task Export_IsAWorkbookOfEveryRow_WithATotalsRowThatMatchesTheReport()
    {
        var api = await app.NewCompanyAsync();
        foreach (var (days, amount) in new[] { (-5, 10.10m), (10, 20.20m), (45, 30.30m), (400, 40.40m) })
        {
            var customer = await api.CustomerAsync();
            await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-days - 30), amount, due: Today.AddDays(-days));
            await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-days - 30), 1m, due: Today.AddDays(-days));
        }
        var report = await api.AgingAsync();

        using var response = await api.Http.GetAsync(new Uri("/api/aging/export.xlsx", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"aging-{Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = await ReadAsync(response);
        Assert.Equal(["Code", "Customer", "Not yet due", "1–30 days", "31–60 days", "61–90 days", "91–180 days", "181–365 days", "Over 365 days",
            "Total", "Unapplied", "Net"], rows[0].Keys);
        Assert.Equal(4 + 1, rows.Count);
        var totals = rows[^1];
        Assert.Equal("Total", totals["Customer"]);
        Assert.Equal(report.Total, Amount(totals["Total"]));
        Assert.Equal(105m, Amount(totals["Total"]));
        Assert.Equal(report.Totals, report.BucketKeys.Select((_, i) => Amount(totals.Values.ElementAt(2 + i))));
        Assert.Equal(Amount(totals["Total"]), rows.SkipLast(1).Sum(r => Amount(r["Total"])));
        Assert.Equal(report.Rows.Items.Select(r => r.Code), rows.SkipLast(1).Select(r => (string)r["Code"]));
    }

    [Fact]
    public async Task Export_WithTheReportsParameters_IsThatReport_InTheBrowsersLanguage()
    {
        var api = await app.NewCompanyAsync();
        var wang = await api.SalespersonAsync("S1", "王芳");
        var customer = await api.CustomerAsync(salespersonId: wang.Id);
        await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-100), 55m, due: Today.AddDays(-70));
        await api.IssueInvoiceAsync((await api.CustomerAsync()).Id, Today.AddDays(-100), 5m, due: Today.AddDays(-10));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/aging/export.xlsx?buckets=30&groupBy=salesperson", UriKind.Relative));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        using var response = await api.Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var rows = await ReadAsync(response);
        Assert.Equal(["编码", "业务员", "未到期", "1–30 天", "30 天以上", "合计", "未核销", "净额"], rows[0].Keys);
        Assert.Equal([("王芳", 55m), ("（无业务员）", 5m), ("总计", 60m)], rows.Select(r => ((string)r["业务员"], Amount(r["合计"]))));
        Assert.Equal([0m, 5m, 55m], new[] { "未到期", "1–30 天", "30 天以上" }.Select(h => Amount(rows[^1][h])));
    }

    private static async Task<List<IDictionary<string, object>>> ReadAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>()];
    }

    /// <summary>Excel keeps numbers as doubles; amounts of a few decimals come back exactly at 15 significant digits.</summary>
    private static decimal Amount(object cell) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
}

public sealed class AgingExportTestsOnSqlite(SqliteApp app) : AgingExportTests(app), IClassFixture<SqliteApp>;

public sealed class AgingExportTestsOnPostgres(PostgresApp app) : AgingExportTests(app), IClassFixture<PostgresApp>;
