using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class ContactLogTests(HuikuanServer server, Chromium chromium)
{
    /// <summary>Three clicks and the words: open the dialog (a call is picked), pick the outcome, save.</summary>
    [Fact]
    public async Task ACollector_LogsACall_InThreeClicks_AndSeesItFirstOnTheTimeline()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var customers = await (await session.Page.APIRequest.GetAsync("/api/customers?pageSize=5")).JsonAsync();
        var panel = new CustomerTimelinePanel(session.Page, customers!.Value.GetProperty("items")[4].GetProperty("id").GetGuid());
        await panel.OpenAsync();
        var note = "财务说付款在走流程 " + Guid.NewGuid().ToString("N")[..4];

        await panel.LogContactButton.ClickAsync();
        await Expect(panel.Kind("Call")).ToHaveAttributeAsync("aria-pressed", "true");
        await panel.Outcome("ReachedPromise").ClickAsync();
        await Expect(panel.PromiseFields).ToBeVisibleAsync();
        await panel.Outcome("AwaitingApproval").ClickAsync();
        await Expect(panel.PromiseFields).ToBeHiddenAsync();
        await panel.Note.FillAsync(note);
        await panel.ScreenshotAsync("log-contact-dialog");
        await panel.Save.ClickAsync();

        await Expect(panel.Saved).ToBeVisibleAsync();
        await Expect(panel.Dialog).ToBeHiddenAsync();
        await Expect(panel.Entries.First).ToContainTextAsync("电话");
        await Expect(panel.Entries.First).ToContainTextAsync("流程中/待盖章");
        await Expect(panel.Entries.First).ToContainTextAsync(note);
        await panel.ScreenshotAsync("customer-timeline");
    }
}
