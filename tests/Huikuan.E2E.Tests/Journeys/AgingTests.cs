using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class AgingTests(HuikuanServer server, Chromium chromium)
{
    private static readonly Regex Amount = new(@"^-?\d{1,3}(,\d{3})*\.\d{2}$");

    [Fact]
    public async Task Aging_ClickingARow_DrillsDownToItsInstallments()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Collector");
        var aging = new AgingPage(session.Page);
        await aging.OpenAsync();

        await Expect(aging.Heading).ToHaveTextAsync("Aging report");
        await Expect(aging.Rows).ToHaveCountAsync(25);
        await Expect(aging.ColumnHeaders).ToHaveTextAsync(["Customer", "Not yet due", "1–30 days", "31–60 days", "61–90 days", "91–180 days",
            "181–365 days", "Over 365 days", "Total", "Unapplied", "Net"]);
        await Expect(aging.GrandTotal).ToHaveTextAsync(Amount);

        var first = aging.Rows.First;
        var total = await first.Locator("td").Nth(8).InnerTextAsync();
        await first.ClickAsync();

        await Expect(aging.DrillDown.GetByRole(Microsoft.Playwright.AriaRole.Heading)).ToContainTextAsync("Open installments of ");
        await Expect(aging.DrillDownRows.First).ToContainTextAsync(new Regex(@"\d{1,2}/\d{1,2}/\d{4}"));
        Assert.True(await aging.DrillDownRows.CountAsync() >= 1);
        Assert.Matches(Amount, total);
        await aging.ScreenshotAsync("aging");
    }

    [Fact]
    public async Task Aging_WithOtherBuckets_KeepsTheTotal_AndBadBucketsAreExplained()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Admin");
        var aging = new AgingPage(session.Page);
        await aging.OpenAsync();
        await Expect(aging.GrandTotal).ToHaveTextAsync(Amount);
        var total = await aging.GrandTotal.InnerTextAsync();

        await aging.SetBucketsAsync("30,60");
        await aging.ApplyAsync("Show");

        await Expect(aging.ColumnHeaders).ToHaveTextAsync(["Customer", "Not yet due", "1–30 days", "31–60 days", "Over 60 days", "Total", "Unapplied", "Net"]);
        await Expect(aging.GrandTotal).ToHaveTextAsync(total);

        await aging.SetBucketsAsync("60,30");
        await aging.ApplyAsync("Show");
        await Expect(aging.BucketsError).ToHaveTextAsync("Bucket bounds are at most 20 whole days in increasing order, separated by commas, e.g. 30,60,90.");
    }

    [Fact]
    public async Task Aging_ExportToExcel_DownloadsAWorkbook()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var aging = new AgingPage(session.Page);
        await aging.OpenAsync();
        await Expect(aging.Rows).ToHaveCountAsync(25);

        var download = await session.Page.RunAndWaitForDownloadAsync(() => aging.Export.ClickAsync());

        Assert.Matches(new Regex(@"^aging-\d{4}-\d{2}-\d{2}\.xlsx$"), download.SuggestedFilename);
        var path = Path.Combine(RepositoryPaths.Artifacts("downloads"), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "The download is an .xlsx (a zip) file.");
    }
}
