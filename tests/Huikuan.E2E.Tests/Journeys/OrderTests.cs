using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

/// <summary>A sales order through the credit check: held for an old overdue invoice, released in part (限量供货), delivered and invoiced.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OrderTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task OrderForACustomerWithALongOverdueInvoice_IsHeld_WithNothingToReleaseInPart_OverriddenWithAReason_AndADeliveryIsInvoiced()
    {
        await using var accountant = await chromium.NewSessionAsync(server);
        await new SignInPage(accountant.Page).SignInAsync("Accountant");
        var customer = await CustomerLongOverdueAsync(accountant.Page);

        // 10 servers at 1,000.00 + 13 % VAT: 11,300.00.
        var form = new NewOrderPage(accountant.Page, customer);
        await form.OpenAsync();
        var terms = await LedgerForms.OpenOptionsAsync(accountant.Page, form.PaymentTerm);
        await LedgerForms.ClickOptionAsync(accountant.Page, terms[1]);
        await Expect(accountant.Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await form.Description(0).FillAsync("服务器 Server X1");
        await LedgerForms.FillNumberAsync(form.Quantity(0), "10");
        await LedgerForms.FillNumberAsync(form.UnitPrice(0), "1000");
        await LedgerForms.FillNumberAsync(form.TaxRate(0), "13");
        await form.SaveAndConfirm.ClickAsync();

        await accountant.Page.WaitForURLAsync(OrderUrl());
        var orderId = Guid.Parse(OrderUrl().Match(accountant.Page.Url).Groups[1].Value);
        var order = new OrderPage(accountant.Page, orderId);
        await Expect(order.Status).ToHaveTextAsync("信用冻结");
        await Expect(order.HeldAlert).ToContainTextAsync("11,300.00 CNY");
        await Expect(order.CheckReasons.First).ToContainTextAsync("逾期");
        await Expect(order.Deliver).ToHaveCountAsync(0);
        await Expect(order.ReleasePart).ToHaveCountAsync(0);

        await using var manager = await chromium.NewSessionAsync(server);
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var managed = new OrderPage(manager.Page, orderId);
        await managed.OpenAsync();
        // A debt this old leaves nothing to release in part (限量供货 is for what the limit allows); the refusal says so.
        await managed.ReleasePart.ClickAsync();
        await Expect(managed.Releasable).ToContainTextAsync("0.00");
        await LedgerForms.FillNumberAsync(managed.FormQuantity(1), "4");
        await managed.Reason.FillAsync("先发 4 台，余款到账后再发");
        await managed.Submit.ClickAsync();
        await Expect(managed.Error).ToBeVisibleAsync();
        await Expect(managed.Status).ToHaveTextAsync("信用冻结");

        // The credit manager overrides the hold with a reason (below the amount that needs a second person).
        await managed.OpenAsync();
        await managed.Override.ClickAsync();
        await managed.Reason.FillAsync("客户承诺本周付清旧欠，先发货");
        await managed.Submit.ClickAsync();
        await Expect(managed.Status).ToHaveTextAsync("已放行");
        await Expect(managed.Released(1)).ToHaveTextAsync("10");

        await order.OpenAsync();
        await order.Deliver.ClickAsync();
        await LedgerForms.FillNumberAsync(order.FormQuantity(1), "4");
        await order.Submit.ClickAsync();

        await Expect(order.Status).ToHaveTextAsync("部分发货");
        await Expect(order.Delivered(1)).ToHaveTextAsync("4");
        await Expect(order.Invoiced(1)).ToHaveTextAsync("4");
        await Expect(order.DeliveryInvoice).ToHaveTextAsync(new Regex("^INV-"));
        await order.ScreenshotAsync("order-released-part-delivered-invoiced");

        await order.DeliveryInvoice.ClickAsync();
        await accountant.Page.WaitForURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        await Expect(accountant.Page.GetByText("4,520.00").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OrderOverTheCreditLimit_IsHeld_TheCreditManagerReleasesWhatTheLimitAllows_AndThatPartIsDeliveredAndInvoiced()
    {
        await using var accountant = await chromium.NewSessionAsync(server);
        await new SignInPage(accountant.Page).SignInAsync("Accountant");
        var (customer, available) = await CustomerWithRoomUnderItsLimitAsync(accountant.Page);

        // Ten units at a third of the room left: the order is over the limit; three units fit.
        var price = decimal.Floor(available / 3m);
        var form = new NewOrderPage(accountant.Page, customer);
        await form.OpenAsync();
        var terms = await LedgerForms.OpenOptionsAsync(accountant.Page, form.PaymentTerm);
        await LedgerForms.ClickOptionAsync(accountant.Page, terms[1]);
        await Expect(accountant.Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await form.Description(0).FillAsync("项目设备 Project kit");
        await LedgerForms.FillNumberAsync(form.Quantity(0), "10");
        await LedgerForms.FillNumberAsync(form.UnitPrice(0), price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await LedgerForms.FillNumberAsync(form.TaxRate(0), "0");
        await form.SaveAndConfirm.ClickAsync();

        await accountant.Page.WaitForURLAsync(OrderUrl());
        var orderId = Guid.Parse(OrderUrl().Match(accountant.Page.Url).Groups[1].Value);
        var order = new OrderPage(accountant.Page, orderId);
        await Expect(order.Status).ToHaveTextAsync("信用冻结");
        await Expect(order.CheckReasons.First).ToContainTextAsync("超过信用额度");
        await Expect(order.Deliver).ToHaveCountAsync(0);

        await using var manager = await chromium.NewSessionAsync(server);
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var managed = new OrderPage(manager.Page, orderId);
        await managed.OpenAsync();
        await managed.ReleasePart.ClickAsync();
        await Expect(managed.Releasable).ToContainTextAsync(Money(available));
        await LedgerForms.FillNumberAsync(managed.FormQuantity(1), "3");
        await managed.Reason.FillAsync("额度内先发 3 件 (限量供货)");
        await managed.Submit.ClickAsync();
        await Expect(managed.Status).ToHaveTextAsync("已放行");
        await Expect(managed.Held).ToHaveTextAsync(Money(price * 7) + " CNY");

        await order.OpenAsync();
        await order.Deliver.ClickAsync();
        await Expect(order.FormQuantity(1)).ToHaveValueAsync("3");
        await order.Submit.ClickAsync();
        await Expect(order.Status).ToHaveTextAsync("部分发货");
        await Expect(order.Invoiced(1)).ToHaveTextAsync("3");
        await order.ScreenshotAsync("order-over-limit-released-delivered");

        await order.DeliveryInvoice.ClickAsync();
        await accountant.Page.WaitForURLAsync(new Regex(@"/invoices/[0-9a-f-]{36}$"));
        await Expect(accountant.Page.GetByText(Money(price * 3)).First).ToBeVisibleAsync();
    }

    private static string Money(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A demo customer in CNY with a credit limit and at least 3,000.00 of room under it, graded A–C and nothing overdue
    /// long enough to hold an order on its own, found through the credit standing.
    /// </summary>
    private static async Task<(Guid Customer, decimal Available)> CustomerWithRoomUnderItsLimitAsync(IPage page)
    {
        var json = await (await page.GotoAsync("/api/aging?pageSize=200"))!.JsonAsync();
        foreach (var row in json!.Value.GetProperty("rows").GetProperty("items").EnumerateArray())
        {
            if (row.GetProperty("id").GetString() is not { } text)
            {
                continue;
            }
            var s = (await (await page.GotoAsync($"/api/customers/{text}/credit-standing"))!.JsonAsync())!.Value;
            if (s.GetProperty("currency").GetString() == "CNY" && s.GetProperty("available").ValueKind == System.Text.Json.JsonValueKind.Number
                && s.GetProperty("available").GetDecimal() is >= 3000m and <= 5_000_000m
                && s.GetProperty("grade").GetString() is "A" or "B" or "C" && s.GetProperty("oldestDaysOverdue").GetInt32() < 30)
            {
                return (Guid.Parse(text), s.GetProperty("available").GetDecimal());
            }
        }
        throw new InvalidOperationException("The demo data has no CNY customer graded A–C with room under a credit limit.");
    }

    /// <summary>A demo customer in CNY whose oldest open invoice is more than 60 days overdue, found through the credit standing.</summary>
    private static async Task<Guid> CustomerLongOverdueAsync(IPage page)
    {
        var json = await (await page.GotoAsync("/api/aging?pageSize=200"))!.JsonAsync();
        foreach (var row in json!.Value.GetProperty("rows").GetProperty("items").EnumerateArray())
        {
            if (row.GetProperty("id").GetString() is not { } text)
            {
                continue;
            }
            var standing = await (await page.GotoAsync($"/api/customers/{text}/credit-standing"))!.JsonAsync();
            if (standing!.Value.GetProperty("currency").GetString() == "CNY" && standing.Value.GetProperty("oldestDaysOverdue").GetInt32() > 60)
            {
                return Guid.Parse(text);
            }
        }
        throw new InvalidOperationException("The demo data has no CNY customer with an invoice more than 60 days overdue.");
    }

    [GeneratedRegex(@"/orders/([0-9a-f-]{36})$")]
    private static partial Regex OrderUrl();
}
