using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class LetterAndOutboxTests(Chromium chromium)
{
    [Fact]
    public async Task ACollector_DownloadsAFinalDemandLetter_ThenRetriesTheEmailsTheDownMailServerFailed()
    {
        // A dunning run sends each level once a day: this journey runs its own on a server of its own.
        var server = await HuikuanServer.StartOwnAsync("letters");
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

            // The final demand goes by e-mail and as a PDF letter: download it from the communication's page.
            await desk.ShowRunsAsync();
            await desk.RunRows.Last.GetByTestId("run-open").ClickAsync();
            var withLetter = desk.Communications.Filter(new() { Has = collector.Page.GetByTestId("letter-link") }).First;
            await Expect(withLetter).ToBeVisibleAsync();
            await withLetter.GetByTestId("communication-open").ClickAsync();
            await collector.Page.WaitForURLAsync(CommunicationUrl());
            var communication = new CommunicationPage(collector.Page, Guid.Parse(CommunicationUrl().Match(collector.Page.Url).Groups[1].Value));
            var download = await collector.Page.RunAndWaitForDownloadAsync(() => communication.LetterDownload.ClickAsync());
            Assert.Matches(@"^C\d+-\w+-\d{8}\.pdf$", download.SuggestedFilename);
            var saved = Path.Combine(Screenshots.Folder, "dunning-letter.pdf");
            await download.SaveAsAsync(saved);
            var head = new byte[5];
            await using (var file = File.OpenRead(saved))
            {
                Assert.Equal(5, await file.ReadAsync(head));
            }
            Assert.Equal("%PDF-"u8.ToArray(), head);
            Assert.True(new FileInfo(saved).Length > 10_000, "The letter is too small to hold its text and fonts.");

            // Nothing listens where the mail server should be: the e-mails failed and wait for a person.
            var outbox = new OutboxPage(collector.Page);
            await outbox.OpenAsync();
            await Expect(outbox.FailedCount).Not.ToContainTextAsync(new Regex(@"^\s*发送失败\s*0\s*$"), new() { Timeout = 60_000 });
            await outbox.ShowFailedAsync();
            await Expect(outbox.Rows.First).ToContainTextAsync("发送失败");
            // The last error says why delivery failed in the reader's language, and the server's own words on hover.
            await Expect(outbox.LastError(0)).ToHaveTextAsync("无法连接邮件服务器");
            await Expect(outbox.LastError(0)).ToHaveAttributeAsync("title", new Regex("Connection refused"));
            await outbox.ScreenshotAsync("outbox-failed");
            await outbox.RetryAsync(0);
            await Expect(outbox.Notice).ToContainTextAsync("已重新排队");
            await outbox.ScreenshotAsync("outbox-retried");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [GeneratedRegex(@"/dunning/communications/([0-9a-f-]{36})$")]
    private static partial Regex CommunicationUrl();
}
