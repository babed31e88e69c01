using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BankStatementTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Accountant_SetsUpTheAccount_ImportsAFileTwice_AndMarksTheFeeAsNotReceivables()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var number = "6225" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var accounts = new BankAccountsPage(session.Page);
        await accounts.OpenAsync();
        await Expect(accounts.Heading).ToHaveTextAsync("银行账户");

        await accounts.AddAsync("招行基本户", number, "CNY");

        await Expect(accounts.Rows.Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await accounts.ScreenshotAsync("bank-accounts");

        var statements = new BankStatementsPage(session.Page);
        await statements.OpenAsync();
        await Expect(statements.Heading).ToHaveTextAsync("银行流水");
        var file = Encoding.UTF8.GetBytes($":20:E2E\r\n:25:{number}\r\n:28C:1/1\r\n:60F:C261118CNY1000,00\r\n"
            + ":61:2611181118C1200,50NTRFNONREF//E2E-1\r\n:86:上海甲公司 货款\r\n"
            + ":61:2611191119D35,00NCHGNONREF//E2E-2\r\n:86:手续费\r\n"
            + ":61:2611201120C88000,00NTRFNONREF//E2E-3\r\n:86:北京乙公司\r\n:62F:C261120CNY90165,50\r\n-\r\n");
        await statements.ChooseFileAsync("cmb.sta", file);
        await Expect(statements.Chosen).ToContainTextAsync("cmb.sta");
        await statements.Import.ClickAsync();
        await Expect(statements.Result).ToContainTextAsync("新增 3 笔流水，0 笔此前已导入。");
        await Expect(statements.Result).ToContainTextAsync("自动核销 0 笔；0 笔待你确认。");

        await statements.ChooseFileAsync("cmb-again.sta", file);
        await statements.Import.ClickAsync();
        await Expect(statements.Result).ToContainTextAsync("新增 0 笔流水，3 笔此前已导入。");
        await statements.ScreenshotAsync("bank-statements");

        await statements.Rows.Filter(new() { HasText = number }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(statements.LineRows).ToHaveCountAsync(3);
        var fee = statements.LineRows.Filter(new() { HasText = "手续费" });
        await fee.GetByTestId("line-mark").ClickAsync();
        await Expect(fee.GetByTestId("line-mark")).ToHaveCountAsync(0);
        await Expect(fee.GetByTestId("line-unmark")).ToBeVisibleAsync();

        // Neither payer is a customer: matching says so line by line, and nothing is applied.
        await session.Page.GetByTestId("statement-match").ClickAsync();
        await Expect(session.Page.GetByTestId("statement-outcome")).ToContainTextAsync("匹配完成：确定 0 笔，待确认 0 笔，未找到客户 2 笔。");
        await Expect(statements.LineRows.Filter(new() { HasText = "北京乙公司" }).GetByTestId("line-match")).ToContainTextAsync("置信度 0");
        await session.Page.GetByTestId("statement-post").ClickAsync();
        await Expect(session.Page.GetByTestId("statement-outcome")).ToContainTextAsync("已核销 0 笔");
        await statements.ScreenshotAsync("bank-statement");
    }

    /// <summary>
    /// An AR accountant's morning at the bank: a whole statement imported through the page, then reconciled line by
    /// line, by hand, many at once and by keyboard, in Chinese, and read again in English.
    /// </summary>
    [Fact]
    public async Task Accountant_ReconcilesAWholeStatement_ByStatus_ByHand_SeveralToOneInvoice_AndByKeyboard()
    {
        await using var session = await chromium.NewSessionAsync(server);
        var page = session.Page;
        await new SignInPage(page).SignInAsync("Accountant");
        var today = await CompanyTodayAsync(page);
        var run = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var number = "6226" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var accounts = new BankAccountsPage(page);
        await accounts.OpenAsync();
        await accounts.AddAsync("对账测试户" + run, number, "CNY");
        await Expect(accounts.Rows.Filter(new() { HasText = number })).ToHaveCountAsync(1);

        // Seven customers of this run, each with what the statement will pay.
        var a = await CustomerAsync(page, "RA" + run, $"安平{run}精工机械有限公司");
        var a1 = await InvoiceAsync(page, a.Id, today.AddDays(-12), 1_000m);
        var b = await CustomerAsync(page, "RB" + run, $"博远{run}电子科技有限公司");
        var b1 = await InvoiceAsync(page, b.Id, today.AddDays(-20), 500m);
        var b2 = await InvoiceAsync(page, b.Id, today.AddDays(-10), 700m);
        var c = await CustomerAsync(page, "RC" + run, $"承德{run}建材有限公司");
        var c1 = await InvoiceAsync(page, c.Id, today.AddDays(-15), 3_000m);
        var d = await CustomerAsync(page, "RD" + run, $"达信{run}物流有限公司");
        var e = await CustomerAsync(page, "RE" + run, $"鄂州{run}鸿鹄精密仪器有限公司");
        var e1 = await InvoiceAsync(page, e.Id, today.AddDays(-9), 600m);
        var f = await CustomerAsync(page, "RF" + run, $"福清{run}凌霄纺织品有限公司");
        var f1 = await InvoiceAsync(page, f.Id, today.AddDays(-8), 450m);
        var g = await CustomerAsync(page, "RG" + run, $"赣州{run}翠微稀土材料有限公司");
        var g1 = await InvoiceAsync(page, g.Id, today.AddDays(-7), 460m);

        var statements = new BankStatementsPage(page);
        await statements.OpenAsync();
        var file = Statement(number, today, run,
            (1_000m, "L1", "货款 " + a1.Number, a.Name),
            (1_200m, "L2", "两张发票货款", "博远电子"),
            (1_000m, "L3", "工程款第一笔", "承德建材集团"),
            (2_000m, "L4", "工程款第二笔", "承德建材集团"),
            (800m, "L5", "预付款", "达信物流"),
            (600m, "L6", "货款", $"鄂州{run}鸿鹄精密仪"),
            (450m, "L7", "货款", $"福清{run}凌霄纺"),
            (460m, "L8", "货款", $"赣州{run}翠微稀土材"),
            (-25m, "L9", "手续费", "本行"),
            (66m, "L10", "往来款", "某某个人"));
        await statements.ChooseFileAsync("statement-" + run + ".sta", file);
        await statements.Import.ClickAsync();
        await Expect(statements.Result).ToContainTextAsync("新增 10 笔流水，0 笔此前已导入。");
        await Expect(statements.Result).ToContainTextAsync("自动核销 1 笔；3 笔待你确认。");
        await statements.Rows.Filter(new() { HasText = number }).First.GetByRole(AriaRole.Link).ClickAsync();
        var recon = new BankStatementPage(page, new Uri(page.Url).PathAndQuery);
        await Expect(recon.LineRows).ToHaveCountAsync(10);
        await Expect(recon.Tab("Applied")).ToHaveTextAsync("已核销（1）");
        await Expect(recon.KeysHelp).ToContainTextAsync("快捷键");

        // By status: the lines waiting for a person, kept in the address across a reload.
        await recon.Tab("ToReview").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?status=ToReview$"));
        await page.ReloadAsync();
        await Expect(recon.Tab("ToReview")).ToHaveTextAsync("待确认（3）");
        await Expect(recon.LineRows).ToHaveCountAsync(3);
        await Expect(recon.LineRows.GetByTestId("line-status")).ToHaveTextAsync(["待确认", "待确认", "待确认"]);
        var l6 = recon.Line("鸿鹄精密仪");
        await Expect(l6.GetByTestId("candidate-customer").First).ToHaveTextAsync(e.Name);
        await Expect(l6.GetByTestId("candidate-applies").First).ToContainTextAsync(e1.Number + " 第1期：600.00 CNY");
        await recon.TopScreenshotAsync("bank-reconcile-to-review");

        // A candidate confirmed with its button: the line leaves the list, the invoice is paid.
        await l6.GetByTestId("candidate-confirm").First.ClickAsync();
        await Expect(recon.LineRows).ToHaveCountAsync(2);
        Assert.Equal(0m, await OpenAsync(page, e1.Id));

        // Two lines by keyboard: the first selected with the mouse, then j moves down, x selects, Enter confirms both.
        await BankStatementPage.Checkbox(recon.Line("凌霄纺")).ClickAsync();
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("x");
        await Expect(page.GetByTestId("selection-count")).ToHaveTextAsync("已选 2 笔");
        await page.Keyboard.PressAsync("Enter");
        await Expect(recon.Outcome).ToContainTextAsync("已核销 2 笔，未核销 0 笔。");
        await Expect(recon.LineRows).ToHaveCountAsync(0);
        Assert.Equal(0m, await OpenAsync(page, f1.Id));
        Assert.Equal(0m, await OpenAsync(page, g1.Id));

        // One line split over two invoices by hand.
        await recon.Tab("All").ClickAsync();
        await Expect(recon.LineRows).ToHaveCountAsync(10);
        await recon.Line("两张发票货款").GetByTestId("line-settle").ClickAsync();
        await LedgerForms.PickCustomerAsync(page, recon.SettleCustomer, b.Code);
        await Expect(recon.SettleAmounts).ToHaveCountAsync(2);
        await LedgerForms.FillNumberAsync(recon.SettleAmounts.Nth(0), "400");
        await Expect(recon.SettleTotal).ToContainTextAsync("余额 100.00 CNY");
        await LedgerForms.FillNumberAsync(recon.SettleAmounts.Nth(0), "500");
        await LedgerForms.FillNumberAsync(recon.SettleAmounts.Nth(1), "700");
        await Expect(recon.SettleTotal).ToContainTextAsync("核销合计 1,200.00 CNY");
        await recon.TopScreenshotAsync("bank-reconcile-settle-dialog");
        await recon.SettleApply.ClickAsync();
        await Expect(recon.Dialog).ToHaveCountAsync(0);
        await Expect(BankStatementPage.Status(recon.Line("两张发票货款"))).ToHaveTextAsync("已核销");
        Assert.Equal(0m, await OpenAsync(page, b1.Id));
        Assert.Equal(0m, await OpenAsync(page, b2.Id));

        // Two payments for one invoice.
        await BankStatementPage.Checkbox(recon.Line("工程款第一笔")).ClickAsync();
        await BankStatementPage.Checkbox(recon.Line("工程款第二笔")).ClickAsync();
        await recon.ApplySelected.ClickAsync();
        await LedgerForms.PickCustomerAsync(page, recon.ApplyCustomer, c.Code);
        await LedgerForms.ChooseAsync(page, recon.ApplyItem, c1.Number);
        await recon.ApplyRun.ClickAsync();
        await Expect(recon.Outcome).ToContainTextAsync("已核销 2 笔，未核销 0 笔。");
        Assert.Equal(0m, await OpenAsync(page, c1.Id));

        // Money without an invoice yet: the customer's unapplied receipt.
        await recon.Line("预付款").GetByTestId("line-settle").ClickAsync();
        await LedgerForms.PickCustomerAsync(page, recon.SettleCustomer, d.Code);
        await recon.SettleUnapplied.ClickAsync();
        await Expect(recon.Dialog).ToHaveCountAsync(0);
        await Expect(BankStatementPage.Status(recon.Line("预付款"))).ToHaveTextAsync("已核销");
        await Expect(recon.Line("预付款").GetByTestId("line-receipt")).ToBeVisibleAsync();

        // The automatic match undone, with a reason: the invoice is open again and the line waits.
        var l1 = recon.Line("货款 " + a1.Number);
        await l1.GetByTestId("line-undo").ClickAsync();
        await recon.UndoReason.FillAsync("客户来电：该款项付错对象");
        await recon.UndoRun.ClickAsync();
        await Expect(BankStatementPage.Status(l1)).ToHaveTextAsync("待确认");
        Assert.Equal(1_000m, await OpenAsync(page, a1.Id));

        // The bank's fee is no customer's money.
        await recon.Line("手续费").GetByTestId("line-mark").ClickAsync();
        await Expect(BankStatementPage.Status(recon.Line("手续费"))).ToHaveTextAsync("不属于应收");

        await Expect(recon.Tab("Applied")).ToHaveTextAsync("已核销（7）");
        await Expect(recon.Tab("ToReview")).ToHaveTextAsync("待确认（1）");
        await Expect(recon.Tab("NotReceivables")).ToHaveTextAsync("不属于应收（1）");
        await Expect(recon.Tab("Unmatched")).ToHaveTextAsync("未匹配（1）");
        await recon.TopScreenshotAsync("bank-reconcile-done");

        // The same statement in English.
        await using var english = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(english.Page).SignInAsync("Accountant");
        var inEnglish = new BankStatementPage(english.Page, recon.Path);
        await inEnglish.OpenAsync();
        await Expect(inEnglish.Tab("Applied")).ToHaveTextAsync("Applied (7)");
        await inEnglish.Line("往来款").GetByTestId("line-settle").ClickAsync();
        await LedgerForms.PickCustomerAsync(english.Page, inEnglish.SettleCustomer, a.Code);
        await Expect(inEnglish.SettleTotal).ToContainTextAsync("Applied 66.00 CNY");
        await inEnglish.TopScreenshotAsync("bank-reconcile-settle-dialog-en");
        await inEnglish.Dialog.GetByTestId("settle-cancel").ClickAsync();
        await inEnglish.TopScreenshotAsync("bank-reconcile-done-en");
    }

    private sealed record Created(Guid Id, string Code, string Name);

    private sealed record Issued(Guid Id, string Number);

    /// <summary>An MT940 statement of today's lines with the payer's name and account in :86: sub-fields, as Chinese banks send them.</summary>
    private static byte[] Statement(string account, DateOnly day, string run, params (decimal Amount, string Reference, string Purpose, string Payer)[] lines)
    {
        var date = day.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var sb = new StringBuilder($":20:R{run}\r\n:25:{account}\r\n:28C:1/1\r\n:60F:C{date}CNY0,00\r\n");
        foreach (var (amount, reference, purpose, payer) in lines)
        {
            sb.Append(":61:").Append(date).Append(date[2..]).Append(amount < 0 ? 'D' : 'C').Append(Amount(amount))
                .Append(amount < 0 ? "NCHG" : "NTRF").Append("NONREF//R").Append(run).Append(reference).Append("\r\n");
            sb.Append(":86:166?00转账收入?20").Append(purpose).Append("?31").Append(PayerAccount(payer)).Append("?32").Append(payer).Append("\r\n");
        }
        sb.Append(":62F:C").Append(date).Append("CNY").Append(Amount(lines.Sum(l => l.Amount))).Append("\r\n-\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Amount(decimal amount) => Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string PayerAccount(string payer) => "6228" + string.Concat(payer.Select(ch => (char)('0' + (ch % 10))));

    private async Task<Created> CustomerAsync(IPage page, string code, string name)
    {
        var json = await PostAsync(page, "/api/customers", new { code, name, currency = "CNY" });
        return new Created(Guid.Parse(json.GetProperty("id").GetString()!), code, name);
    }

    private async Task<Issued> InvoiceAsync(IPage page, Guid customerId, DateOnly date, decimal amount)
    {
        var json = await PostAsync(page, "/api/invoices", new
        {
            customerId, invoiceDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            lines = new[] { new { description = "设备", quantity = 1m, unitPrice = amount } },
            installments = new[] { new { dueDate = date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount } },
        });
        return new Issued(Guid.Parse(json.GetProperty("id").GetString()!), json.GetProperty("number").GetString()!);
    }

    private static async Task<decimal> OpenAsync(IPage page, Guid invoiceId) =>
        (await (await page.APIRequest.GetAsync($"/api/invoices/{invoiceId}")).JsonAsync())!.Value.GetProperty("open").GetDecimal();

    private async Task<JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new()
        {
            DataObject = body, Headers = new Dictionary<string, string> { ["Origin"] = server.BaseUrl.GetLeftPart(UriPartial.Authority) },
        });
        Assert.True(response.Ok, $"POST {path} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    private static async Task<DateOnly> CompanyTodayAsync(IPage page)
    {
        var json = await (await page.APIRequest.GetAsync("/api/aging?pageSize=1")).JsonAsync();
        return DateOnly.Parse(json!.Value.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
    }
}
