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
