using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>What every page of the app has around it: the app bar (user, role, language, sign-out) and the menu.</summary>
public abstract class AppShell(IPage page) : PageObject(page)
{
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>
    /// Navigates here and waits for the page's heading. The pages are not prerendered, so the heading appears only
    /// once the circuit has rendered the page: from then on, typing and clicking reach the page's handlers.
    /// </summary>
    public override async Task OpenAsync()
    {
        await base.OpenAsync();
        await Expect(Heading).ToBeVisibleAsync();
    }

    public ILocator UserName => Page.GetByTestId("user-name");

    public ILocator UserRole => Page.GetByTestId("user-role");

    public ILocator LanguageSwitch => Page.GetByTestId("language-switch");

    /// <summary>Switches to the other language; the page loads again, in that language.</summary>
    public async Task SwitchLanguageAsync()
    {
        var before = await Page.Locator("html").GetAttributeAsync("lang");
        await LanguageSwitch.ClickAsync();
        await Page.WaitForFunctionAsync("lang => document.documentElement.lang !== lang", before);
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    public ILocator NavLink(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
