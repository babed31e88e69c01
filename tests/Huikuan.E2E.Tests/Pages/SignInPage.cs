using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>
/// The sign-in form. The demo has one user per role, with the password the page itself lists. Each test has
/// its own browser context, so signing in one test never signs in another.
/// </summary>
public sealed class SignInPage(IPage page) : PageObject(page)
{
    public const string DemoPassword = "huikuan-demo";

    private static readonly Dictionary<string, string> DemoUsers = new(StringComparer.Ordinal)
    {
        ["Admin"] = "admin@demo.huikuan",
        ["Accountant"] = "finance@demo.huikuan",
        ["Collector"] = "collector@demo.huikuan",
        ["Salesperson"] = "sales@demo.huikuan",
        ["CreditManager"] = "credit@demo.huikuan",
        ["Executive"] = "ceo@demo.huikuan",
    };

    public override string Path => "/account/signin";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Email => Page.Locator("#email");
    public ILocator Password => Page.Locator("#password");
    public ILocator Submit => Page.Locator("button[type=submit]");
    public ILocator Error => Page.GetByRole(AriaRole.Alert);
    public ILocator DemoAccounts => Page.Locator("table");

    /// <summary>Fills the form and submits it; returns once the browser has the answer.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        // The form answers with a redirect: back here with an error, or on to where the user was going.
        await Page.RunAndWaitForResponseAsync(() => Submit.ClickAsync(), r => r.Request.Method == "POST" && r.Url.EndsWith(Path, StringComparison.Ordinal));
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Signs in as the demo user who has <paramref name="role"/> (Admin, Accountant, Collector, …) and waits to leave the sign-in page.</summary>
    public async Task SignInAsync(string role)
    {
        if (!DemoUsers.TryGetValue(role, out var email))
        {
            throw new ArgumentException($"No demo user has the role {role}.", nameof(role));
        }
        await OpenAsync();
        await SubmitAsync(email, DemoPassword);
        Assert.DoesNotContain(Path, Page.Url, StringComparison.Ordinal);
        // A demo user keeps the language another test last chose for them, and it outranks the browser's; each test
        // reads the pages in its own browser's language, so choose that one again.
        var browser = await Page.EvaluateAsync<string>("navigator.language");
        var culture = browser.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";
        var here = new Uri(Page.Url).PathAndQuery;
        await Page.GotoAsync($"/culture/set?culture={culture}&redirectUri={Uri.EscapeDataString(here)}");
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }
}
