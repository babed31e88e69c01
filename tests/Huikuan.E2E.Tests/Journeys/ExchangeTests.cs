using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>The rate table's import, and money applied across currencies beyond the tolerance, approved by a second person.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExchangeTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Accountant_ImportsRatesFromACsv_AndSeesThemListed_AndABadFileNamesItsRows()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var rates = new ExchangeRatesPage(session.Page);
        await rates.OpenAsync();
        await Expect(rates.Heading).ToHaveTextAsync("汇率表");

        var template = await session.Page.APIRequest.GetAsync(await rates.Template.GetAttributeAsync("href") ?? "");
        Assert.StartsWith("\uFEFF日期,币种,汇率\r\n", Encoding.UTF8.GetString(await template.BodyAsync()), StringComparison.Ordinal);

        // Days long past, in currencies the other journeys leave alone, so the rate of today is not touched.
        await rates.ChooseFileAsync("汇率.csv", Encoding.UTF8.GetBytes("日期,币种,汇率\n2001-03-01,EUR,7.8123\n2001-03-01,JPY,0.0481\n\n2001-03-02,EUR,7.8200\n"));
        await Expect(rates.Chosen).ToContainTextAsync("汇率.csv");
        await rates.Import.ClickAsync();
        await Expect(rates.SummaryCount).ToHaveTextAsync("已导入 3 行。");
        await Expect(rates.RateRows.Filter(new() { HasText = "EUR" })).ToHaveCountAsync(2);
        await Expect(rates.RateRows.Filter(new() { HasText = "JPY" })).ToContainTextAsync("0.0481");
        await rates.ScreenshotAsync("exchange-rates-imported");

        // Again, with a comma decimal and a day already in the table: both rows named, nothing added.
        await rates.ChooseFileAsync("rates-again.csv", Encoding.UTF8.GetBytes("date;currency;rate\n2001-03-03;EUR;7,83\n2001-03-01;JPY;0.0482\n"));
        await rates.Import.ClickAsync();
        await Expect(rates.Rejected).ToContainTextAsync("2 行中有 2 行有错误，未导入任何数据。");
        await Expect(rates.ErrorRows.Locator("td:nth-child(1)")).ToHaveTextAsync(["2", "3"]);
        await Expect(rates.ErrorRows.Locator("td:nth-child(4)")).ToHaveTextAsync(
            ["汇率中的逗号既不作小数点也不作千分位；请写作 7.1234。", "该币种当日已有汇率；汇率一经录入不再修改。如需更正，请录入之后某日的汇率。"]);
        await Expect(rates.RateRows.Filter(new() { HasText = "JPY" })).ToHaveCountAsync(1);
        await rates.ScreenshotAsync("exchange-rates-import-errors");
    }

    [Fact]
    public async Task AUsdReceiptOnACnyInvoice_BeyondTheTolerance_IsApprovedBySomeoneElse_AndTheReceiptShowsTheExchangeDifference()
    {
        await using var accountant = await chromium.NewSessionAsync(server);
        await new SignInPage(accountant.Page).SignInAsync("Accountant");
        var today = await CompanyTodayAsync(accountant.Page);
        // What the bank statement brings: the day's USD rate in the table and 100.00 USD received from a CNY customer.
        await PostAsync(accountant.Page, "/api/exchange-rates", new { currency = "USD", day = Day(today), rate = 7.20m });
        var (customerId, item) = await OpenCnyItemAsync(accountant.Page, 740m);
        var receipt = await PostAsync(accountant.Page, "/api/receipts",
            new { customerId, receivedOn = Day(today), amount = 100m, currency = "USD", payerReference = "USD wire" });
        var (receiptId, receiptNumber) = (Guid.Parse(receipt.GetProperty("id").GetString()!), receipt.GetProperty("number").GetString()!);

        // At 7.40, 2.78 % from the table's 7.20: nothing is applied, the page says it waits and links to the approvals.
        var onReceipt = new ReceiptPage(accountant.Page, receiptId);
        await onReceipt.OpenAsync();
        await LedgerForms.ChooseAsync(accountant.Page, onReceipt.AllocationInstallment, $"{item.Number} 第{item.Sequence}期");
        await LedgerForms.FillNumberAsync(onReceipt.AllocationSourceAmount, "100");
        await LedgerForms.FillNumberAsync(onReceipt.AllocationRate, "7.4");
        await LedgerForms.FillNumberAsync(onReceipt.AllocationAmount, "740");
        await onReceipt.Allocate.ClickAsync();
        await Expect(onReceipt.Waiting).ToContainTextAsync("汇率 7.4 与汇率表的 7.2 相差 2.78%");
        await Expect(onReceipt.Unapplied).ToContainTextAsync("100.00 USD");
        await onReceipt.ScreenshotAsync("receipt-exchange-waiting");
        // A second request on the same receipt, through the API, for the approver to reject.
        await PostAsync(accountant.Page, "/api/allocations", new { installmentId = item.Id, amount = 75m, receiptId, sourceAmount = 10m, rate = 7.5m });

        // The one who asked sees the request and that someone else must decide.
        await onReceipt.WaitingLink.ClickAsync();
        var mine = new ExchangeApprovalsPage(accountant.Page);
        await Expect(mine.Heading).ToHaveTextAsync("跨币种核销审批");
        await Expect(ExchangeApprovalsPage.OwnRequest(mine.Row(receiptNumber, "740.00 CNY"))).ToHaveTextAsync("由您本人提交，须由其他人审批。");
        await Expect(ExchangeApprovalsPage.Approve(mine.Row(receiptNumber, "740.00 CNY"))).ToHaveCountAsync(0);

        await using var manager = await chromium.NewSessionAsync(server);
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var approvals = new ExchangeApprovalsPage(manager.Page);
        await new DashboardPage(manager.Page).OpenAsync();
        await approvals.NavLink("跨币种核销审批").ClickAsync();
        await Expect(approvals.Heading).ToHaveTextAsync("跨币种核销审批");
        var row = approvals.Row(receiptNumber, "740.00 CNY");
        await Expect(row).ToContainTextAsync("100.00 USD");
        await Expect(row).ToContainTextAsync("汇率表：7.2");
        await Expect(ExchangeApprovalsPage.Deviation(row)).ToHaveTextAsync("+2.78 %");
        // Away from the menu, which opens over the page while the mouse is on it.
        await approvals.Page.Mouse.MoveAsync(900, 700);
        await approvals.ScreenshotAsync("exchange-approvals-pending");

        // Rejecting asks why; without a reason nothing is decided.
        var other = approvals.Row(receiptNumber, "75.00 CNY");
        await Expect(ExchangeApprovalsPage.Deviation(other)).ToHaveTextAsync("+4.17 %");
        await ExchangeApprovalsPage.Reject(other).ClickAsync();
        await approvals.RejectConfirm.ClickAsync();
        await Expect(approvals.Dialog).ToContainTextAsync("请填写驳回理由，不超过 500 个字符。");
        await approvals.RejectReason.FillAsync("银行水单显示汇率为 7.21");
        await approvals.RejectConfirm.ClickAsync();
        await Expect(approvals.DecidedRow(receiptNumber, "75.00 CNY")).ToContainTextAsync("已驳回");
        await Expect(approvals.DecidedRow(receiptNumber, "75.00 CNY")).ToContainTextAsync("驳回理由：银行水单显示汇率为 7.21");

        await ExchangeApprovalsPage.Approve(row).ClickAsync();
        await Expect(approvals.DecidedRow(receiptNumber, "740.00 CNY")).ToContainTextAsync("已批准");
        await Expect(approvals.PendingRows).ToHaveCountAsync(0);
        await approvals.ScreenshotAsync("exchange-approvals-decided");

        // 100 USD were worth 720.00 CNY at the day's table rate and paid 740.00 booked in CNY: a realised loss of 20.00.
        await onReceipt.OpenAsync();
        await Expect(onReceipt.Unapplied).ToHaveTextAsync(new Regex(@"[:：]\s*0\.00 USD$"));
        await Expect(onReceipt.AllocationRates).ToHaveTextAsync(["7.4"]);
        await Expect(onReceipt.AllocationDifferences).ToHaveTextAsync(["-20.00 CNY"]);
        await Expect(onReceipt.ExchangeDifferenceTotal).ToContainTextAsync("已实现汇兑损益合计");
        await Expect(onReceipt.ExchangeDifferenceTotal).ToContainTextAsync("-20.00 CNY");
        await onReceipt.ScreenshotAsync("receipt-exchange-difference");
    }

    private sealed record OpenItem(Guid Id, string Number, int Sequence);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A demo customer in CNY and one of its open installments, invoiced by today, that can take <paramref name="amount"/>.</summary>
    private static async Task<(Guid Customer, OpenItem Item)> OpenCnyItemAsync(IPage page, decimal amount)
    {
        var customers = (await (await page.APIRequest.GetAsync("/api/customers?pageSize=100")).JsonAsync())!.Value.GetProperty("items");
        var today = await CompanyTodayAsync(page);
        foreach (var customer in customers.EnumerateArray().Where(c => c.GetProperty("currency").GetString() == "CNY"))
        {
            var id = Guid.Parse(customer.GetProperty("id").GetString()!);
            var items = (await (await page.APIRequest.GetAsync($"/api/customers/{id}/open-items")).JsonAsync())!.Value;
            var item = items.EnumerateArray().FirstOrDefault(i => i.GetProperty("currency").GetString() == "CNY" && i.GetProperty("open").GetDecimal() >= amount
                && DateOnly.Parse(i.GetProperty("invoiceDate").GetString()!, CultureInfo.InvariantCulture) <= today);
            if (item.ValueKind == JsonValueKind.Object)
            {
                return (id, new OpenItem(Guid.Parse(item.GetProperty("installmentId").GetString()!), item.GetProperty("invoiceNumber").GetString()!,
                    item.GetProperty("sequence").GetInt32()));
            }
        }
        throw new InvalidOperationException($"No demo customer in CNY has an open installment of {amount} or more.");
    }

    /// <summary>A write through the API with the signed-in user's cookie, from this origin as the browser's own requests are.</summary>
    private async Task<JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new()
        {
            DataObject = body, Headers = new Dictionary<string, string> { ["Origin"] = server.BaseUrl.GetLeftPart(UriPartial.Authority) },
        });
        Assert.True(response.Ok, $"POST {path} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>The company's business day as the server's clock has it.</summary>
    private static async Task<DateOnly> CompanyTodayAsync(IPage page)
    {
        var json = await (await page.APIRequest.GetAsync("/api/aging?pageSize=1")).JsonAsync();
        return DateOnly.Parse(json!.Value.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
    }
}
