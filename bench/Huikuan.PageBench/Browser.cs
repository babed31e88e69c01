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
          if (!main || !main.querySelector('h1, h2, h3, h4, h5, h6')) return false;
          if (main.querySelector('.mud-table-loading, .mud-progress-linear, .mud-progress-circular, .mud-skeleton')) return false;
          return !!main.querySelector(ready || 'tbody tr td, .mud-chart, [data-testid=empty], [data-testid=not-found]');
        }
        """;

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

    /// <summary>One warm-up visit (not counted), then <paramref name="runs"/> timed visits from navigation to usable.</summary>
    public async Task<PageTiming> MeasureAsync(BenchPage page, int runs)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await _page.GotoAsync(page.Path, new() { WaitUntil = WaitUntilState.Commit });
            await _page.WaitForFunctionAsync(Usable, page.Ready, new() { PollingInterval = 10 });
            clock.Stop();
            if (run > 0)
            {
                times.Add(clock.Elapsed);
            }
        }
        return new PageTiming(page.Name, page.Path, times);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
