using Huikuan.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Pages;

/// <summary>
/// One screen of Huikuan: where it lives and the parts a test reads or uses, named as a person would.
/// Tests speak to page objects, and page objects alone know the selectors.
/// </summary>
public abstract class PageObject(IPage page)
{
    public IPage Page => page;

    /// <summary>The page's address relative to the server (the browser context's BaseURL).</summary>
    public abstract string Path { get; }

    /// <summary>Navigates here and fails unless the server answered with a success status.</summary>
    public virtual async Task OpenAsync()
    {
        var response = await Page.GotoAsync(Path);
        Assert.True(response is { Ok: true }, $"GET {Path} answered {response?.Status} {response?.StatusText} (now at {Page.Url}).");
    }

    /// <summary>A full-page PNG in .artifacts/screenshots/&lt;name&gt;.png; returns its path.</summary>
    public Task<string> ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);
}
