using System.Text;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(HuikuanServer server, Chromium chromium)
{
    /// <summary>
    /// Imported codes sort after the demo's (C000001…), so tests that take the first customer still get one with invoices.
    /// Enough rows that writing takes a moment and the progress bar can be seen.
    /// </summary>
    private const int Rows = 3_000;

    [Fact]
    public async Task Accountant_ImportsCustomersFromACsv_SeesTheProgress_ThenTheCount()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var import = new ImportPage(session.Page);
        await new DashboardPage(session.Page).OpenAsync();
        await import.NavLink("Import").ClickAsync();
        await Expect(import.Heading).ToHaveTextAsync("Import");
        await Expect(import.Empty).ToContainTextAsync("Download the template below");
        await Expect(import.ColumnRows.First).ToContainTextAsync("code");

        var template = await session.Page.APIRequest.GetAsync(await import.Template("customers").GetAttributeAsync("href") ?? "");
        Assert.True(template.Ok, $"The template answered {template.Status}.");
        Assert.StartsWith("\uFEFFcode,name,salesperson,payment_term,currency", Encoding.UTF8.GetString(await template.BodyAsync()), StringComparison.Ordinal);

        var prefix = "ZI" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = "code,name,currency\n" + string.Join('\n', Enumerable.Range(1, Rows).Select(i => $"{prefix}{i:D5},Imported customer {i},CNY"));
        await import.ChooseFileAsync("customers.csv", Encoding.UTF8.GetBytes(csv));
        await Expect(import.Chosen).ToContainTextAsync("customers.csv");

        await import.CheckOnly.ClickAsync();
        await Expect(import.SummaryCount).ToHaveTextAsync("All 3,000 rows are correct. Nothing has been written yet: press “Import” to import them.");

        await import.Import.ClickAsync();
        await Expect(import.ProgressText).ToHaveTextAsync(new Regex(@"^(Reading the file…|Checking rows: [\d,]+ of 3,000|Writing rows: [\d,]+ of 3,000)$"));
        await import.ScreenshotAsync("import-progress");
        await Expect(import.SummaryCount).ToHaveTextAsync("3,000 rows imported.");
        await Expect(import.Progress).ToHaveCountAsync(0);
        await import.ScreenshotAsync("import-finished");

        var customers = await (await session.Page.GotoAsync($"/api/customers?search={prefix}&pageSize=1"))!.JsonAsync();
        Assert.Equal(Rows, customers!.Value.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Accountant_UploadsABadFile_SeesEveryBadRow_AndNothingIsImported()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var import = new ImportPage(session.Page);
        await import.OpenAsync();
        await Expect(import.Heading).ToHaveTextAsync("导入数据");

        var prefix = "ZB" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        // Row 3 has no name, row 4 a demo customer's code, row 5 an unknown currency; row 2 is fine.
        var csv = $"客户编码,客户名称,币种\n{prefix}1,好客户,CNY\n{prefix}2,,CNY\nC000001,已有编码,CNY\n{prefix}4,币种错误,XYZ\n";
        await import.ChooseFileAsync("坏文件.csv", Encoding.UTF8.GetBytes(csv));
        await import.Import.ClickAsync();

        await Expect(import.Rejected).ToContainTextAsync("4 行中有 3 行有错误，未导入任何数据。");
        await Expect(import.ErrorRows).ToHaveCountAsync(3);
        await Expect(import.ErrorRows.Locator("td:nth-child(1)")).ToHaveTextAsync(["3", "4", "5"]);
        await Expect(import.ErrorRows.Locator("td:nth-child(2)")).ToHaveTextAsync(["客户名称", "客户编码", "币种"]);
        await Expect(import.ErrorRows.Locator("td:nth-child(4)")).ToHaveTextAsync(["必填，单元格为空。", "系统中已有此编码的客户。", "不是支持的 ISO 4217 币种代码（CNY、USD、EUR……）。"]);
        await import.ScreenshotAsync("import-errors");

        var customers = await (await session.Page.GotoAsync($"/api/customers?search={prefix}&pageSize=1"))!.JsonAsync();
        Assert.Equal(0, customers!.Value.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Collector_HasNoImportLink_AndThePageSaysWhy()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Collector");
        var import = new ImportPage(session.Page);
        await import.OpenAsync();

        await Expect(import.ReadOnly).ToContainTextAsync("not import");
        await Expect(import.NavLink("Import")).ToHaveCountAsync(0);
        await Expect(import.Import).ToHaveCountAsync(0);
    }
}
