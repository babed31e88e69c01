using System.Text;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class CreditFileTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task ACreditManager_AddsAFinanceContact_AndUploadsTheBusinessLicence_AndSeesBothAndTheirHistory()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("CreditManager");
        var customers = await (await session.Page.APIRequest.GetAsync("/api/customers?pageSize=7")).JsonAsync();
        var customerId = customers!.Value.GetProperty("items")[6].GetProperty("id").GetGuid();
        var file = new CreditFilePanel(session.Page, customerId);
        await file.OpenAsync();
        var name = "刘会计 " + Guid.NewGuid().ToString("N")[..4];

        await Expect(file.Title("信用档案")).ToBeVisibleAsync();
        await file.AddContactAsync(name, "021-6888 1234", "liu.kuaiji@example.cn", "财务联系人");
        var contact = file.ContactRows.Filter(new() { HasText = name });
        await Expect(contact).ToContainTextAsync("财务联系人");
        await Expect(contact).ToContainTextAsync("liu.kuaiji@example.cn");

        await file.OpenTabAsync("资料文件");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await file.UploadAsync("营业执照副本 " + name, "营业执照.pdf", "application/pdf", pdf);
        var document = file.DocumentRows.Filter(new() { HasText = "营业执照副本 " + name });
        await Expect(document).ToContainTextAsync("营业执照.pdf");
        await Expect(document).ToContainTextAsync("营业执照");
        await Expect(document).ToContainTextAsync("credit@demo.huikuan");
        await file.ScreenshotAsync("credit-file-documents");

        await file.OpenTabAsync("变更记录");
        await Expect(file.HistoryRows.Filter(new() { HasText = "liu.kuaiji@example.cn" }).First).ToContainTextAsync("联系人 · 新增");
        await Expect(file.HistoryRows.Filter(new() { HasText = "营业执照.pdf" }).First).ToContainTextAsync("资料文件 · 新增");
        await file.OpenTabAsync("联系人");
        await Expect(contact).ToBeVisibleAsync();
        await file.ScreenshotAsync("credit-file");
    }
}
