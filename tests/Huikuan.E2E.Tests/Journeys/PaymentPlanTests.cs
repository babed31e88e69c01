using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class PaymentPlanTests(HuikuanServer server, Chromium chromium)
{
    /// <summary>
    /// A collector records that the customer is short of cash, reads the strategy (a payment plan), proposes three
    /// installments through the dialog from a first date picked on the calendar; a credit manager (in English) approves
    /// it and sees it running.
    /// </summary>
    [Fact]
    public async Task ACollector_ProposesAPaymentPlanForACustomerShortOfCash_AndACreditManagerApprovesIt()
    {
        await using var collector = await chromium.NewSessionAsync(server);
        await new SignInPage(collector.Page).SignInAsync("Collector");
        var customerId = await CustomerWithOverdueAsync(collector.Page);
        var panel = new PaymentPlansPanel(collector.Page, customerId);
        await panel.OpenAsync();

        await panel.RecordCauseAsync("资金紧张");
        await Expect(panel.CurrentCause).ToHaveTextAsync("资金紧张");
        await Expect(panel.Strategy).ToHaveTextAsync("提出分期还款计划");

        await panel.Propose.ClickAsync();
        await Expect(panel.Dialog).ToBeVisibleAsync();
        await Expect(panel.Count).ToHaveValueAsync("3");
        await LedgerForms.PickDayAsync(collector.Page, panel.FirstDueOn, monthsAhead: 1, day: 15);
        await Expect(panel.DialogLines).ToHaveCountAsync(3);
        await panel.Dialog.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "payment-plan-dialog.png") });
        await panel.Save.ClickAsync();

        await Expect(panel.Dialog).ToBeHiddenAsync();
        await Expect(panel.Saved).ToBeVisibleAsync();
        await Expect(panel.Status).ToHaveTextAsync("待审批");
        await Expect(panel.PlanLines).ToHaveCountAsync(3);
        await Expect(panel.PlanLines.First).ToContainTextAsync("第 1 期");
        await panel.CausePanel.ScrollIntoViewIfNeededAsync();
        await panel.ScreenshotAsync("payment-plan-proposed");

        await using var manager = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var approving = new PaymentPlansPanel(manager.Page, customerId);
        await approving.OpenAsync();
        await Expect(approving.Strategy).ToHaveTextAsync("Offer a payment plan");
        await Expect(approving.Status).ToHaveTextAsync("Waiting for approval");
        await approving.Approve.ClickAsync();

        await Expect(approving.Status).ToHaveTextAsync("Running");
        await Expect(approving.Approve).ToHaveCountAsync(0);
        await approving.Panel.ScrollIntoViewIfNeededAsync();
        await approving.ScreenshotAsync("payment-plan-running-en");
    }

    /// <summary>A demo customer with something overdue and no payment plan yet, read through the API as the signed-in user.</summary>
    private static async Task<Guid> CustomerWithOverdueAsync(IPage page)
    {
        var customers = (await (await page.APIRequest.GetAsync("/api/customers?pageSize=40")).JsonAsync())!.Value.GetProperty("items");
        foreach (var customer in customers.EnumerateArray().Reverse())
        {
            var id = customer.GetProperty("id").GetGuid();
            var plans = (await (await page.APIRequest.GetAsync($"/api/customers/{id}/payment-plans")).JsonAsync())!.Value;
            if (plans.GetProperty("overdue").GetDecimal() > 100m && plans.GetProperty("plans").GetArrayLength() == 0)
            {
                return id;
            }
        }
        throw new InvalidOperationException("No demo customer has anything overdue.");
    }
}
