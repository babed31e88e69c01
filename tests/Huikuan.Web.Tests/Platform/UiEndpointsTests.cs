using System.Net;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Huikuan.Web.Tests.Platform;

/// <summary>What the browser gets around the pages: where anonymous visitors go, the language switch, the CSP.</summary>
public sealed class UiEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Root_ForAnAnonymousVisitor_RedirectsToSignIn()
    {
        using var response = await Browser().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("zh", "登录回款")]
    [InlineData("zh-Hans-CN,zh;q=0.9,en;q=0.8", "登录回款")]
    [InlineData("zh-TW", "登录回款")]
    [InlineData("en-GB,zh-CN;q=0.5", "Sign in to Huikuan")]
    [InlineData("fr-FR,zh;q=0.7,en;q=0.3", "登录回款")]
    [InlineData("fr-FR", "Sign in to Huikuan")]
    public async Task Language_ComesFromTheBrowsersFirstEnglishOrChineseTag(string acceptLanguage, string heading)
    {
        var browser = Browser();
        browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await browser.GetStringAsync(new Uri("/account/signin", UriKind.Relative));

        Assert.Contains(heading, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "/aging", "c=zh-CN|uic=zh-CN", "/aging")]
    [InlineData("en", "/customers?search=a", "c=en|uic=en", "/customers?search=a")]
    [InlineData("fr-FR", "/", null, "/")]
    [InlineData("zh-CN", "//evil.example/", "c=zh-CN|uic=zh-CN", "/")]
    public async Task CultureSwitch_SetsTheCookieForASupportedCulture_AndReturnsOnlyWithinTheSite(string culture, string redirectUri, string? cookie, string target)
    {
        using var response = await Browser().GetAsync(new Uri($"/culture/set?culture={culture}&redirectUri={Uri.EscapeDataString(redirectUri)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join(';', values) : "";
        if (cookie is null)
        {
            Assert.DoesNotContain(".AspNetCore.Culture", setCookie, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(".AspNetCore.Culture=" + Uri.EscapeDataString(cookie), setCookie, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsScriptsAndWebSocketsOfThisHostOnly()
    {
        using var response = await Browser().GetAsync(new Uri("/account/signin", UriKind.Relative));

        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }
}
