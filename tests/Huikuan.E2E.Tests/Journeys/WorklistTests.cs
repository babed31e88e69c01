using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>The collections worklist on the demo company: who to call today and why, snoozes, and the rules behind the points.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Collector_SeesTodaysListWithReasonsInWords_AndSnoozesACustomerThroughTheCalendar()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var list = new WorklistPage(session.Page);
        await list.OpenAsync();
        await Expect(list.Heading).ToHaveTextAsync("今日催收清单");
        await Expect(list.Rows.First).ToBeVisibleAsync();
        // Reasons in words, an amount at stake and a suggested action on every row; no code reaches the page.
        var first = list.Rows.First;
        await Expect(first.GetByTestId("reasons")).ToContainTextAsync("逾期");
        await Expect(first.GetByTestId("action")).Not.ToBeEmptyAsync();
        await Expect(first.GetByTestId("reasons")).Not.ToContainTextAsync("overdueAmount");
        await list.ScreenshotAsync("worklist-collector");

        var code = await first.GetAttributeAsync("data-customer");
        Assert.NotNull(code);
        await first.GetByTestId("snooze").ClickAsync();
        await Expect(list.SnoozeDialog).ToBeVisibleAsync();
        await LedgerForms.PickDayAsync(session.Page, list.SnoozeUntil, monthsAhead: 1, day: 5);
        await list.SnoozeReason.FillAsync("财务经理出差，下月初回来");
        await list.ScreenshotAsync("worklist-snooze-dialog");
        await list.SnoozeSave.ClickAsync();
        await Expect(list.SnoozeDialog).ToHaveCountAsync(0);
        await Expect(list.Row(code)).ToHaveCountAsync(0);
        await Expect(list.SetAsideRow(code)).ToContainTextAsync("已暂缓");
        await list.ScreenshotAsync("worklist-snoozed");
    }

    [Fact]
    public async Task Collector_LogsACallWithAPromiseFromTheList_AndTheCustomerIsSetAsideWhileThePromiseRuns()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Collector");
        var list = new WorklistPage(session.Page);
        await list.OpenAsync();
        var row = list.Rows.Nth(1);
        var code = await row.GetAttributeAsync("data-customer");
        Assert.NotNull(code);

        // One click opens the dialog with a call picked, one picks the outcome; the amount and the day are typed and
        // picked; one click saves.
        await row.GetByTestId("log-contact").ClickAsync();
        await Expect(list.ContactDialog).ToBeVisibleAsync();
        await list.Outcome("ReachedPromise").ClickAsync();
        await LedgerForms.FillNumberAsync(list.PromiseAmount, "5000");
        await LedgerForms.PickDayAsync(session.Page, list.PromiseDate, monthsAhead: 1, day: 10);
        await list.ScreenshotAsync("worklist-log-promise");
        await list.ContactSave.ClickAsync();
        await Expect(list.ContactDialog).ToHaveCountAsync(0);

        await Expect(list.Row(code)).ToHaveCountAsync(0);
        await Expect(list.SetAsideRow(code)).ToContainTextAsync("Promise running");
        await list.ScreenshotAsync("worklist-promise-running");
    }

    [Fact]
    public async Task CreditManager_ChangesARulesPoints_AndAnInvalidOneIsRefusedInWords()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("CreditManager");
        var rules = new WorklistRulesPage(session.Page);
        await rules.OpenAsync();
        await Expect(rules.Heading).ToHaveTextAsync("Worklist rules");
        var noContact = rules.Rules.Filter(new() { HasText = "No contact for (days)" }).First;
        await LedgerForms.FillNumberAsync(noContact.GetByTestId("rule-points"), "1001");
        await noContact.GetByTestId("rule-save").ClickAsync();
        await Expect(rules.Error).ToContainTextAsync("Points are between 0 and 1000");
        await LedgerForms.FillNumberAsync(noContact.GetByTestId("rule-points"), "25");
        await noContact.GetByTestId("rule-save").ClickAsync();
        await Expect(rules.Saved).ToBeVisibleAsync();
        await Expect(noContact.GetByTestId("rule-points")).ToHaveValueAsync("25");
        await rules.ScreenshotAsync("worklist-rules");
        await rules.Reset.ClickAsync();
        await Expect(rules.Rules.Filter(new() { HasText = "No contact for (days)" }).First.GetByTestId("rule-points")).Not.ToHaveValueAsync("25");
    }
}
