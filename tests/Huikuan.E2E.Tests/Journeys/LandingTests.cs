using System.Buffers.Binary;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class LandingTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Landing_WhenOpened_ShowsWhatHuikuanIsAndLinksTheApi()
    {
        await using var session = await chromium.NewSessionAsync(server);
        var landing = new LandingPage(session.Page);

        await landing.OpenAsync();

        await Expect(landing.Page).ToHaveTitleAsync(LandingPage.Title);
        await Expect(landing.Heading).ToHaveTextAsync(LandingPage.Title);
        await Expect(landing.Page.GetByText("Sales receivables and collections")).ToBeVisibleAsync();
        await Expect(landing.ApiDescriptionLink).ToHaveAttributeAsync("href", "/openapi/v1.json");
        var png = await landing.ScreenshotAsync("landing");
        AssertFullWidthPng(png, width: 1280);
    }

    [Fact]
    public async Task Landing_WhenOpened_DrawsItsChineseWithACjkFont()
    {
        await using var session = await chromium.NewSessionAsync(server);
        var landing = new LandingPage(session.Page);
        await landing.OpenAsync();

        // The heading is "Huikuan 回款": its two Chinese characters must come from a CJK font, not be boxes.
        var fonts = await RenderedFonts.OfAsync(landing.Page, "h1");

        Assert.True(fonts.Any(f => f.Family.Contains("CJK", StringComparison.Ordinal) && f.Glyphs >= 2),
            $"The heading is drawn with {string.Join(", ", fonts)}, none of them CJK: install fonts-noto-cjk.");
    }

    [Fact]
    public async Task ApiDescription_WhenFollowedFromTheLanding_IsServedAsOpenApiJson()
    {
        await using var session = await chromium.NewSessionAsync(server);
        var landing = new LandingPage(session.Page);
        await landing.OpenAsync();

        var response = await landing.Page.RunAndWaitForResponseAsync(() => landing.ApiDescriptionLink.ClickAsync(), "**/openapi/v1.json");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.Headers["content-type"], StringComparison.Ordinal);
        var document = (await response.JsonAsync())!.Value;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/aging", out _), "The API description lists /api/aging.");
    }

    /// <summary>A PNG (by its signature) whose IHDR width is the viewport's, with some height.</summary>
    private static void AssertFullWidthPng(string path, int width)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }),
            $"{path} is not a PNG.");
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)) > 0, $"{path} has no height.");
    }
}
