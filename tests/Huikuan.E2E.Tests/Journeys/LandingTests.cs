using System.Buffers.Binary;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class LandingTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Root_ForAnAnonymousVisitor_RedirectsToSignIn()
    {
        await using var session = await chromium.NewSessionAsync(server);
        var signIn = new SignInPage(session.Page);

        var response = await session.Page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/account/signin?ReturnUrl=%2F", session.Page.Url, StringComparison.Ordinal);
        await Expect(signIn.Heading).ToHaveTextAsync("登录回款");
        var png = await signIn.ScreenshotAsync("landing");
        AssertFullWidthPng(png, width: 1280);
    }

    [Fact]
    public async Task Root_InAChineseBrowser_ShowsTheDashboardInChinese_DrawnWithACjkFont()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "zh-CN");
        await new SignInPage(session.Page).SignInAsync("Collector");
        var dashboard = new DashboardPage(session.Page);

        await Expect(dashboard.Heading).ToHaveTextAsync("应收看板");
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        // "应收看板" must come from a CJK font, not be drawn as boxes.
        var fonts = await RenderedFonts.OfAsync(dashboard.Page, "h1");
        Assert.True(fonts.Any(f => f.Family.Contains("CJK", StringComparison.Ordinal) && f.Glyphs >= 4),
            $"The heading is drawn with {string.Join(", ", fonts)}, none of them CJK: install fonts-noto-cjk.");
    }

    [Fact]
    public async Task ApiDescription_ForAnAnonymousVisitor_IsServedAsOpenApiJson()
    {
        await using var session = await chromium.NewSessionAsync(server);

        var response = await session.Page.GotoAsync("/openapi/v1.json");

        Assert.Equal(200, response!.Status);
        Assert.StartsWith("application/json", response.Headers["content-type"], StringComparison.Ordinal);
        var document = (await response.JsonAsync())!.Value;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/aging", out _), "The API description lists /api/aging.");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/dashboard", out _), "The API description lists /api/dashboard.");
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
