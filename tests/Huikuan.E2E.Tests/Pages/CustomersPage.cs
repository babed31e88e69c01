using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The customer list (src/Huikuan.Web/Features/Customers/Pages/CustomersPage.razor).</summary>
public sealed class CustomersPage(IPage page) : AppShell(page)
{
    public override string Path => "/customers";

    public ILocator Table => Page.GetByTestId("customers-table");

    public ILocator Rows => Table.Locator("tbody tr");

    /// <summary>"200 customers": how many match the search.</summary>
    public ILocator Count => Page.GetByTestId("count");

    public ILocator Search => Page.GetByTestId("search");

    public ILocator Empty => Page.GetByTestId("empty");

    /// <summary>Shown only to roles that may add customers.</summary>
    public ILocator NewCustomer => Page.GetByTestId("new-customer");

    public ILocator Codes => Rows.Locator("td:nth-child(1)");

    public ILocator Names => Rows.Locator("td:nth-child(2) a");

    public ILocator Outstanding => Rows.Locator("td:nth-child(4)");

    public ILocator NextPage => Page.GetByRole(AriaRole.Button, new() { Name = "Next page" });

    /// <summary>Clicks a column's sort label: the first click sorts ascending, the second descending.</summary>
    public Task SortByAsync(string column) => Table.Locator("thead").GetByText(column, new() { Exact = true }).ClickAsync();
}

/// <summary>One customer (src/Huikuan.Web/Features/Customers/Pages/CustomerPage.razor).</summary>
public sealed class CustomerPage(IPage page, Guid id) : AppShell(page)
{
    public override string Path => $"/customers/{id}";

    public ILocator Code => Page.GetByTestId("customer-code");

    public ILocator Balances => Page.GetByTestId("balances");

    /// <summary>The open amount in <paramref name="currency"/> (the balances table's second column).</summary>
    public ILocator OpenIn(string currency) => Balances.Locator("tbody tr", new() { HasText = currency }).Locator("td:nth-child(2)");

    public ILocator OpenItemRows => Page.GetByTestId("open-items").Locator("tbody tr");

    public ILocator Statement => Page.GetByTestId("statement");

    public ILocator ClosingBalance => Page.GetByTestId("closing");

    public ILocator NotFound => Page.GetByTestId("not-found");

    /// <summary>A tab by its name in the address: items, timeline, credit, orders, documents, statement.</summary>
    public ILocator Tab(string tab) => CustomerPageTabs.Tab(Page, tab);

    /// <summary>The shown tab's panel.</summary>
    public ILocator TabPanel => Page.GetByRole(AriaRole.Tabpanel);

    /// <summary>The head above the tabs: open, overdue, grade, promise and next step.</summary>
    public ILocator Header => Page.GetByTestId("customer-header");

    public Task OpenTabAsync(string tab) => CustomerPageTabs.OpenAsync(Page, tab);
}

/// <summary>
/// The tabs of the customer page (CustomerPage.razor): links that keep the tab in the address. Panels on the page are
/// reached as a person reaches them: the page opens on its open items, and a click on the tab shows the others.
/// </summary>
public static class CustomerPageTabs
{
    public static ILocator Tab(IPage page, string tab) => page.GetByTestId("customer-tab-" + tab);

    /// <summary>Clicks the tab and waits until it is the selected one, in the address and with its panel drawn.</summary>
    public static async Task OpenAsync(IPage page, string tab)
    {
        await Tab(page, tab).ClickAsync();
        await Assertions.Expect(Tab(page, tab)).ToHaveAttributeAsync("aria-selected", "true");
        await page.WaitForURLAsync(url => url.Contains("tab=" + tab, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("customer-tab-panel-" + tab)).ToBeVisibleAsync();
    }
}

/// <summary>The form for a new customer (src/Huikuan.Web/Features/Customers/Pages/NewCustomerPage.razor).</summary>
public sealed class NewCustomerPage(IPage page) : AppShell(page)
{
    public override string Path => "/customers/new";

    public ILocator Code => Page.GetByTestId("code");
    public ILocator Name => Page.GetByTestId("name");
    public ILocator PaymentTerm => Page.GetByTestId("payment-term");
    public ILocator TaxId => Page.GetByTestId("tax-id");
    public ILocator Post => Page.GetByTestId("post");
    public ILocator GeneralError => Page.GetByTestId("form-error");
    public ILocator ReadOnly => Page.GetByTestId("read-only");

    public ILocator ErrorOf(ILocator input) => Page.Locator(".mud-input-control", new() { Has = input }).Locator(".mud-input-helper-text");
}

/// <summary>The promises to pay on a customer's page (CustomerPromises.razor).</summary>
public sealed class CustomerPromisesSection(IPage page)
{
    public ILocator Amount => page.GetByTestId("promise-amount");

    public ILocator PromisedOn => page.Locator("input[data-testid=promise-date]");

    public ILocator Note => page.GetByTestId("promise-note");

    public ILocator Save => page.GetByTestId("promise-save");

    public ILocator Saved => page.GetByTestId("promise-saved");

    public ILocator Rows => page.GetByTestId("customer-promises").GetByTestId("promise");
}
