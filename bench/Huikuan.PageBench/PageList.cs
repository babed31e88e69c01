namespace Huikuan.PageBench;

/// <summary>A page to time; <paramref name="Ready"/> is a CSS selector that shows it is usable, when the default does not fit.</summary>
public sealed record BenchPage(string Name, string Path, string? Ready = null);

/// <summary>The pages people open every day, with detail pages for the largest customer and the latest documents.</summary>
public static class PageList
{
    public static async Task<IReadOnlyList<BenchPage>> ResolveAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var pages = new List<BenchPage>
        {
            new("Dashboard", "/"),
            new("Aging report", "/aging"),
            new("Aging by salesperson", "/aging?groupBy=salesperson"),
            new("Customers", "/customers"),
            new("Customers by outstanding", "/customers?sort=outstanding"),
            new("Invoices", "/invoices"),
            new("Receipts", "/receipts"),
            new("Follow-ups", "/follow-ups"),
            new("Issue an invoice", "/invoices/new", "[data-testid=post]"),
            new("Record a receipt", "/receipts/new", "[data-testid=post]"),
            new("New customer", "/customers/new", "[data-testid=post]"),
            new("Import", "/import", "[data-testid=kind]"),
            new("Audit trail", "/admin/audit"),
            new("Users", "/admin/users"),
            new("API keys", "/account/api-keys"),
            new("Sales orders", "/orders"),
            new("Orders on hold", "/orders/holds"),
            new("Contracts", "/contracts"),
            new("Unbilled stages", "/contracts/unbilled"),
            new("Credit desk", "/credit"),
            new("Credit reviews", "/credit/reviews"),
            new("Credit policies", "/credit/policies"),
            new("Disputes", "/disputes"),
        };
        if (await browser.FirstIdAsync("/api/customers?sort=outstanding&pageSize=1") is { } customer)
        {
            pages.Add(new("Customer (largest)", $"/customers/{customer}"));
        }
        if (await browser.FirstIdAsync("/api/invoices?pageSize=1") is { } invoice)
        {
            pages.Add(new("Invoice", $"/invoices/{invoice}"));
        }
        if (await browser.FirstIdAsync("/api/receipts?pageSize=1") is { } receipt)
        {
            pages.Add(new("Receipt", $"/receipts/{receipt}"));
        }
        return pages;
    }
}
