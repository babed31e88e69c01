using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The start page for signed-in users (src/Huikuan.Web/Features/Dashboard/Pages/DashboardPage.razor).</summary>
public sealed class DashboardPage(IPage page) : AppShell(page)
{
    public override string Path => "/";

    public ILocator AsOf => Page.GetByTestId("as-of");

    public ILocator Receivables => Kpi("kpi-receivables");

    public ILocator Overdue => Kpi("kpi-overdue");

    public ILocator OverdueNote => Page.GetByTestId("kpi-overdue").GetByTestId("note");

    public ILocator CollectionRate => Kpi("kpi-collection");

    public ILocator CollectionNote => Page.GetByTestId("kpi-collection").GetByTestId("note");

    public ILocator CollectionTitle => Page.GetByTestId("kpi-collection").GetByRole(AriaRole.Heading);

    public ILocator CollectionDefinition => Page.GetByTestId("kpi-collection").GetByTestId("definition");

    public ILocator FollowUps => Kpi("kpi-follow-ups");

    public ILocator FollowUpsLink => Page.GetByTestId("kpi-follow-ups").GetByRole(AriaRole.Link);

    public ILocator AgingChart => Page.GetByTestId("aging-chart");

    /// <summary>The chart's bars: one SVG path per aging bucket.</summary>
    public ILocator AgingBars => AgingChart.Locator("svg path.mud-chart-bar");

    /// <summary>The line naming the rates the totals were converted at.</summary>
    public ILocator Conversion => Page.GetByTestId("conversion");

    /// <summary>One warning per currency left out of the totals for want of a rate.</summary>
    public ILocator MissingRates => Page.GetByTestId("missing-rate");

    public ILocator TopOverdueRows => Page.GetByTestId("top-overdue").Locator("tbody tr");

    private ILocator Kpi(string id) => Page.GetByTestId(id).GetByTestId("value");
}
