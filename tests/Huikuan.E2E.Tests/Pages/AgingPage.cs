using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>The aging report (src/Huikuan.Web/Features/Aging/Pages/AgingPage.razor).</summary>
public sealed class AgingPage(IPage page) : AppShell(page)
{
    public override string Path => "/aging";

    public ILocator Table => Page.GetByTestId("aging-table");

    public ILocator ColumnHeaders => Table.Locator("thead th");

    public ILocator Rows => Table.Locator("tbody tr");

    public ILocator GrandTotal => Page.GetByTestId("grand-total");

    /// <summary>The component library puts the test id on the input itself; its helper and error text sit beside it.</summary>
    public ILocator Buckets => Page.GetByTestId("buckets");

    public ILocator BucketsError => Page.Locator(".mud-input-control", new() { Has = Buckets }).Locator(".mud-input-helper-text");

    public ILocator Export => Page.GetByTestId("export");

    /// <summary>The currency choice: all currencies in the company's (the default) or one currency's own amounts.</summary>
    public ILocator Currency => Page.GetByTestId("currency");

    /// <summary>The line naming the rates the company-wide totals were converted at.</summary>
    public ILocator Conversion => Page.GetByTestId("conversion");

    public ILocator MissingRates => Page.GetByTestId("missing-rate");

    /// <summary>Shows one currency's items in their own amounts (the report then names no rates).</summary>
    public async Task ChooseCurrencyAsync(string code)
    {
        await Currency.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{code}$") }).ClickAsync();
    }

    public ILocator DrillDown => Page.GetByTestId("drill-down");

    public ILocator DrillDownRows => DrillDown.Locator("tbody tr");

    /// <summary>Shows the report for what the filters say now.</summary>
    public Task ApplyAsync(string buttonName) => Page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();

    /// <summary>Sets the bucket bounds, e.g. "30,60"; empty for the default buckets.</summary>
    public async Task SetBucketsAsync(string bounds)
    {
        await Buckets.FillAsync(bounds);
        await Buckets.BlurAsync();
    }
}
