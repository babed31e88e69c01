using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The credit panel on a customer's page (src/Huikuan.Web/Features/Credit/Pages/CreditLimitSection.razor and its neighbours).</summary>
public sealed class CustomerCreditPanel(IPage page, Guid customerId) : AppShell(page)
{
    public override string Path => $"/customers/{customerId}";

    /// <summary>Opens the customer's page, then its credit tab.</summary>
    public override async Task OpenAsync()
    {
        await base.OpenAsync();
        await CustomerPageTabs.OpenAsync(Page, "credit");
    }

    public ILocator Limit => Page.GetByTestId("credit-limit");
    public ILocator Available => Page.GetByTestId("credit-available");
    public ILocator Exposure => Page.GetByTestId("credit-exposure");
    public ILocator Standing => Page.GetByTestId("credit-standing");
    public ILocator RequestStatus => Page.GetByTestId("request-status");
    public ILocator RequestSent => Page.GetByTestId("request-sent");
    public ILocator ScoreHistory => Page.GetByTestId("score-history");

    /// <summary>Opens the request form, fills the new limit and the reason, and sends it for approval.</summary>
    public async Task RequestLimitAsync(decimal limit, string reason)
    {
        await Page.GetByTestId("request-limit").ClickAsync();
        await LedgerForms.FillNumberAsync(Page.GetByTestId("new-limit"), limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByTestId("reason").FillAsync(reason);
        await Page.GetByTestId("reason").PressAsync("Tab");
        await Page.GetByTestId("submit-request").ClickAsync();
    }
}

/// <summary>The credit manager's desk at /credit (src/Huikuan.Web/Features/Credit/Pages/CreditDeskPage.razor).</summary>
public sealed class CreditDeskPage(IPage page) : AppShell(page)
{
    public override string Path => "/credit";

    public ILocator Pending => Page.GetByTestId("pending-requests");

    public ILocator RequestFor(string customerCode) => Pending.GetByTestId("limit-request").Filter(new() { HasText = customerCode });

    /// <summary>The customer's credit now, shown beside a pending request.</summary>
    public ILocator NowFor(string customerCode) => RequestFor(customerCode).GetByTestId("request-now");

    public ILocator Error => Page.GetByTestId("request-error");

    /// <summary>Writes the decision note (none when null) and approves.</summary>
    public async Task ApproveAsync(string customerCode, string? note)
    {
        if (note is not null)
        {
            var field = RequestFor(customerCode).GetByTestId("decision-note");
            await field.FillAsync(note);
            await field.PressAsync("Tab");
        }
        await RequestFor(customerCode).GetByTestId("approve").ClickAsync();
    }
}

public sealed class CreditPoliciesPage(IPage page) : AppShell(page)
{
    public override string Path => "/credit/policies";

    public ILocator Policy(string grade) => Page.GetByTestId($"policy-{grade}");

    public ILocator Weight(string factor) => Page.GetByTestId($"weight-{factor}");

    public ILocator SaveWeights => Page.GetByTestId("save-weights");

    public ILocator WeightsSaved => Page.GetByTestId("weights-saved");
}
