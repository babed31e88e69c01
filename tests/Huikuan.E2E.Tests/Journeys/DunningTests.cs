using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class DunningTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task ACollector_PreviewsTheRun_RunsIt_AndReadsWhatACustomerWasSent_InChinese()
    {
        await using var collector = await chromium.NewSessionAsync(server);
        await new SignInPage(collector.Page).SignInAsync("Collector");
        var desk = new DunningDeskPage(collector.Page);
        await desk.OpenAsync();

        // The demo company has late payers: the preview names who gets which level, and why.
        await Expect(desk.ToSend).ToContainTextAsync("将发送");
        await Expect(desk.Rows.First).ToContainTextAsync("发送");
        await Expect(desk.Rows.First).ToContainTextAsync("最早一笔已逾期");
        await desk.ScreenshotAsync("dunning-preview");

        // The company's first run asks first, with the customers per level: all at the friendly reminder, none further.
        await desk.RunNow.ClickAsync();
        await Expect(desk.ConfirmWhy).ToContainTextAsync("第一次运行催收");
        await Expect(desk.ConfirmLevels).ToHaveCountAsync(1);
        await Expect(desk.ConfirmLevels.First).ToContainTextAsync("friendly");
        await desk.ScreenshotAsync("dunning-confirm");
        await desk.ConfirmRun.ClickAsync();
        await Expect(desk.RunDone).ToContainTextAsync("完成：催收", new() { Timeout = 120_000 });
        var sent = int.Parse(DunnedCount().Match(await desk.RunDone.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(sent > 0, "The run dunned nobody.");
        await desk.ScreenshotAsync("dunning-run-done");

        // Run again: nothing is sent twice.
        await desk.RunNow.ClickAsync();
        await Expect(desk.RunDone).ToContainTextAsync("完成：催收 0 个客户", new() { Timeout = 120_000 });

        await desk.ShowRunsAsync();
        await Expect(desk.RunRows).ToHaveCountAsync(2);
        await desk.OpenRunAsync(1);
        await Expect(desk.Communications.First).ToBeVisibleAsync();
        await desk.ScreenshotAsync("dunning-runs");

        await desk.Communications.First.GetByTestId("communication-open").ClickAsync();
        await collector.Page.WaitForURLAsync(CommunicationUrl());
        var communication = new CommunicationPage(collector.Page, Guid.Parse(CommunicationUrl().Match(collector.Page.Url).Groups[1].Value));
        await Expect(communication.Items).ToContainTextAsync("CNY");
        await Expect(communication.Body).ToContainTextAsync("CNY"); // the text lists the items with their amounts
        await Expect(communication.Facts).ToContainTextAsync("中文"); // the language by its name, not zh-CN
        await Expect(communication.Facts).Not.ToContainTextAsync("zh-CN");
        await communication.ScreenshotAsync("dunning-communication");

        // A salesperson sees only their own customers: another owner's communication is not found, and the page says so.
        await using var sales = await chromium.NewSessionAsync(server);
        await new SignInPage(sales.Page).SignInAsync("Salesperson");
        var own = (await (await sales.Page.GotoAsync("/api/customers?pageSize=500"))!.JsonAsync())!.Value.GetProperty("items")
            .EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        var runs = (await (await collector.Page.GotoAsync("/api/dunning/runs"))!.JsonAsync())!.Value;
        var communications = new List<(Guid Id, Guid Customer)>();
        foreach (var run in runs.EnumerateArray())
        {
            var detail = (await (await collector.Page.GotoAsync($"/api/dunning/runs/{run.GetProperty("id").GetGuid()}"))!.JsonAsync())!.Value;
            communications.AddRange(detail.GetProperty("communications").EnumerateArray()
                .Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("customerId").GetGuid())));
        }
        var others = communications.First(c => !own.Contains(c.Customer));
        var forbidden = new CommunicationPage(sales.Page, others.Id);
        await forbidden.OpenAsync();
        await Expect(forbidden.NotFound).ToHaveTextAsync("该记录不存在，或您无权查看。");
        await Expect(forbidden.Subject).ToHaveCountAsync(0);
        await forbidden.ScreenshotAsync("dunning-communication-not-found");
    }

    /// <summary>A communication the reader may not see and one that does not exist look alike: "not found", not the error page.</summary>
    [Fact]
    public async Task ASalesperson_OpeningACommunicationThatIsNotTheirs_IsToldItIsNotFound()
    {
        await using var sales = await chromium.NewSessionAsync(server);
        await new SignInPage(sales.Page).SignInAsync("Salesperson");

        var page = new CommunicationPage(sales.Page, Guid.NewGuid());
        await page.OpenAsync();

        await Expect(page.NotFound).ToHaveTextAsync("该记录不存在，或您无权查看。");
        await Expect(page.Heading).ToHaveTextAsync("催收记录");
    }

    [GeneratedRegex(@"催收 (\d+) 个客户")]
    private static partial Regex DunnedCount();

    [GeneratedRegex(@"/dunning/communications/([0-9a-f-]{36})$")]
    private static partial Regex CommunicationUrl();
}
