using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>
/// The calendar a date field opens (MudDatePicker, shown through Components/DateField's settings). It is tested the way
/// a person uses it: with the mouse at the place a thing is drawn, so a calendar clipped to its field fails, where a
/// locator click would scroll the clipped part into view first.
/// </summary>
public sealed class DatePicker(IPage page, ILocator input)
{
    public ILocator Calendar => page.Locator(".mud-popover-open .mud-picker");

    public ILocator NextMonth => Calendar.Locator(".mud-picker-calendar-header-switch button").Last;

    public ILocator Day(int day) =>
        Calendar.Locator("button.mud-picker-calendar-day:not(.mud-hidden)").GetByText(day.ToString(CultureInfo.InvariantCulture), new() { Exact = true });

    public ILocator Month => Calendar.Locator(".mud-picker-calendar-header-transition");

    public ILocator WeekdayNames => Calendar.Locator(".mud-picker-calendar-header-day .mud-day-label");

    public async Task OpenAsync()
    {
        await input.ClickAsync();
        await Expect(Calendar).ToBeVisibleAsync();
        // The calendar fades in: measured and photographed once it is there.
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('.mud-popover-open'); return p && getComputedStyle(p).opacity === '1'; }");
    }

    /// <summary>Fails unless the whole calendar is drawn: nothing scrolled away inside it, and all of it on the screen.</summary>
    public async Task AssertWholeAsync()
    {
        var clipped = await Calendar.EvaluateAsync<bool>(
            "c => { const p = c.closest('.mud-popover'); return p.scrollWidth > p.clientWidth + 1 || c.scrollWidth > c.clientWidth + 1; }");
        Assert.False(clipped, "The calendar is wider than the box that shows it.");
        var viewport = page.ViewportSize!;
        var box = await Calendar.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= viewport.Width + 1, $"The calendar ({box.X}..{box.X + box.Width}) is not within the {viewport.Width}-pixel screen.");
        await Expect(WeekdayNames).ToHaveCountAsync(7);
        foreach (var name in await WeekdayNames.AllAsync())
        {
            await AssertInsideAsync(name, box);
        }
        await AssertInsideAsync(NextMonth, box);
    }

    /// <summary>Clicks the next-month arrow and waits until the calendar shows that month.</summary>
    public async Task NextMonthAsync()
    {
        var before = await Month.InnerTextAsync();
        await ClickAsync(NextMonth);
        await Expect(Month).Not.ToHaveTextAsync(before);
    }

    /// <summary>Clicks where the element is drawn, as a mouse would, without scrolling anything into view.</summary>
    public async Task ClickAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        await Expect(target).ToBeVisibleAsync();
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    private static async Task AssertInsideAsync(ILocator element, LocatorBoundingBoxResult calendar)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= calendar.X - 1 && box.X + box.Width <= calendar.X + calendar.Width + 1,
            $"'{await element.InnerTextAsync()}' at {box.X}..{box.X + box.Width} lies outside the calendar ({calendar.X}..{calendar.X + calendar.Width}).");
    }
}
