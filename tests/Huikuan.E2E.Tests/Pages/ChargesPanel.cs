using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>Interest, fees and waivers on the customer page (src/Huikuan.Web/Features/Charges/Pages/CustomerChargesPanel.razor).</summary>
public sealed class ChargesPanel(IPage page, Guid customerId) : AppShell(page)
{
    public override string Path => $"/customers/{customerId}";

    public ILocator Panel => Page.GetByTestId("customer-charges");

    public ILocator Open => Page.GetByTestId("charges-open");

    public ILocator Rows => Page.GetByTestId("charge-row");

    public ILocator Waivers => Page.GetByTestId("waiver-row");

    /// <summary>Asks to waive the first charge whose row has <paramref name="text"/>, in full, with a reason.</summary>
    public async Task AskToWaiveAsync(string text, string reason)
    {
        await Rows.Filter(new() { HasText = text }).First.GetByTestId("charge-waive").ClickAsync();
        await Page.Locator("input[data-testid=waiver-reason], [data-testid=waiver-reason] input").First.FillAsync(reason);
        await Page.GetByTestId("waiver-submit").ClickAsync();
    }

    public Task ApproveAsync(int index) => Waivers.Nth(index).GetByTestId("waiver-approve").ClickAsync();
}
