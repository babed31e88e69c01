using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Huikuan.PageBench;

/// <summary>Debian's headless Chromium, signed in once; each measurement is a fresh navigation in the same tab.</summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>
    /// A page is usable when its heading is drawn, nothing in it is still loading (MudBlazor's progress bars and
    /// table loading rows), and its data has arrived: a table cell, a chart, or an empty or not-found note (a form
    /// page names its own sign of being ready, such as its post button).
    /// The pages render only once the circuit is up (no prerendering), so this is also the moment they answer clicks.
    /// </summary>
    private const string Usable = """
        (ready) => {
          const main = document.querySelector('.mud-main-content');
          if (!main || !main.querySelector('h1:not([data-left]), h2:not([data-left]), h4:not([data-left])')) return false;
          if (main.querySelector('.mud-table-loading, .mud-progress-linear, .mud-progress-circular, .mud-skeleton')) return false;
          return !!main.querySelector(ready || 'tbody tr td, .mud-chart, [data-testid=empty], [data-testid$=-empty], [data-testid=not-found]');
        }
        """;

    /// <summary>The circuit is up and the page has drawn its heading: what is left after this is the page's own data.</summary>
    private const string Drawn = "() => !!document.querySelector('.mud-main-content h1:not([data-left]), .mud-main-content h2:not([data-left]), .mud-main-content h4:not([data-left])')";

    /// <summary>Marks the headings of the page being left, so that waiting for the next page cannot see them.</summary>
    private const string Leave = "() => document.querySelectorAll('.mud-main-content h1, .mud-main-content h2, .mud-main-content h4').forEach(h => h.dataset.left = '1')";

    /// <summary>Where a link in the app leads: Blazor's own navigation, in the open circuit, without loading the page.</summary>
    private const string Link = "path => Blazor.navigateTo(path)";

    /// <summary>A light page to leave for between timed links (a link to the page already shown would do nothing).</summary>
    private const string Elsewhere = "/receipts/new";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    public static async Task<Browser> StartAsync(Uri baseUrl)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(60_000);
        return new Browser(playwright, browser, await context.NewPageAsync());
    }

    public async Task SignInAsync(string email, string password)
    {
        await _page.GotoAsync("/account/signin");
        await _page.Locator("#email").FillAsync(email);
        await _page.Locator("#password").FillAsync(password);
        await _page.Locator("button[type=submit]").ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
    }

    /// <summary>The first item's id from an API list, asked with the browser's own sign-in.</summary>
    public async Task<string?> FirstIdAsync(string apiPath)
    {
        var response = await _page.APIRequest.GetAsync(apiPath);
        if (!response.Ok)
        {
            return null;
        }
        using var json = JsonDocument.Parse(await response.TextAsync());
        var items = json.RootElement.GetProperty("items");
        return items.GetArrayLength() > 0 ? items[0].GetProperty("id").GetString() : null;
    }

    /// <summary>The entries of the menu as the signed-in user sees it: each link's text and path.</summary>
    public async Task<IReadOnlyList<(string Text, string Path)>> MenuAsync()
    {
        await _page.GotoAsync("/");
        await _page.WaitForFunctionAsync(Drawn, null, new() { PollingInterval = 10 });
        var links = await _page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('.mud-drawer a.mud-nav-link')]
              .map(a => [a.textContent.trim(), new URL(a.href).pathname + new URL(a.href).search])
            """);
        return [.. links.Select(l => (l[0], l[1]))];
    }

    /// <summary>One warm-up visit (not counted), then <paramref name="runs"/> timed visits from navigation to usable.</summary>
    public async Task<PageTiming> MeasureAsync(BenchPage page, int runs)
    {
        var times = new List<TimeSpan>();
        var drawn = new List<TimeSpan>();
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await _page.GotoAsync(page.Path, new() { WaitUntil = WaitUntilState.Commit });
            await _page.WaitForFunctionAsync(Drawn, null, new() { PollingInterval = 10 });
            var shell = clock.Elapsed;
            await _page.WaitForFunctionAsync(Usable, page.Ready, new() { PollingInterval = 10 });
            clock.Stop();
            if (run > 0)
            {
                times.Add(clock.Elapsed);
                drawn.Add(shell);
            }
        }
        // Then as people mostly arrive: by a link inside the app, in the circuit already open.
        var linked = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            // A role that may not post sees the form's read-only note instead of its button.
            await FollowLinkAsync(page.Path == Elsewhere ? "/invoices/new" : Elsewhere, "[data-testid=post], [data-testid=read-only]");
            var clock = Stopwatch.StartNew();
            await FollowLinkAsync(page.Path, page.Ready);
            linked.Add(clock.Elapsed);
        }
        return new PageTiming(page.Name, page.Path, times, drawn, linked);
    }

    private async Task FollowLinkAsync(string path, string? ready)
    {
        await _page.EvaluateAsync(Leave);
        await _page.EvaluateAsync(Link, path);
        await _page.WaitForFunctionAsync(Drawn, null, new() { PollingInterval = 10 });
        await _page.WaitForFunctionAsync(Usable, ready, new() { PollingInterval = 10 });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
