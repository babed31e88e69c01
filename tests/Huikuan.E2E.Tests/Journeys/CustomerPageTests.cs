using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>The customer page's header and tabs, and a salesperson's "My customers".</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerPageTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task ACollector_SwitchesTabsByClickAndByKeyboard_TheAddressKeepsTheTab_AndAReloadOpensIt()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var list = await (await session.Page.APIRequest.GetAsync("/api/customers?pageSize=1&sort=outstanding&desc=true")).JsonAsync();
        var id = list!.Value.GetProperty("items")[0].GetProperty("id").GetGuid();
        var customer = new CustomerPage(session.Page, id);
        await customer.OpenAsync();

        // The open items first; the other tabs' panels are not drawn (nor read) until asked for.
        await Expect(customer.Tab("items")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(customer.Tab("timeline")).ToHaveAttributeAsync("aria-selected", "false");
        await Expect(customer.Header.GetByTestId("header-open").First).ToHaveTextAsync(new Regex(@"[\d,]+\.\d{2}|无未收"));
        await Expect(customer.Header.GetByTestId("header-grade")).ToHaveTextAsync(new Regex("级|未评级|[A-E]"));
        await Expect(customer.Balances).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("customer-timeline")).ToHaveCountAsync(0);
        await Expect(session.Page.GetByTestId("statement")).ToHaveCountAsync(0);
        await customer.ScreenshotAsync("customer-page-items");

        await customer.OpenTabAsync("timeline");
        Assert.EndsWith($"/customers/{id}?tab=timeline", session.Page.Url, StringComparison.Ordinal);
        await Expect(session.Page.GetByTestId("customer-timeline")).ToBeVisibleAsync();
        await Expect(customer.Balances).ToHaveCountAsync(0);

        await session.Page.ReloadAsync();
        await Expect(customer.Heading).ToBeVisibleAsync();
        await Expect(customer.Tab("timeline")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(session.Page.GetByTestId("customer-timeline")).ToBeVisibleAsync();

        // By keyboard: the tabs are links in the tab order; Enter opens one.
        await customer.Tab("credit").FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(customer.Tab("credit")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(session.Page.GetByTestId("credit-standing")).ToBeVisibleAsync();
        Assert.EndsWith("?tab=credit", session.Page.Url, StringComparison.Ordinal);

        // Back returns to the tab before.
        await session.Page.GoBackAsync();
        await Expect(customer.Tab("timeline")).ToHaveAttributeAsync("aria-selected", "true");

        foreach (var tab in new[] { "orders", "documents", "statement" })
        {
            await customer.OpenTabAsync(tab);
        }
        await Expect(customer.Statement).ToBeVisibleAsync();
        await customer.OpenTabAsync("items");
        await Expect(customer.Balances).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ACallLoggedFromTheHeader_SetsTheNextStepShownInTheHeader_AndStandsFirstOnTheTimeline()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var list = await (await session.Page.APIRequest.GetAsync("/api/customers?pageSize=3")).JsonAsync();
        var id = list!.Value.GetProperty("items")[2].GetProperty("id").GetGuid();
        var customer = new CustomerPage(session.Page, id);
        var timeline = new CustomerTimelinePanel(session.Page, id);
        await timeline.OpenAsync();
        var step = "寄送对账单给财务 " + Guid.NewGuid().ToString("N")[..4];

        await session.Page.GetByTestId("header-log-contact").ClickAsync();
        await timeline.Outcome("NoAnswer").ClickAsync();
        await timeline.NextStep.FillAsync(step);
        await timeline.NextStep.PressAsync("Tab");
        await timeline.Save.ClickAsync();

        await Expect(timeline.Dialog).ToBeHiddenAsync();
        await Expect(customer.Header.GetByTestId("header-next-step")).ToHaveTextAsync(step);
        await Expect(customer.Header.GetByTestId("header-last-contact")).ToContainTextAsync("电话");
        await Expect(timeline.Entries.First).ToContainTextAsync(step);
        await customer.ScreenshotAsync("customer-page-timeline");
    }

    [Fact]
    public async Task ASalesperson_FindsMyCustomersInTheMenu_WithTheirOverdueAndCollections_AndOpensTheMostOverdueCustomer()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Salesperson");
        var mine = new MyCustomersPage(session.Page);

        await Expect(session.Page.GetByTestId("my-customers-link")).ToBeVisibleAsync();
        await mine.NavLink("我的客户").ClickAsync();
        await session.Page.WaitForURLAsync(new Regex("/my-customers$"));
        await Expect(mine.Heading).ToHaveTextAsync("我的客户");
        await Expect(mine.Overdue).ToHaveTextAsync(new Regex(@"^CNY [\d,]+\.\d{2}$|^[\d,]+\.\d{2} CNY$"));
        await Expect(mine.Collected).ToHaveTextAsync(new Regex(@"[\d,]+\.\d{2}"));
        await Expect(mine.LastMonth).ToContainTextAsync("上月");
        await session.Page.Mouse.MoveAsync(900, 500);   // the menu folds back to its icons
        await mine.ScreenshotAsync("my-customers");

        // Only their own customers: each one listed is one the API shows them.
        var own = (await (await session.Page.APIRequest.GetAsync("/api/customers?pageSize=500")).JsonAsync())!.Value.GetProperty("items")
            .EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToHashSet();
        var names = await mine.TopOverdueRows.Locator("td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(n, own));

        await mine.TopOverdueRows.First.GetByRole(AriaRole.Link).ClickAsync();
        await session.Page.WaitForURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Expect(new CustomerPage(session.Page, Guid.Empty).Heading).ToHaveTextAsync(names[0]);

        await using var collector = await chromium.NewSessionAsync(server);
        await new SignInPage(collector.Page).SignInAsync("Collector");
        var theirs = new MyCustomersPage(collector.Page);
        await Expect(theirs.NavLink("我的客户")).ToHaveCountAsync(0);
        await theirs.OpenAsync();
        await Expect(theirs.NotForRole).ToBeVisibleAsync();
    }
}
