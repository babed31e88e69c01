using System.Globalization;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>The date fields of the receipt and promise forms open a whole calendar, on a wide and on a narrow screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DatePickerTests(HuikuanServer server, Chromium chromium)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData(1280, "wide")]
    [InlineData(400, "narrow")]
    public async Task TheReceiptDate_IsPickedInTheNextMonth_ByClickingTheCalendar(int width, string name)
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await session.Page.SetViewportSizeAsync(width, 800);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();

        var picker = new DatePicker(session.Page, record.ReceivedOn);
        await picker.OpenAsync();
        await record.ScreenshotAsync($"date-picker-receipt-{name}");
        await picker.AssertWholeAsync();
        await picker.NextMonthAsync();
        await picker.ClickAsync(picker.Day(10));

        var today = await CompanyTodayAsync(session.Page);
        var expected = new DateOnly(today.Year, today.Month, 10).AddMonths(1);
        await Expect(record.ReceivedOn).ToHaveValueAsync(expected.ToString("d", English));
    }

    [Theory]
    [InlineData(1280, "wide")]
    [InlineData(400, "narrow")]
    public async Task ThePromiseDate_IsPickedInTheNextMonth_ByClickingTheCalendar(int width, string name)
    {
        await using var session = await chromium.NewSessionAsync(server);
        await session.Page.SetViewportSizeAsync(width, 800);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var list = await (await session.Page.GotoAsync("/api/customers?pageSize=1&sort=outstanding&desc=true"))!.JsonAsync();
        var id = Guid.Parse(list!.Value.GetProperty("items")[0].GetProperty("id").GetString()!);
        await new CustomerPage(session.Page, id).OpenAsync();
        var promises = new CustomerPromisesSection(session.Page);

        var picker = new DatePicker(session.Page, promises.PromisedOn);
        await picker.OpenAsync();
        await session.Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"date-picker-promise-{name}.png") }); // the screen, where the calendar is
        await picker.AssertWholeAsync();
        await picker.NextMonthAsync();
        await picker.ClickAsync(picker.Day(20));

        var today = await CompanyTodayAsync(session.Page);
        var expected = new DateOnly(today.Year, today.Month, 20).AddMonths(1);
        await Expect(promises.PromisedOn).ToHaveValueAsync(expected.ToString("d", CultureInfo.GetCultureInfo("zh-CN")));
    }

    /// <summary>The company's business day as the server's clock has it (Shanghai's, not this machine's).</summary>
    private static async Task<DateOnly> CompanyTodayAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/aging?pageSize=1");
        var json = await response.JsonAsync();
        return DateOnly.Parse(json!.Value.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
    }
}
