using System.Globalization;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>The ledger's corrections and special receipts, done on their pages: 红冲, a manual allocation, a bank acceptance draft.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LedgerActionTests(HuikuanServer server, Chromium chromium)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public async Task Accountant_ReversesAnInvoiceBehindTheConfirmation_AndTheCustomerOwesWhatTheyOwedBefore()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");
        var account = new CustomerPage(session.Page, customer.Id);
        await account.OpenAsync();
        var openBefore = decimal.Parse(await account.OpenIn("CNY").InnerTextAsync(), NumberStyles.Number, English);

        var invoice = await IssueAsync(session.Page, customer.Code, unitPrice: "1000", taxRate: "13");
        await Expect(invoice.Status).ToHaveTextAsync("Open");
        await Expect(invoice.OpenTotal).ToContainTextAsync("1,130.00 CNY");
        await account.OpenAsync();
        await Expect(account.OpenIn("CNY")).ToHaveTextAsync((openBefore + 1_130m).ToString("N2", English));

        await invoice.OpenAsync();
        await invoice.Reverse.ClickAsync();
        await Expect(invoice.ReverseConfirm).ToBeVisibleAsync();
        // The dialog asks for a reason and changes nothing until confirmed.
        await invoice.ReverseReason.FillAsync("Issued to the wrong customer");
        await invoice.ScreenshotAsync("invoice-reverse-confirm");
        await invoice.ReverseConfirm.ClickAsync();

        await Expect(invoice.Status).ToHaveTextAsync("Reversed");
        await Expect(invoice.ReversedBy).ToBeVisibleAsync();
        await Expect(invoice.OpenTotal).ToContainTextAsync("0.00 CNY");
        await Expect(invoice.Reverse).ToHaveCountAsync(0);
        await invoice.ScreenshotAsync("invoice-reversed");

        await account.OpenAsync();
        await Expect(account.OpenIn("CNY")).ToHaveTextAsync(openBefore.ToString("N2", English));
    }

    [Fact]
    public async Task Accountant_AppliesAReceiptsUnappliedCash_ToAChosenInstallment()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");

        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();
        await LedgerForms.PickCustomerAsync(session.Page, record.Customer, customer.Code);
        await LedgerForms.FillNumberAsync(record.Amount, "100");
        await record.AutoApply.ClickAsync();
        await record.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/receipts/[0-9a-f-]{36}$"));
        var receipt = new ReceiptPage(session.Page, Guid.Empty);
        await Expect(receipt.Unapplied).ToContainTextAsync("100.00 CNY");
        await Expect(receipt.AllocationRows).ToHaveTextAsync(["Nothing applied yet."]);

        // Not the suggestion: the last open installment that can take 60.00.
        var options = await LedgerForms.OpenOptionsAsync(session.Page, receipt.AllocationInstallment);
        var chosen = options.Last(o => OpenOf(o) >= 60m);
        var number = chosen[..chosen.IndexOf(" #", StringComparison.Ordinal)];
        await LedgerForms.Options(session.Page, chosen).First.ClickAsync();
        await LedgerForms.FillNumberAsync(receipt.AllocationAmount, "60");
        await receipt.Allocate.ClickAsync();

        await Expect(receipt.Unapplied).ToContainTextAsync("40.00 CNY");
        await Expect(receipt.AllocationRows).ToHaveCountAsync(1);
        await Expect(receipt.AllocationRows.First).ToContainTextAsync(number);
        await Expect(receipt.AllocationRows.First.Locator("td").Nth(3)).ToHaveTextAsync("60.00");
        await receipt.ScreenshotAsync("receipt-manual-allocation");
    }

    [Fact]
    public async Task Accountant_RecordsABankAcceptanceDraft_AndItsNumberAndMaturityShowOnTheReceipt()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");
        var draftNumber = "1 3081 0000 " + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var maturity = new DateOnly(today.Year, today.Month, 15).AddMonths(6);

        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();
        await LedgerForms.PickCustomerAsync(session.Page, record.Customer, customer.Code);
        await LedgerForms.FillNumberAsync(record.Amount, "500");
        await LedgerForms.ChooseAsync(session.Page, record.Method, "Bank acceptance draft");
        await record.DraftNumber.FillAsync(draftNumber);
        await LedgerForms.PickDayAsync(session.Page, record.DraftMaturesOn, monthsAhead: 6, day: 15);
        await Expect(record.DraftMaturesOn).ToHaveValueAsync(maturity.ToString("d", English));
        await record.AutoApply.ClickAsync();
        await record.ScreenshotAsync("receipt-draft-new");
        await record.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/receipts/[0-9a-f-]{36}$"));
        var receipt = new ReceiptPage(session.Page, Guid.Empty);
        await Expect(receipt.Facts).ToContainTextAsync("Bank acceptance draft");
        await Expect(receipt.Facts).ToContainTextAsync($"Draft number: {draftNumber} · {maturity.ToString("d", English)}");
        await Expect(receipt.Unapplied).ToContainTextAsync("500.00 CNY");
        await receipt.ScreenshotAsync("receipt-draft");
    }

    /// <summary>Issues a one-line invoice on net-30 terms through the form and returns its page.</summary>
    private static async Task<InvoicePage> IssueAsync(IPage page, string customerCode, string unitPrice, string taxRate)
    {
        var issue = new IssueInvoicePage(page);
        await issue.OpenAsync();
        await LedgerForms.PickCustomerAsync(page, issue.Customer, customerCode);
        await LedgerForms.ChooseAsync(page, issue.PaymentTerm, "NET30");
        await issue.Description(0).FillAsync("Spare parts");
        await LedgerForms.FillNumberAsync(issue.Quantity(0), "1");
        await LedgerForms.FillNumberAsync(issue.UnitPrice(0), unitPrice);
        await LedgerForms.FillNumberAsync(issue.TaxRate(0), taxRate);
        await Expect(issue.PreviewRows).ToHaveCountAsync(1);
        await issue.Post.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        var invoice = new InvoicePage(page, InvoicePage.IdFrom(page));
        await Expect(invoice.InstallmentRows).ToHaveCountAsync(1);
        return invoice;
    }

    /// <summary>The open amount an installment option names ("INV-000001 #1 · due 1/2/2026 · open 1,234.00 CNY").</summary>
    private static decimal OpenOf(string option) =>
        decimal.Parse(Regex.Match(option, @"open ([\d,]+\.\d{2}) ").Groups[1].Value, NumberStyles.Number, English);

    private sealed record DemoCustomer(Guid Id, string Code);

    private static async Task<DemoCustomer> FirstCustomerAsync(IPage page, string currency)
    {
        var json = await (await page.GotoAsync("/api/customers?pageSize=100"))!.JsonAsync();
        return json!.Value.GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("currency").GetString() == currency)
            .Select(c => new DemoCustomer(Guid.Parse(c.GetProperty("id").GetString()!), c.GetProperty("code").GetString()!))
            .First();
    }
}
