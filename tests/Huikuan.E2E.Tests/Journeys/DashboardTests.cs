using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class DashboardTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Dashboard_AfterSignIn_ShowsTotalReceivablesAndTheAgingChart()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Admin");
        var dashboard = new DashboardPage(session.Page);

        await Expect(dashboard.Heading).ToHaveTextAsync("Receivables dashboard");
        await Expect(dashboard.Receivables).ToHaveTextAsync(EnglishMoney());
        await Expect(dashboard.Overdue).ToHaveTextAsync(EnglishMoney());
        await Expect(dashboard.OverdueNote).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?% of receivables$"));
        await Expect(dashboard.AgingBars).ToHaveCountAsync(7);
        await Expect(dashboard.TopOverdueRows).ToHaveCountAsync(10);
        await Expect(dashboard.UserRole).ToHaveTextAsync("Administrator");
        await Expect(dashboard.FollowUpsLink).ToHaveAttributeAsync("href", "/follow-ups");

        await dashboard.ScreenshotAsync("dashboard");
    }

    [Fact]
    public async Task Dashboard_SwitchedToChinese_ShowsChineseLabelsNumbersAndDates()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Executive");
        var dashboard = new DashboardPage(session.Page);
        await Expect(dashboard.Heading).ToHaveTextAsync("Receivables dashboard");
        await Expect(dashboard.AsOf).ToContainTextAsync(new Regex(@"As of \w+, \w+ \d{1,2}, \d{4}"));

        await dashboard.SwitchLanguageAsync();

        await Expect(dashboard.Heading).ToHaveTextAsync("应收看板");
        await Expect(dashboard.UserRole).ToHaveTextAsync("管理层");
        await Expect(dashboard.AsOf).ToContainTextAsync(new Regex(@"截至 \d{4}年\d{1,2}月\d{1,2}日"));
        await Expect(dashboard.Receivables).ToHaveTextAsync(EnglishMoney());
        // The rate names its definition: from the 1st up to today, on both sides of the division.
        await Expect(dashboard.CollectionTitle).ToHaveTextAsync("本月到期回款率");
        await Expect(dashboard.CollectionNote).ToContainTextAsync(new Regex(@"（\d{4}/\d{1,2}/1 – \d{4}/\d{1,2}/\d{1,2}）"));
        await Expect(dashboard.CollectionDefinition).ToHaveTextAsync("本月1日至今日到期的分期中：截至今日已核销收回的金额 ÷ 其到期金额");
        await Expect(dashboard.AgingBars).ToHaveCountAsync(7);
        await Expect(session.Page.GetByText("按账龄的未收金额")).ToBeVisibleAsync();
        await dashboard.ScreenshotAsync("dashboard-zh");

        // The choice sticks: the next page is Chinese too, and switching back gives English.
        await dashboard.NavLink("账龄分析").ClickAsync();
        await Expect(dashboard.Heading).ToHaveTextAsync("账龄分析");
        await dashboard.SwitchLanguageAsync();
        await Expect(dashboard.Heading).ToHaveTextAsync("Aging report");
    }

    /// <summary>Grouped thousands, two decimals, the currency code: 1,234,567.89 CNY (the same in English and Chinese).</summary>
    private static Regex EnglishMoney() => MoneyPattern();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})*\.\d{2} CNY$")]
    private static partial Regex MoneyPattern();
}
