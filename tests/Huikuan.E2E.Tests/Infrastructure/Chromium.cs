using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by Playwright, one browser for the test collection and a fresh
/// context (cookies, storage) for every test. Playwright's own browser download does not work here, so
/// the browser must be installed from Debian; without it every test fails and says how to install it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>What Chromium needs as root in a container, and nothing that phones home during a test.</summary>
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}: install chromium: apt-get install chromium fonts-noto-cjk (./test.sh installs both when missing).");
        }
        // Assertions wait longer than Playwright's 5 s default: the machine can be busy with other work.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        // A non-persistent launch gets a fresh, temporary --user-data-dir from Playwright, deleted on close.
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = 120_000,
        });
    }

    /// <summary>
    /// A new browser context and page, with relative URLs resolved against the server. The browser's language
    /// (its Accept-Language) is Simplified Chinese unless <paramref name="locale"/> says otherwise.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(HuikuanServer server, string locale = "zh-CN")
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(server, context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
