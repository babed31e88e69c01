using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class ChargeTests(Chromium chromium)
{
    [Fact]
    public async Task AFinalDemand_ChargesInterestAndAFee_ACollectorAsksToWaiveTheFee_AndTheCreditManagerApproves()
    {
        // A dunning run sends each level once a day: this journey runs its own on a server of its own.
        var server = await HuikuanServer.StartOwnAsync("charges");
        try
        {
            // The journey needs letters of the serious levels today: the policy sends the level the age calls for.
            await using (var policyEditor = await chromium.NewSessionAsync(server))
            {
                await new SignInPage(policyEditor.Page).SignInAsync("CreditManager");
                await new DunningPolicyPage(policyEditor.Page).GoStraightToTheAgesLevelAsync();
            }
            await using var collector = await chromium.NewSessionAsync(server);
            await new SignInPage(collector.Page).SignInAsync("Collector");
            var desk = new DunningDeskPage(collector.Page);
            await desk.OpenAsync();
            await desk.RunConfirmedAsync();
            await Expect(desk.RunDone).ToContainTextAsync("完成：催收", new() { Timeout = 120_000 });

            // The day's first run is the one that sent: open a customer who got the final demand (30 days, fee 100.00).
            await desk.ShowRunsAsync();
            await desk.RunRows.Last.GetByTestId("run-open").ClickAsync();
            var final = desk.Communications.Filter(new() { HasText = "最后催告" }).First;
            await Expect(final).ToBeVisibleAsync();
            await final.GetByRole(Microsoft.Playwright.AriaRole.Link).First.ClickAsync();
            await collector.Page.WaitForURLAsync(CustomerUrl());
            var customer = Guid.Parse(CustomerUrl().Match(collector.Page.Url).Groups[1].Value);
            var panel = new ChargesPanel(collector.Page, customer);
            await Expect(panel.Rows.Filter(new() { HasText = "逾期利息" }).First).ToBeVisibleAsync();
            await Expect(panel.Rows.Filter(new() { HasText = "催收费（最后催告）" })).ToContainTextAsync("100.00");
            var before = Money(await panel.Open.First.InnerTextAsync());

            await panel.AskToWaiveAsync("催收费（最后催告）", "首次逾期，免收催收费");
            await Expect(panel.Waivers.First).ToContainTextAsync("待审批");
            await Expect(panel.Open.First).ToContainTextAsync(Format(before)); // asked for, not yet approved: still owed
            await panel.ScreenshotAsync("charges-waiver-requested");

            await using var manager = await chromium.NewSessionAsync(server);
            await new SignInPage(manager.Page).SignInAsync("CreditManager");
            // The credit manager finds the request among those awaiting approval on the dunning desk.
            var managerDesk = new DunningDeskPage(manager.Page);
            await managerDesk.OpenAsync();
            await managerDesk.ShowWaiversAsync();
            await Expect(managerDesk.WaiverRows.Filter(new() { HasText = "首次逾期，免收催收费" })).ToHaveCountAsync(1);
            var approver = new ChargesPanel(manager.Page, customer);
            await approver.OpenAsync();
            await approver.ApproveAsync(0);
            await Expect(approver.Waivers.First).ToContainTextAsync("已批准");
            await Expect(approver.Open.First).ToContainTextAsync(Format(before - 100m));
            await approver.ScreenshotAsync("charges-waiver-approved");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static decimal Money(string text) =>
        decimal.Parse(AmountPattern().Match(text).Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Format(decimal amount) => amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\d,]+\.\d{2}")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"/customers/([0-9a-f-]{36})$")]
    private static partial Regex CustomerUrl();
}
