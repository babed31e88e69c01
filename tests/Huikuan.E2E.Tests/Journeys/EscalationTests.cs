using System.Text;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class EscalationTests(Chromium chromium)
{
    [Fact]
    public async Task TheHoldLevel_OpensManagementCases_ACreditManagerTakesOne_FilesTheAgreement_AndRecordsWhatCameIn()
    {
        var server = await HuikuanServer.StartOwnAsync("escalations");
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

            await using var manager = await chromium.NewSessionAsync(server);
            await new SignInPage(manager.Page).SignInAsync("CreditManager");
            var cases = new EscalationsPage(manager.Page);
            await cases.OpenAsync();
            // Customers 45 days late reached the hold level, which escalates to management: one case each.
            var management = cases.Rows.Filter(new() { HasText = "高层沟通" });
            await Expect(management.First).ToBeVisibleAsync();
            await Expect(management.First).ToContainTextAsync("待处理");
            await Expect(management.First).ToContainTextAsync("停止供货");
            await cases.ScreenshotAsync("escalations");

            await management.First.GetByTestId("escalation-link").ClickAsync();
            var page = new EscalationCasePage(manager.Page);
            await Expect(page.Status).ToHaveTextAsync("待处理");
            var claimed = await manager.Page.GetByTestId("case-claimed").InnerTextAsync();

            await page.AssignAsync("manager@demo.huikuan");
            await Expect(page.Events.First).ToContainTextAsync("manager@demo.huikuan");
            await page.MoveAsync("InProgress", "已约对方财务总监面谈");
            await Expect(page.Status).ToHaveTextAsync("处理中");
            await page.NoteAsync("对方同意两周内付清");
            await Expect(page.Events.First).ToContainTextAsync("对方同意两周内付清");
            await page.UploadAsync("还款承诺书.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
            await Expect(page.Documents).ToHaveCountAsync(1);
            await Expect(page.Documents.First).ToContainTextAsync("还款承诺书.pdf");

            // More than claimed is refused with the reason; a part payment is recorded.
            await page.RecoverAsync(99_999_999m);
            await Expect(page.AmountError).ToContainTextAsync("已追回金额须在 0 与主张金额");
            await Expect(page.Recovered).ToContainTextAsync("0.00");
            await page.RecoverAsync(100m);
            await Expect(page.Recovered).ToContainTextAsync("100.00");
            await Expect(page.Outstanding).Not.ToHaveTextAsync(claimed);
            await Expect(page.Events.First).ToContainTextAsync("追回");
            await page.ScreenshotAsync("escalation-case");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
