using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class LedgerTests(HuikuanServer server, Chromium chromium)
{
    /// <summary>The demo's three-installment term: 30% on the invoice date, 40% at 60 days, 30% at 120 days.</summary>
    private const string InstallmentTerm = "30-40-30";

    [Fact]
    public async Task Accountant_IssuesAnInstallmentInvoice_ThenAPartialReceiptLeavesItPartlyPaid()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");
        var agingBefore = await AgingTotalAsync(session.Page, customer.Code);

        var issue = new IssueInvoicePage(session.Page);
        await issue.OpenAsync();
        await Expect(issue.Heading).ToHaveTextAsync("Issue an invoice");
        await LedgerForms.PickCustomerAsync(session.Page, issue.Customer, customer.Code);
        await LedgerForms.ChooseAsync(session.Page, issue.PaymentTerm, InstallmentTerm);
        await issue.Post.ClickAsync();
        await Expect(issue.ErrorOf(issue.Description(0))).ToHaveTextAsync("Required.");
        await issue.Description(0).FillAsync("Installation service");
        await issue.Description(0).BlurAsync();
        await Expect(issue.ErrorOf(issue.Description(0))).ToHaveCountAsync(0);
        await LedgerForms.FillNumberAsync(issue.Quantity(0), "1");
        await LedgerForms.FillNumberAsync(issue.UnitPrice(0), "10000");
        await LedgerForms.FillNumberAsync(issue.TaxRate(0), "13");

        // 11,300.00 split 30/40/30, and the parts add up to the total.
        await Expect(issue.PreviewRows).ToHaveCountAsync(3);
        await Expect(issue.PreviewRows.Locator("td:nth-child(3)")).ToHaveTextAsync(["3,390.00", "4,520.00", "3,390.00"]);
        await Expect(issue.PreviewTotal).ToHaveTextAsync("11,300.00");
        await issue.ScreenshotAsync("invoice-new");
        await issue.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        var invoice = new InvoicePage(session.Page, InvoicePage.IdFrom(session.Page));
        await Expect(invoice.Heading).ToHaveTextAsync(new Regex(@"^Invoice \S+$"));
        var number = (await invoice.Heading.InnerTextAsync())["Invoice ".Length..];
        await Expect(invoice.InstallmentRows).ToHaveCountAsync(3);
        await Expect(invoice.Status).ToHaveTextAsync("Open");
        await Expect(invoice.Reverse).ToBeVisibleAsync();

        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();
        await LedgerForms.PickCustomerAsync(session.Page, record.Customer, customer.Code);
        await LedgerForms.FillNumberAsync(record.Amount, "2000");
        await record.PayerReference.FillAsync($"Payment for {number}");
        await record.BankReference.FillAsync("E2E-" + Guid.NewGuid().ToString("N")[..12]);
        await record.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/receipts/[0-9a-f-]{36}$"));
        var receipt = new ReceiptPage(session.Page, Guid.Empty);
        await Expect(receipt.AllocationRows).ToHaveCountAsync(1);
        await Expect(receipt.AllocationRows.First).ToContainTextAsync(number);
        await Expect(receipt.Unapplied).ToContainTextAsync("0.00 CNY");
        await receipt.ScreenshotAsync("receipt");

        await invoice.OpenAsync();
        await Expect(invoice.Status).ToHaveTextAsync("Partly paid");
        await Expect(invoice.PartialFlags).ToHaveCountAsync(1);
        await Expect(invoice.InstallmentRows.First.Locator("td").Nth(3)).ToHaveTextAsync("1,390.00");
        await Expect(invoice.OpenTotal).ToContainTextAsync("9,300.00 CNY");
        await invoice.ScreenshotAsync("invoice");

        Assert.Equal(agingBefore + 9_300m, await AgingTotalAsync(session.Page, customer.Code));

        // Money is applied to it, so the handler refuses the reversal (红冲), and the page says why.
        await invoice.OpenAsync();
        await invoice.Reverse.ClickAsync();
        await invoice.ReverseReason.FillAsync("Wrong customer");
        await invoice.ReverseConfirm.ClickAsync();
        await Expect(invoice.FormError).ToHaveTextAsync("Money has been applied to this invoice; reverse those allocations first.");

        await invoice.OpenAsync();
        await invoice.SwitchLanguageAsync();
        await Expect(invoice.Heading).ToHaveTextAsync($"应收单 {number}");
        await Expect(invoice.Status).ToHaveTextAsync("部分收款");
        await Expect(invoice.InstallmentHeaders).ToHaveTextAsync(["#", "到期日", "金额（CNY）", "未收（CNY）", ""]);
        await Expect(invoice.Reverse).ToHaveTextAsync("红冲");
        await invoice.ScreenshotAsync("invoice-zh");
    }

    [Fact]
    public async Task Collector_SeesInvoicesReadOnly()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Collector");
        var invoices = new InvoicesPage(session.Page);
        await invoices.OpenAsync();
        await Expect(invoices.Rows).ToHaveCountAsync(25);
        await Expect(invoices.NewInvoice).ToHaveCountAsync(0);

        await invoices.Rows.First.Locator("a").First.ClickAsync();
        var invoice = new InvoicePage(session.Page, Guid.Empty);
        await Expect(invoice.InstallmentRows.First).ToBeVisibleAsync();
        await Expect(invoice.Reverse).ToHaveCountAsync(0);

        var issue = new IssueInvoicePage(session.Page);
        await issue.OpenAsync();
        await Expect(issue.ReadOnly).ToHaveTextAsync("Your role may read invoices and receipts but not post them.");
    }

    [Fact]
    public async Task Accountant_RecordsACashReceiptWithoutAutoApply_ThenAppliesTheSuggestions()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");

        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();
        await LedgerForms.PickCustomerAsync(session.Page, record.Customer, customer.Code);
        await LedgerForms.FillNumberAsync(record.Amount, "100");
        await LedgerForms.ChooseAsync(session.Page, record.Method, "Cash");
        await record.AutoApply.ClickAsync();
        await record.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/receipts/[0-9a-f-]{36}$"));
        var receipt = new ReceiptPage(session.Page, Guid.Empty);
        await Expect(receipt.Unapplied).ToContainTextAsync("100.00 CNY");
        await Expect(receipt.SuggestionRows.First).ToContainTextAsync("Oldest due first");
        await receipt.ApplySuggestions.ClickAsync();
        await Expect(receipt.Unapplied).ToContainTextAsync("0.00 CNY");
        await Expect(receipt.AllocationRows.First).ToContainTextAsync("100.00");
    }

    private sealed record DemoCustomer(string Code, string Currency);

    private static async Task<DemoCustomer> FirstCustomerAsync(IPage page, string currency)
    {
        var json = await (await page.GotoAsync("/api/customers?pageSize=100"))!.JsonAsync();
        return json!.Value.GetProperty("items").EnumerateArray()
            .Select(c => new DemoCustomer(c.GetProperty("code").GetString()!, c.GetProperty("currency").GetString()!))
            .First(c => c.Currency == currency);
    }

    /// <summary>The customer's total on the aging report (what is open), 0 when the report has no row for them.</summary>
    private static async Task<decimal> AgingTotalAsync(IPage page, string code)
    {
        var json = await (await page.GotoAsync("/api/aging?pageSize=500"))!.JsonAsync();
        var rows = json!.Value.GetProperty("rows").GetProperty("items").EnumerateArray();
        return rows.Where(r => r.GetProperty("code").GetString() == code).Select(r => r.GetProperty("total").GetDecimal()).FirstOrDefault();
    }
}
