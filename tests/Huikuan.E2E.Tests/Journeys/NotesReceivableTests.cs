using System.Globalization;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>A commercial acceptance draft received, kept as a note receivable, and endorsed on to a supplier, in Chinese.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotesReceivableTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Accountant_RecordsACommercialDraft_AndEndorsesItOnTheNotesPage_ThroughTheDialogsDatePicker()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");
        var number = "2301581000045" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        // The company's business day as the server's clock gives it: the day the form proposes, and the last day an event
        // may be dated.
        var today = DateOnly.Parse((await (await session.Page.APIRequest.GetAsync("/api/dashboard")).JsonAsync())!.Value.GetProperty("asOf").GetString()!,
            CultureInfo.InvariantCulture);

        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();
        await LedgerForms.PickCustomerAsync(session.Page, record.Customer, customer.Code);
        await LedgerForms.FillNumberAsync(record.Amount, "8800");
        await LedgerForms.ChooseAsync(session.Page, record.Method, "商业承兑汇票");
        await record.DraftNumber.FillAsync(number);
        await LedgerForms.PickDayAsync(session.Page, record.DraftMaturesOn, monthsAhead: 3, day: 15);
        await record.DraftAcceptor.FillAsync("上海某某机械有限公司");
        await record.Post.ClickAsync();
        await session.Page.WaitForURLAsync(new Regex(@"/receipts/[0-9a-f-]{36}$"));
        var receipt = new ReceiptPage(session.Page, Guid.Empty);
        await Expect(receipt.Facts).ToContainTextAsync("商业承兑汇票");
        await Expect(receipt.Facts).ToContainTextAsync("承兑人: 上海某某机械有限公司");
        await Expect(receipt.Facts).ToContainTextAsync("票据持有中");

        var notes = new NotesReceivablePage(session.Page);
        await notes.OpenAsync();
        await Expect(notes.Heading).ToHaveTextAsync("应收票据");
        await Expect(notes.Status(number)).ToHaveTextAsync("持有中");
        await Expect(notes.Row(number)).ToContainTextAsync("商业承兑汇票");
        await Expect(notes.Row(number)).ToContainTextAsync("上海某某机械有限公司");

        await notes.Action(number, "Endorsed").ClickAsync();
        await Expect(notes.DialogTitle).ToHaveTextAsync($"背书转让票据 {number}");
        // Without an endorsee nothing changes: the dialog stays open and says what is missing.
        await notes.Confirm.ClickAsync();
        await Expect(session.Page.GetByText("请填写被背书人。")).ToBeVisibleAsync();
        await LedgerForms.PickDayAsync(session.Page, notes.On, monthsAhead: 0, day: today.Day);
        await Expect(notes.On).ToHaveValueAsync(today.ToString("d", CultureInfo.GetCultureInfo("zh-CN")));
        await notes.Endorsee.FillAsync("苏州某某钢材有限公司");
        await notes.Note.FillAsync("支付钢材货款");
        await notes.ScreenshotAsync("notes-receivable-endorse");
        await notes.Confirm.ClickAsync();

        await Expect(notes.Confirm).ToHaveCountAsync(0);
        await Expect(notes.Status(number)).ToHaveTextAsync("已背书转让");
        await Expect(notes.Action(number, "Dishonoured")).ToBeVisibleAsync();
        await Expect(notes.Action(number, "Collected")).ToHaveCountAsync(0);
        await notes.ScreenshotAsync("notes-receivable");
    }

    private static async Task<DemoCustomer> FirstCustomerAsync(IPage page, string currency)
    {
        var json = await (await page.GotoAsync("/api/customers?pageSize=100"))!.JsonAsync();
        return json!.Value.GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("currency").GetString() == currency)
            .Select(c => new DemoCustomer(Guid.Parse(c.GetProperty("id").GetString()!), c.GetProperty("code").GetString()!))
            .First();
    }

    private sealed record DemoCustomer(Guid Id, string Code);
}
