using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>
/// The cause of delay and the payment plans on the customer page (src/Huikuan.Web/Features/DelayCauses/Pages/DelayCausePanel.razor,
/// Features/PaymentPlans/Pages/PaymentPlansPanel.razor and ProposePaymentPlanDialog.razor).
/// </summary>
public sealed class PaymentPlansPanel(IPage page, Guid customerId) : AppShell(page)
{
    public override string Path => $"/customers/{customerId}";

    public ILocator CauseSelect => Page.GetByTestId("delay-cause-select");

    public ILocator SaveCause => Page.GetByTestId("delay-cause-save");

    public ILocator CurrentCause => Page.GetByTestId("delay-cause-current");

    public ILocator Strategy => Page.GetByTestId("delay-cause-strategy");

    public ILocator CausePanel => Page.GetByTestId("delay-cause");

    public ILocator Panel => Page.GetByTestId("payment-plans");

    public ILocator Propose => Page.GetByTestId("plan-propose");

    public ILocator Dialog => Page.GetByTestId("propose-plan-dialog");

    public ILocator Count => Page.Locator("input[data-testid=plan-count]");

    public ILocator FirstDueOn => Page.Locator("input[data-testid=plan-first]");

    public ILocator DialogLines => Dialog.GetByTestId("plan-line");

    public ILocator Sum => Page.GetByTestId("plan-sum");

    public ILocator Save => Page.GetByTestId("propose-plan-save");

    public ILocator Plans => Page.GetByTestId("plan");

    public ILocator Status => Plans.First.GetByTestId("plan-status");

    public ILocator PlanLines => Plans.First.GetByTestId("plan-line");

    public ILocator Approve => Plans.First.GetByTestId("plan-approve");

    public ILocator Saved => Page.GetByTestId("plan-saved");

    /// <summary>Chooses a cause of delay by the words the list shows and records it.</summary>
    public async Task RecordCauseAsync(string words)
    {
        await LedgerForms.ChooseAsync(Page, CauseSelect, words);
        await SaveCause.ClickAsync();
    }
}
