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
        await LedgerForms.ClickOptionAsync(session.Page, chosen);
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
        await record.DraftAcceptor.FillAsync("Industrial and Commercial Bank of China, Shanghai");
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

    [Fact]
    public async Task AnAccountantAsksForAWriteOff_ACreditManagerApprovesIt_AndItIsReversed()
    {
        string number;
        Guid invoiceId;
        await using (var accountant = await chromium.NewSessionAsync(server, locale: "en-US"))
        {
            await new SignInPage(accountant.Page).SignInAsync("Accountant");
            var customer = await FirstCustomerAsync(accountant.Page, "CNY");
            var invoice = await IssueAsync(accountant.Page, customer.Code, unitPrice: "800", taxRate: "0");
            invoiceId = InvoicePage.IdFrom(accountant.Page);
            number = (await invoice.Heading.InnerTextAsync()).Split(' ')[^1];

            await invoice.WriteOff.ClickAsync();
            await Expect(invoice.WriteOffAmount).ToHaveValueAsync("800.00");
            // No reason, no request: the dialog stays open and says what is missing.
            await invoice.WriteOffConfirm.ClickAsync();
            await Expect(invoice.ErrorOf(invoice.WriteOffReason)).ToContainTextAsync("cannot be collected");
            await invoice.WriteOffReason.FillAsync("Customer dissolved, no assets left");
            await invoice.ScreenshotAsync("write-off-request");
            await invoice.WriteOffConfirm.ClickAsync();

            await Expect(invoice.WriteOffRows).ToHaveCountAsync(1);
            await Expect(invoice.WriteOffRows.First).ToContainTextAsync("Awaiting approval");
            await Expect(invoice.WriteOffRows.First).ToContainTextAsync("0 of 1");
            await Expect(invoice.OpenTotal).ToContainTextAsync("800.00 CNY");
        }

        await using var manager = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var writeOffs = new WriteOffsPage(manager.Page);
        await writeOffs.OpenAsync();
        await Expect(writeOffs.Help).ToContainTextAsync("5,000.00 CNY");
        var row = writeOffs.RowsOf(number);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("reverse")).ToHaveCountAsync(0);
        await writeOffs.ScreenshotAsync("write-offs-awaiting");
        await row.GetByTestId("approve").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        var onInvoice = new InvoicePage(manager.Page, invoiceId);
        await onInvoice.OpenAsync();
        await Expect(onInvoice.Status).ToHaveTextAsync("Paid");
        await Expect(onInvoice.OpenTotal).ToContainTextAsync("0.00 CNY");
        await Expect(onInvoice.WriteOffRows.First).ToContainTextAsync("Written off");

        await writeOffs.OpenAsync();
        await LedgerForms.ChooseAsync(manager.Page, writeOffs.Status, "Written off");
        await Expect(row.GetByTestId("write-off-approvals")).ToHaveTextAsync("1 of 1");
        await row.GetByTestId("reverse").ClickAsync();
        await writeOffs.ReverseReason.FillAsync("Paid by the liquidator after all");
        await writeOffs.ScreenshotAsync("write-off-reverse-confirm");
        await writeOffs.ReverseConfirm.ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await LedgerForms.ChooseAsync(manager.Page, writeOffs.Status, "Reversed");
        await Expect(row).ToContainTextAsync("Paid by the liquidator after all");
        await writeOffs.ScreenshotAsync("write-off-reversed");

        await onInvoice.OpenAsync();
        await Expect(onInvoice.Status).ToHaveTextAsync("Open");
        await Expect(onInvoice.OpenTotal).ToContainTextAsync("800.00 CNY");
    }

    [Fact]
    public async Task Accountant_RefusedAReversalWhileMoneyIsApplied_UndoesTheAllocationsOnTheInvoicePage_AndThenReversesIt()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customer = await FirstCustomerAsync(session.Page, "CNY");
        var invoice = await IssueAsync(session.Page, customer.Code, unitPrice: "300", taxRate: "0");
        var number = (await invoice.Heading.InnerTextAsync()).Split(' ')[^1];

        var record = new RecordReceiptPage(session.Page);
        await record.OpenAsync();
        await LedgerForms.PickCustomerAsync(session.Page, record.Customer, customer.Code);
        await LedgerForms.FillNumberAsync(record.Amount, "120");
        await record.AutoApply.ClickAsync();
        await record.Post.ClickAsync();
        await session.Page.WaitForURLAsync(new Regex(@"/receipts/[0-9a-f-]{36}$"));
        var receipt = new ReceiptPage(session.Page, Guid.Empty);
        await Expect(receipt.Unapplied).ToContainTextAsync("120.00 CNY");
        var options = await LedgerForms.OpenOptionsAsync(session.Page, receipt.AllocationInstallment);
        await LedgerForms.ClickOptionAsync(session.Page, options.First(o => o.StartsWith(number + " #", StringComparison.Ordinal)));
        await LedgerForms.FillNumberAsync(receipt.AllocationAmount, "120");
        await receipt.Allocate.ClickAsync();
        await Expect(receipt.AllocationRows).ToHaveCountAsync(1);
        await Expect(receipt.AllocationRows.First).ToContainTextAsync(number);

        await invoice.OpenAsync();
        await Expect(invoice.OpenTotal).ToContainTextAsync("180.00 CNY");
        await invoice.Reverse.ClickAsync();
        await invoice.ReverseReason.FillAsync("Wrong price");
        await invoice.ReverseConfirm.ClickAsync();
        // Refused, and the page shows what stands in the way instead of leaving the accountant stranded.
        await Expect(invoice.FormError).ToContainTextAsync("reverse those allocations first");
        await Expect(invoice.AllocationsBlock).ToBeVisibleAsync();
        await Expect(invoice.AllocationRows).ToHaveCountAsync(1);
        await Expect(invoice.AllocationRows.First).ToContainTextAsync("Receipt");
        await Expect(invoice.AllocationRows.First).ToContainTextAsync("120.00");
        await invoice.ScreenshotAsync("invoice-reverse-refused-allocations");

        await invoice.UndoAll.ClickAsync();
        await invoice.UndoReason.FillAsync("To be re-issued at the right price");
        await invoice.UndoConfirm.ClickAsync();
        await Expect(invoice.AllocationRows).ToHaveCountAsync(0);
        await Expect(invoice.OpenTotal).ToContainTextAsync("300.00 CNY");

        await invoice.Reverse.ClickAsync();
        await invoice.ReverseReason.FillAsync("Wrong price");
        await invoice.ReverseConfirm.ClickAsync();
        await Expect(invoice.Status).ToHaveTextAsync("Reversed");
        await Expect(invoice.ReversedBy).ToBeVisibleAsync();
        await invoice.ScreenshotAsync("invoice-reversed-after-undo");
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
