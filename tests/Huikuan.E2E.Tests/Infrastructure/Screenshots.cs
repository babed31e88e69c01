using Microsoft.Playwright;

namespace Huikuan.E2E.Tests.Infrastructure;

/// <summary>Full-page PNGs in .artifacts/screenshots/&lt;name&gt;.png, to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder => RepositoryPaths.Artifacts("screenshots");

    /// <summary>Saves the whole page (not just the viewport) and returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a file name.", nameof(name));
        }
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Type = ScreenshotType.Png });
        return path;
    }
}
