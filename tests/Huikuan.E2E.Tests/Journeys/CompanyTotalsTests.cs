using System.Globalization;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>
/// A company with a USD customer (with a rate) and a JPY customer (without one): the dashboard and the aging report
/// say at which rate the dollars are in their CNY totals and that the yen are not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CompanyTotalsTests(Chromium chromium)
{
    [Fact]
    public async Task DashboardAndAging_NameTheRateOfEachForeignCurrency_AndTheCurrencyWithoutOne()
    {
        // New customers and rates change the demo company's totals: this journey has a server of its own.
        var server = await HuikuanServer.StartOwnAsync("company-totals");
        try
        {
            await using var session = await chromium.NewSessionAsync(server);
            await new SignInPage(session.Page).SignInAsync("Admin");
            var api = session.Page;
            var today = DateOnly.Parse((await (await api.APIRequest.GetAsync("/api/dashboard")).JsonAsync())!.Value.GetProperty("asOf").GetString()!,
                CultureInfo.InvariantCulture);
            var dollars = await PostAsync(api, "/api/customers", new { code = "FX-USD", name = "美国太平洋贸易公司", currency = "USD" });
            var yen = await PostAsync(api, "/api/customers", new { code = "FX-JPY", name = "日本精工株式会社", currency = "JPY" });
            await InvoiceAsync(api, dollars, today.AddDays(-45), 1_250_000m, "USD");
            await InvoiceAsync(api, yen, today.AddDays(-45), 1_200_000m, "JPY");
            await PostAsync(api, "/api/exchange-rates", new { currency = "USD", day = Day(today.AddDays(-1)), rate = 7.1234m });

            var dashboard = new DashboardPage(session.Page);
            await dashboard.OpenAsync();
            await Expect(dashboard.Conversion).ToHaveTextAsync(new Regex(@"^合计折合 CNY；USD 按 7\.1234（\d{4}/\d{1,2}/\d{1,2} 汇率）$"));
            await Expect(dashboard.MissingRates).ToContainTextAsync("JPY 无汇率：1,200,000 JPY 未计入");
            await Expect(dashboard.MissingRates.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/exchange-rates");
            await dashboard.ScreenshotAsync("dashboard-currencies");

            var aging = new AgingPage(session.Page);
            await aging.OpenAsync();
            await Expect(aging.Conversion).ToContainTextAsync("USD 按 7.1234");
            await Expect(aging.MissingRates).ToContainTextAsync("JPY 无汇率");
            await Expect(aging.Currency).ToContainTextAsync("全部币种（折合 CNY）");
            var row = aging.Rows.Filter(new() { HasText = "美国太平洋贸易公司" });
            await Expect(row.Locator("td").Nth(8)).ToHaveTextAsync("8,904,250.00");        // 1,250,000 USD × 7.1234
            await row.ClickAsync();
            await Expect(aging.DrillDownRows.First).ToContainTextAsync("USD");
            await Expect(aging.DrillDownRows.First).ToContainTextAsync("1,250,000.00");
            await aging.ScreenshotAsync("aging-currencies");

            await aging.ChooseCurrencyAsync("USD");
            await aging.ApplyAsync("查询");
            await Expect(aging.GrandTotal).ToHaveTextAsync("1,250,000.00");
            await Expect(aging.Conversion).ToHaveCountAsync(0);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<string> InvoiceAsync(IPage api, string customerId, DateOnly date, decimal amount, string currency) =>
        PostAsync(api, "/api/invoices", new
        {
            customerId, invoiceDate = Day(date), currency,
            lines = new[] { new { description = "货物", quantity = 1, unitPrice = amount } },
            installments = new[] { new { dueDate = Day(date.AddDays(30)), amount } },
        });

    /// <summary>Posts as the signed-in user and returns the new record's id.</summary>
    private static async Task<string> PostAsync(IPage page, string url, object body)
    {
        // A write signed in by the cookie must say it comes from the app's own origin, as the browser's pages do.
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var response = await page.APIRequest.PostAsync(url, new() { DataObject = body, Headers = new Dictionary<string, string> { ["Origin"] = origin } });
        Assert.True(response.Ok, $"{url}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value.GetProperty("id").GetString()!;
    }
}
