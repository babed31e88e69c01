using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>A salesperson's home (src/Huikuan.Web/Features/Customers/Pages/MyCustomersPage.razor).</summary>
public sealed class MyCustomersPage(IPage page) : AppShell(page)
{
    public override string Path => "/my-customers";

    public ILocator Overdue => Page.GetByTestId("kpi-my-overdue").GetByTestId("value");

    public ILocator Collected => Page.GetByTestId("kpi-my-collected").GetByTestId("value");

    public ILocator LastMonth => Page.GetByTestId("kpi-my-collected").GetByTestId("definition");

    public ILocator TopOverdueRows => Page.GetByTestId("my-overdue-row");

    public ILocator Promises => Page.GetByTestId("my-promise");

    public ILocator NotForRole => Page.GetByTestId("not-for-role");
}
