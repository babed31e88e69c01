using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class ContractTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Accountant_CreatesAProjectContract_MarksTheAdvanceReached_AndItsInvoiceIsRaisedAtOnce()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var json = await (await session.Page.GotoAsync("/api/customers?pageSize=100"))!.JsonAsync();
        var customer = json!.Value.GetProperty("items").EnumerateArray().First(c => c.GetProperty("currency").GetString() == "CNY");
        var code = customer.GetProperty("code").GetString()!;

        var form = new NewContractPage(session.Page);
        await form.OpenAsync();
        await Expect(form.Heading).ToHaveTextAsync("新建合同");
        await LedgerForms.PickCustomerAsync(session.Page, form.Customer, code);
        await form.Title.FillAsync("ERP 实施项目");
        await LedgerForms.FillNumberAsync(form.Total, "100000");
        await form.Discount.FillAsync("2/10 net 30");
        await form.StageName(0).FillAsync("预付款");
        await LedgerForms.FillNumberAsync(form.StagePercent(0), "30");
        await LedgerForms.FillNumberAsync(form.StageDays(0), "10");
        await form.StageName(1).FillAsync("验收款");
        await LedgerForms.FillNumberAsync(form.StagePercent(1), "70");
        await LedgerForms.FillNumberAsync(form.StageDays(1), "30");
        await form.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/contracts/[0-9a-f-]{36}$"));
        var contract = new ContractPage(session.Page, Guid.Parse(session.Page.Url[(session.Page.Url.LastIndexOf('/') + 1)..]));
        await Expect(contract.Heading).ToContainTextAsync("ERP 实施项目");
        await Expect(contract.Stage(1)).ToContainTextAsync("30,000.00");
        await Expect(contract.Stage(2)).ToContainTextAsync("70,000.00");
        await Expect(contract.Stage(1)).ToContainTextAsync("未达成");

        await contract.MarkReached(1).ClickAsync();
        await contract.Evidence.FillAsync("预付款通知书");
        await contract.ConfirmReached.ClickAsync();

        await Expect(contract.Message).ToContainTextAsync("已开具应收单 INV-");
        await Expect(contract.Stage(1)).ToContainTextAsync("已开票");
        await Expect(contract.InvoiceLink(1)).ToHaveTextAsync(new Regex(@"^INV-\d+$"));
        await Expect(contract.Stage(2)).ToContainTextAsync("未达成");
        await contract.ScreenshotAsync("contract-stage-invoiced-zh");

        await contract.InvoiceLink(1).ClickAsync();
        await session.Page.WaitForURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        var invoice = new InvoicePage(session.Page, InvoicePage.IdFrom(session.Page));
        await Expect(invoice.OpenTotal).ToContainTextAsync("30,000.00");
        await Expect(invoice.InstallmentRows).ToHaveCountAsync(1);

        // The customer's page lists the contract; 2 % of the new 30,000.00 invoice is still to be had (invoiced today).
        var customerPage = new CustomerPage(session.Page, customer.GetProperty("id").GetGuid());
        await customerPage.OpenAsync();
        await customerPage.OpenTabAsync("orders");
        var contracts = new CustomerContractsPanel(session.Page);
        await Expect(contracts.Rows.Filter(new() { HasText = "ERP 实施项目" })).ToContainTextAsync("100,000.00");
        await Expect(contracts.Terms.Filter(new() { HasText = "CNY" })).ToContainTextAsync("600.00");
        await customerPage.ScreenshotAsync("customer-contracts-zh");
    }
}
