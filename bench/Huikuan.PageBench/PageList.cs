namespace Huikuan.PageBench;

/// <summary>
/// A page to time; <paramref name="Ready"/> is a CSS selector that shows it is usable, when the default does not fit;
/// <paramref name="User"/> the demo user who opens it, when it is not the admin (a page of one role).
/// </summary>
public sealed record BenchPage(string Name, string Path, string? Ready = null, string? User = null);

/// <summary>
/// The pages people open every day: every entry of the menu (read from the signed-in admin's menu, so a new page is
/// timed even before it is named here), a few views and forms beside them, and detail pages for the largest customer
/// and the latest documents.
/// </summary>
public static class PageList
{
    /// <summary>The pages named here, with their names and the sign that they are usable.</summary>
    public static IReadOnlyList<BenchPage> Listed { get; } =
        [
            new("Dashboard", "/"),
            new("Worklist", "/worklist", "[data-testid=worklist]"),
            new("Worklist rules", "/worklist/rules", "[data-testid=rules]"),
            // A salesperson's page, opened by the demo salesperson (the admin is only told it is not for their role).
            new("My customers", "/my-customers", "[data-testid=kpi-my-overdue]", "sales@demo.huikuan"),
            new("Aging report", "/aging"),
            new("Aging by salesperson", "/aging?groupBy=salesperson"),
            new("Customers", "/customers"),
            new("Customers by outstanding", "/customers?sort=outstanding"),
            new("Invoices", "/invoices"),
            new("Receipts", "/receipts"),
            new("Notes receivable", "/notes-receivable"),
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
            new("Dunning", "/dunning"),
            new("Dunning policy", "/dunning/policy", "[data-testid=save]"),
            new("Outbox", "/outbox"),
            new("Escalations", "/escalations"),
            new("Exchange rates", "/exchange-rates"),
            new("Exchange approvals", "/exchange-approvals"),
            new("Write-offs", "/write-offs"),
            new("Bank statements", "/bank-statements", "tbody tr td, [data-testid=bank-statements-empty]"),
            new("Bank accounts", "/bank-accounts", "tbody tr td, [data-testid=bank-accounts-empty]"),
        ];

    /// <summary>Menu entries the list above does not name; each is timed under its menu text.</summary>
    public static IReadOnlyList<BenchPage> Unlisted(IEnumerable<(string Text, string Path)> menu) =>
        [.. menu.Where(m => Listed.All(p => p.Path != m.Path)).DistinctBy(m => m.Path).Select(m => new BenchPage(m.Text, m.Path))];

    public static async Task<IReadOnlyList<BenchPage>> ResolveAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var pages = new List<BenchPage>(Listed);
        var unlisted = Unlisted(await browser.MenuAsync());
        foreach (var page in unlisted)
        {
            Console.WriteLine($"menu entry not named in the page list, timed as it is: {page.Name} {page.Path}");
        }
        pages.AddRange(unlisted);
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
