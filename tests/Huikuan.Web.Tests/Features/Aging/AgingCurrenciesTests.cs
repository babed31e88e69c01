using System.Globalization;
using System.Net.Http.Headers;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Huikuan.Web.Tests.Features.Aging;

/// <summary>
/// Without a currency the aging report is the company's: every currency converted into the company's at the rate table
/// as of the report's date, the rates used and the currencies without one in the response, the page and the export.
/// With a currency, it is that currency's items in their own amounts. Each test sets the clock first.
/// </summary>
public abstract class AgingCurrenciesTests(HuikuanApp app)
{
    private static readonly DateOnly Dec1 = new(2026, 12, 1);

    private async Task<(CompanyApi Api, Guid Cny, Guid Usd, Guid Jpy)> ThreeCurrenciesAsync(CompanyApi? api = null, Guid? salespersonId = null)
    {
        app.Clock.SetToday(Dec1);
        api ??= await app.NewCompanyAsync();
        var cny = await api.CustomerAsync("人民币客户");
        var usd = await api.CustomerAsync("美元客户", currency: "USD", salespersonId: salespersonId);
        var jpy = await api.CustomerAsync("日元客户", currency: "JPY");
        await api.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 11, 10), 1_000m, due: new DateOnly(2026, 12, 10));
        await api.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 10, 20), 500m, due: new DateOnly(2026, 11, 20));
        await api.IssueInvoiceAsync(usd.Id, new DateOnly(2026, 11, 15), 100.01m, due: new DateOnly(2026, 12, 15), currency: "USD");
        await api.IssueInvoiceAsync(usd.Id, new DateOnly(2026, 9, 1), 33.33m, due: new DateOnly(2026, 10, 1), currency: "USD");
        await api.IssueInvoiceAsync(jpy.Id, new DateOnly(2026, 10, 1), 1_200_000m, due: new DateOnly(2026, 11, 1), currency: "JPY");
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 11, 10), 7m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 11, 30), 7.12345678m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 12, 2), 9m));
        return (api, cny.Id, usd.Id, jpy.Id);
    }

    [Fact]
    public async Task WithoutACurrency_TheReportIsTheCompanys_InItsCurrencyAtTheTablesRates()
    {
        var (api, cny, usd, _) = await ThreeCurrenciesAsync();

        var report = await api.AgingAsync();

        Assert.Equal("CNY", report.Currency);
        Assert.Equal(["CNY", "JPY", "USD"], report.Currencies);
        // 100.01 USD × 7.12345678 = 712.4169125678 → 712.42; 33.33 USD × 7.12345678 = 237.4248144774 → 237.42.
        Assert.Equal([1_712.42m, 500m, 0m, 237.42m, 0m, 0m, 0m], report.Totals);
        Assert.Equal(2_449.84m, report.Total);
        Assert.Equal([(cny, 1_500m), (usd, 949.84m)], report.Rows.Items.Select(r => (r.Id!.Value, r.Total)));
        Assert.Equal(report.Total, report.Rows.Items.Sum(r => r.Total));
        Assert.Equal([712.42m, 0m, 0m, 237.42m, 0m, 0m, 0m], report.Rows.Items[1].Buckets);
        var conversion = Assert.IsType<TotalsConversion>(report.Conversion);
        Assert.Equal([new TotalRate("USD", 7.12345678m, new DateOnly(2026, 11, 30), false)], conversion.Rates);
        Assert.Equal([new UnconvertedAmount("JPY", 1_200_000m)], conversion.Missing);
    }

    [Fact]
    public async Task WithACurrency_TheReportIsThatCurrencysItems_InTheirOwnAmounts()
    {
        var (api, _, usd, jpy) = await ThreeCurrenciesAsync();

        var dollars = await api.AgingAsync("&currency=usd");
        var yen = await api.AgingAsync("&currency=JPY");
        var yuan = await api.AgingAsync("&currency=CNY");

        Assert.Equal(("USD", 133.34m, (TotalsConversion?)null), (dollars.Currency, dollars.Total, dollars.Conversion));
        Assert.Equal([usd], dollars.Rows.Items.Select(r => r.Id!.Value));
        Assert.Equal([0m, 1_200_000m, 0m, 0m, 0m, 0m, 0m], yen.Totals);
        Assert.Equal([jpy], yen.Rows.Items.Select(r => r.Id!.Value));
        Assert.Equal(1_500m, yuan.Total);
        Assert.Equal(["CNY", "JPY", "USD"], yuan.Currencies);
    }

    /// <summary>As of a past date, the rate of that date: not today's, and never one entered for a later day.</summary>
    [Fact]
    public async Task AsOfAPastDate_TheRateOfThatDateIsUsed()
    {
        var (api, _, _, _) = await ThreeCurrenciesAsync();

        var report = await api.AgingAsync("&asOf=2026-11-15");

        // 100.01 × 7 = 700.07 (issued on the 15th, not yet due); 33.33 × 7 = 233.31, 45 days overdue.
        Assert.Equal([1_000m + 500m + 700.07m, 0m, 233.31m, 0m, 0m, 0m, 0m], report.Totals);
        Assert.Equal([new TotalRate("USD", 7m, new DateOnly(2026, 11, 10), false)], report.Conversion!.Rates);
        Assert.Equal([new UnconvertedAmount("JPY", 1_200_000m)], report.Conversion.Missing);
        var tomorrow = await api.AgingAsync("&asOf=2026-12-02");
        Assert.Equal(9m, tomorrow.Conversion!.Rates.Single().Rate);
    }

    [Fact]
    public async Task UnappliedCashInAForeignCurrency_IsConvertedToo_AndRowsStillAddUp()
    {
        var (api, _, usd, _) = await ThreeCurrenciesAsync();
        await api.RecordReceiptAsync(usd, Dec1, 10m, currency: "USD");

        var report = await api.AgingAsync("&groupBy=salesperson");

        Assert.Equal(71.23m, report.Unapplied);                                   // 10 × 7.12345678 = 71.2345678
        var row = Assert.Single(report.Rows.Items);
        Assert.Equal((2_449.84m, 71.23m, 2_378.61m), (row.Total, row.Unapplied, row.Net));
    }

    [Fact]
    public async Task ASalesperson_SeesTheirCustomersConverted()
    {
        app.Clock.SetToday(Dec1);
        var admin = await app.NewCompanyAsync();
        var wang = await admin.SalespersonAsync("S1", "王芳");
        var (_, _, usd, _) = await ThreeCurrenciesAsync(admin, wang.Id);
        var sales = await admin.AsNewUserAsync(Role.Salesperson, wang.Id);

        var report = await sales.AgingAsync();

        Assert.Equal([usd], report.Rows.Items.Select(r => r.Id!.Value));
        Assert.Equal(949.84m, report.Total);
        Assert.Empty(report.Conversion!.Missing);
        Assert.Equal(["USD"], report.Currencies);
    }

    [Fact]
    public async Task TheDrillDownOfTheCompanysReport_ListsEveryCurrencysItemsInTheirOwn()
    {
        var (api, _, usd, _) = await ThreeCurrenciesAsync();

        var all = await api.GetAsync<Page<AgingItem>>("/api/aging/items");
        var dollars = await api.GetAsync<Page<AgingItem>>($"/api/aging/items?customerId={usd}");

        Assert.Equal(5, all.Total);
        Assert.Equal([("USD", 33.33m), ("USD", 100.01m)], dollars.Items.Select(i => (i.Currency, i.Open)));
        Assert.Contains(all.Items, i => (i.Currency, i.Open) == ("JPY", 1_200_000m));
        Assert.Equal(["CNY"], (await api.GetAsync<Page<AgingItem>>("/api/aging/items?currency=CNY")).Items.Select(i => i.Currency).Distinct());
    }

    [Fact]
    public async Task TheExport_HasASheetOfTheRatesUsed_AndTheCurrenciesLeftOut()
    {
        var (api, _, _, _) = await ThreeCurrenciesAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/aging/export.xlsx", UriKind.Relative));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        using var response = await api.Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var aging = Read(bytes, "账龄");
        Assert.Equal(2_449.84m, Amount(aging[^1]["合计"]));
        var rates = Read(bytes, "汇率");
        Assert.Equal(["币种", "汇率（CNY）", "汇率日期", "说明", "未计入金额"], rates[0].Keys);
        Assert.Equal(("USD", 7.12345678m, "2026-11-30"), ((string)rates[0]["币种"], Amount(rates[0]["汇率（CNY）"]), (string)rates[0]["汇率日期"]));
        Assert.Equal(("JPY", "2026-12-01 及以前无汇率", 1_200_000m), ((string)rates[1]["币种"], (string)rates[1]["说明"], Amount(rates[1]["未计入金额"])));
        Assert.Equal(2, rates.Count);

        using var single = await api.Http.GetAsync(new Uri("/api/aging/export.xlsx?currency=USD", UriKind.Relative));
        using var stream = new MemoryStream(await single.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Aging"], MiniExcel.GetSheetNames(stream));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("us")]
    [InlineData("USD;DROP")]
    public async Task AnUnknownCurrency_IsRefusedNamingTheParameter(string currency)
    {
        app.Clock.SetToday(Dec1);
        var api = await app.NewCompanyAsync();

        var response = await api.Http.GetAsync(new Uri($"/api/aging?currency={Uri.EscapeDataString(currency)}", UriKind.Relative));

        await CompanyApi.AssertProblemAsync(response, System.Net.HttpStatusCode.UnprocessableEntity, "currency");
    }

    private static List<IDictionary<string, object>> Read(byte[] bytes, string sheet)
    {
        using var stream = new MemoryStream(bytes);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>()];
    }

    private static decimal Amount(object cell) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
}

public sealed class AgingCurrenciesTestsOnSqlite(SqliteApp app) : AgingCurrenciesTests(app), IClassFixture<SqliteApp>;

public sealed class AgingCurrenciesTestsOnPostgres(PostgresApp app) : AgingCurrenciesTests(app), IClassFixture<PostgresApp>;
