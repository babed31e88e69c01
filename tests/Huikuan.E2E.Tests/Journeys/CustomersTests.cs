using System.Globalization;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class CustomersTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Customers_PageThroughSearchAndSort_ThenOpenOne()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Admin");
        var customers = new CustomersPage(session.Page);
        await customers.OpenAsync();

        // The demo's 200, and whatever the import journey added: the page counts what the API counts.
        var all = await (await session.Page.APIRequest.GetAsync("/api/customers?pageSize=1")).JsonAsync();
        var total = all!.Value.GetProperty("total").GetInt32();
        Assert.True(total >= 200, $"The demo has 200 customers; the API counts {total}.");
        await Expect(customers.Count).ToHaveTextAsync(total.ToString("N0", CultureInfo.GetCultureInfo("en-US")) + " customers");
        await Expect(customers.Rows).ToHaveCountAsync(25);
        var firstPage = await customers.Codes.AllInnerTextsAsync();
        Assert.Equal(firstPage.Order(StringComparer.Ordinal), firstPage);
        await customers.NextPage.ClickAsync();
        await Expect(customers.Codes.First).Not.ToHaveTextAsync(firstPage[0]);
        Assert.True(string.CompareOrdinal(await customers.Codes.First.InnerTextAsync(), firstPage[^1]) > 0, "Page 2 follows page 1.");

        await customers.SortByAsync("Outstanding");
        await customers.SortByAsync("Outstanding");
        // Two clicks: ascending, then descending. The table reloads after each, so wait for the second order.
        var amounts = new List<decimal>();
        for (var attempt = 0; attempt < 60; attempt++)
        {
            amounts = (await customers.Outstanding.AllInnerTextsAsync()).Select(a => decimal.Parse(a, NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
            if (amounts.Count == 25 && amounts.SequenceEqual(amounts.OrderDescending()) && amounts[0] > amounts[^1])
            {
                break;
            }
            await session.Page.WaitForTimeoutAsync(250);
        }
        Assert.Equal(amounts.OrderDescending(), amounts);
        Assert.True(amounts[0] > amounts[^1], "The largest outstanding amounts come first.");

        var name = await customers.Names.Nth(3).InnerTextAsync();
        await customers.Search.FillAsync(name);
        await Expect(customers.Count).ToHaveTextAsync("1 customer");
        await Expect(customers.Names).ToHaveTextAsync([name]);
        await customers.ScreenshotAsync("customers");

        await customers.Names.First.ClickAsync();
        var customer = new CustomerPage(session.Page, Guid.Empty);
        await Expect(customer.Heading).ToHaveTextAsync(name);
        await Expect(customer.Balances).ToContainTextAsync("CNY");
        await customer.OpenTabAsync("credit");
        // The credit score and how punctually they paid over the last year, from the demo's history (or a note when
        // nothing fell due).
        await Expect(session.Page.GetByTestId("payment-behaviour")).ToContainTextAsync(new Regex(@"\d[\d,]* of \d[\d,]* installments due|Nothing fell due"));
        if (await session.Page.GetByTestId("behaviour-empty").CountAsync() == 0)
        {
            await Expect(session.Page.GetByTestId("credit-score")).ToHaveTextAsync(new Regex(@"^\d{1,3}$"));
        }
        // One grade: the approved one, and the score's beside it (both labelled) only where they differ.
        await Expect(session.Page.GetByTestId("credit-grade"))
            .ToHaveTextAsync(new Regex(@"^(Grade [A-E]|Approved grade [A-E] · score grade [A-E]|not graded yet \(checked as [A-E]\))$"));
        await customer.OpenTabAsync("statement");
        await Expect(customer.Statement).ToContainTextAsync("Opening balance");
        await Expect(customer.ClosingBalance).ToHaveTextAsync(new Regex(@"^-?[\d,]+\.\d{2} CNY$"));
        await customer.ScreenshotAsync("customer");

        await customers.OpenAsync();
        await customers.Search.FillAsync("no such customer");
        await Expect(customers.Empty).ToContainTextAsync("No customer's code or name contains");
    }

    [Fact]
    public async Task Salesperson_SeesOnlyTheirOwnCustomers()
    {
        await using var sales = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(sales.Page).SignInAsync("Salesperson");
        var mine = await (await sales.Page.GotoAsync("/api/customers?pageSize=500"))!.JsonAsync();
        var mineCodes = mine!.Value.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToHashSet();
        var customers = new CustomersPage(sales.Page);
        await customers.OpenAsync();

        Assert.InRange(mineCodes.Count, 1, 199);
        await Expect(customers.Count).ToHaveTextAsync($"{mineCodes.Count} customers");
        await Expect(customers.UserRole).ToHaveTextAsync("Salesperson");
        await Expect(customers.Rows.First).ToBeVisibleAsync();
        var shown = await customers.Codes.AllInnerTextsAsync();
        Assert.All(shown, code => Assert.Contains(code, mineCodes));
        await customers.ScreenshotAsync("customers-salesperson");

        // Another owner's customer, opened by its address, does not exist for them.
        await using var admin = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(admin.Page).SignInAsync("Admin");
        var all = await (await admin.Page.GotoAsync("/api/customers?pageSize=500"))!.JsonAsync();
        var other = all!.Value.GetProperty("items").EnumerateArray().First(c => !mineCodes.Contains(c.GetProperty("code").GetString()!));
        var page = new CustomerPage(sales.Page, Guid.Parse(other.GetProperty("id").GetString()!));
        await page.OpenAsync();
        await Expect(page.NotFound).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Accountant_CreatesACustomer_AndACollectorMayNot()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var customers = new CustomersPage(session.Page);
        await customers.OpenAsync();
        await customers.NewCustomer.ClickAsync();

        var form = new NewCustomerPage(session.Page);
        await Expect(form.Heading).ToHaveTextAsync("New customer");
        await form.Post.ClickAsync();
        await Expect(form.ErrorOf(form.Code)).ToHaveTextAsync("Required.");

        var code = "E2E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await form.Code.FillAsync(code);
        await form.Name.FillAsync("华东精密机械有限公司");
        await LedgerForms.ChooseAsync(session.Page, form.PaymentTerm, "30-40-30");
        await form.TaxId.FillAsync("91310000MA1FL0XX2K");
        await form.ScreenshotAsync("customer-new");
        await form.Post.ClickAsync();

        await session.Page.WaitForURLAsync(new Regex(@"/customers/[0-9a-f-]{36}$"));
        var created = new CustomerPage(session.Page, Guid.Empty);
        await Expect(created.Heading).ToHaveTextAsync("华东精密机械有限公司");
        await Expect(created.Code).ToContainTextAsync(code);

        // The same code again is refused, in words.
        await form.OpenAsync();
        await form.Code.FillAsync(code);
        await form.Name.FillAsync("Another name");
        await form.Post.ClickAsync();
        await Expect(form.GeneralError).ToHaveTextAsync($"A customer with code '{code}' exists already.");

        await using var collector = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(collector.Page).SignInAsync("Collector");
        var list = new CustomersPage(collector.Page);
        await list.OpenAsync();
        await Expect(list.Rows.First).ToBeVisibleAsync();
        await Expect(list.NewCustomer).ToHaveCountAsync(0);
        var refused = new NewCustomerPage(collector.Page);
        await refused.OpenAsync();
        await Expect(refused.ReadOnly).ToBeVisibleAsync();
        await Expect(refused.Post).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ACollector_RecordsACustomersPromiseToPay_AndSeesItRunning()
    {
        await using var collector = await chromium.NewSessionAsync(server);
        await new SignInPage(collector.Page).SignInAsync("Collector");
        var list = await (await collector.Page.GotoAsync("/api/customers?pageSize=1&sort=outstanding&desc=true"))!.JsonAsync();
        var id = Guid.Parse(list!.Value.GetProperty("items")[0].GetProperty("id").GetString()!);
        var page = new CustomerPage(collector.Page, id);
        await page.OpenAsync();
        var promises = new CustomerPromisesSection(collector.Page);
        var before = await promises.Rows.CountAsync();

        await LedgerForms.FillNumberAsync(promises.Amount, "5000");
        await LedgerForms.PickDayAsync(collector.Page, promises.PromisedOn, monthsAhead: 1, day: 15);
        await promises.Note.FillAsync("财务经理电话确认，下月 15 日前付 5000");
        await promises.Save.ClickAsync();

        await Expect(promises.Saved).ToBeVisibleAsync();
        await Expect(promises.Rows).ToHaveCountAsync(before + 1);
        var row = promises.Rows.Filter(new() { HasText = "财务经理电话确认" });
        await Expect(row).ToContainTextAsync("5,000.00");
        await Expect(row.GetByTestId("promise-status")).ToHaveTextAsync("进行中");
        await Expect(row.GetByTestId("promise-cancel")).ToBeVisibleAsync();
        await collector.Page.GetByTestId("customer-promises").ScreenshotAsync(new() { Path = System.IO.Path.Combine(RepositoryPaths.Artifacts("screenshots"), "customer-promise.png") });
    }
    [Fact]
    public async Task AnAccountant_AddsAPayerAccountAndAnotherName_ThenBlocksTheAccount()
    {
        await using var accountant = await chromium.NewSessionAsync(server);
        await new SignInPage(accountant.Page).SignInAsync("Accountant");
        var list = await (await accountant.Page.GotoAsync("/api/customers?pageSize=1&sort=name&desc=true"))!.JsonAsync();
        var id = Guid.Parse(list!.Value.GetProperty("items")[0].GetProperty("id").GetString()!);
        var page = new CustomerPage(accountant.Page, id);
        await page.OpenAsync();
        var account = "6222 0210-" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

        await page.OpenTabAsync("statement");
        await accountant.Page.GetByTestId("payer-account-number").FillAsync(account);
        await accountant.Page.GetByTestId("payer-account-name").FillAsync("华东贸易有限公司");
        await accountant.Page.GetByTestId("payer-add").ClickAsync();
        var row = accountant.Page.GetByTestId("payer-account").Filter(new() { HasText = account });
        await Expect(row).ToContainTextAsync("手工录入");
        await Expect(row).ToContainTextAsync("使用中");

        await accountant.Page.GetByTestId("payer-reason").FillAsync("支付公司代多家客户付款");
        await row.GetByTestId("payer-block").ClickAsync();
        await Expect(row.GetByTestId("payer-blocked")).ToHaveTextAsync("已停用：非该客户账户");
        await Expect(row).ToContainTextAsync("支付公司代多家客户付款");

        await accountant.Page.GetByTestId("payer-accounts").ScreenshotAsync(new() { Path = System.IO.Path.Combine(RepositoryPaths.Artifacts("screenshots"), "payer-accounts.png") });

        // Another name is part of the customer's group, on the credit tab.
        await page.OpenTabAsync("credit");
        await Expect(accountant.Page.GetByTestId("group-parent")).ToBeVisibleAsync();
        var name = "华东" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        await accountant.Page.GetByTestId("alias-name").FillAsync(name);
        await accountant.Page.GetByTestId("alias-add").ClickAsync();
        await Expect(accountant.Page.GetByTestId("alias").Filter(new() { HasText = name })).ToContainTextAsync("简称");
    }
}
