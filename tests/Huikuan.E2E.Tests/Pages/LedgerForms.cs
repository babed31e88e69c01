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
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Opens a select, chooses the entry that shows <paramref name="text"/>, and waits for the list to close: while
    /// it is closing, its overlay would take the next click meant for another field or the post button.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(select);
        await select.Locator("xpath=..").ClickAsync();
        await ClickOptionAsync(page, text);
    }

    /// <summary>Clicks the entry that shows <paramref name="text"/> in a list already open, and waits for the list to close.</summary>
    public static async Task ClickOptionAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Options(page, text).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a select and returns the texts of its entries, still open for <see cref="Options"/> to click.</summary>
    public static async Task<IReadOnlyList<string>> OpenOptionsAsync(IPage page, ILocator select)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(select);
        await select.Locator("xpath=..").ClickAsync();
        var entries = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(entries.First).ToBeVisibleAsync();
        return await entries.AllInnerTextsAsync();
    }

    /// <summary>Opens a date picker's calendar, goes <paramref name="monthsAhead"/> months forward and clicks the day.</summary>
    public static async Task PickDayAsync(IPage page, ILocator datePicker, int monthsAhead, int day)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(datePicker);
        await datePicker.ClickAsync();
        var calendar = page.Locator(".mud-popover-open .mud-picker");
        for (var i = 0; i < monthsAhead; i++)
        {
            await calendar.Locator(".mud-picker-calendar-header-switch button").Last.ClickAsync();
        }
        await calendar.Locator("button.mud-picker-calendar-day:not(.mud-hidden)").GetByText(day.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Exact = true }).ClickAsync();
        // Without action buttons the picker takes the day at once; a click outside closes the calendar.
        await page.Mouse.ClickAsync(1, 1);
        await Assertions.Expect(calendar).ToHaveCountAsync(0);
    }

    /// <summary>Fills a number and leaves the field, which is when the page takes the value.</summary>
    public static async Task FillNumberAsync(ILocator field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }
}
