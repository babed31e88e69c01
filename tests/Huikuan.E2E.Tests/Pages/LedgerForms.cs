using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>How a person fills the component library's inputs; the test ids sit on the inputs themselves.</summary>
public static class LedgerForms
{
    /// <summary>The open drop-down's entries (autocomplete suggestions, select items).</summary>
    public static ILocator Options(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text });

    /// <summary>Types into the customer picker and chooses the suggestion that shows <paramref name="code"/>.</summary>
    public static async Task PickCustomerAsync(IPage page, ILocator picker, string code)
    {
        ArgumentNullException.ThrowIfNull(picker);
        await picker.ClickAsync();
        await picker.FillAsync(code);
        await Options(page, code).First.ClickAsync();
    }

    public static async Task ChooseAsync(IPage page, ILocator select, string text)
    {
        ArgumentNullException.ThrowIfNull(select);
        await select.Locator("xpath=..").ClickAsync();
        await Options(page, text).First.ClickAsync();
    }

    /// <summary>Fills a number and leaves the field, which is when the page takes the value.</summary>
    public static async Task FillNumberAsync(ILocator field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }
}
