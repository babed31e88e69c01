using System.Net;
using System.Net.Http.Json;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>Huikuan behind a proxy that ends TLS, started as the README says: with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.</summary>
public sealed class ProxiedApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
    }
}

/// <summary>
/// Behind a proxy the browser's Origin is https://the-public-name while the app is reached over plain HTTP. The proxy
/// passes the Host and says X-Forwarded-Proto: https, and the same-origin check compares the address the browser used.
/// </summary>
public sealed class BehindAProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private const string PublicName = "huikuan.example.com";

    private async Task<(CompanyApi Api, HttpClient Browser)> SignedInAdminAsync()
    {
        var api = await app.NewCompanyAsync();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Add("Origin", "http://localhost");
        await SignInTests.SignInAsync(browser, api.AdminEmail, HuikuanApp.AdminPassword);
        browser.DefaultRequestHeaders.Remove("Origin");
        return (api, browser);
    }

    private static HttpRequestMessage ThroughTheProxy(string code, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/customers", UriKind.Relative))
        {
            Content = JsonContent.Create(new CreateCustomer(code, "代理后的客户 " + code, null, null, null), options: HuikuanApp.Json),
        };
        request.Headers.Host = PublicName;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Origin", origin);
        return request;
    }

    [Fact]
    public async Task ACookieWrite_FromThePublicHttpsAddress_IsDone()
    {
        var (_, browser) = await SignedInAdminAsync();

        var response = await browser.SendAsync(ThroughTheProxy("P1", "https://" + PublicName));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("http://huikuan.example.com")]
    [InlineData("https://huikuan.example.com:8443")]
    [InlineData("https://evil.example")]
    public async Task ACookieWrite_FromAnyOtherAddress_IsStillRefused(string origin)
    {
        var (api, browser) = await SignedInAdminAsync();

        var response = await browser.SendAsync(ThroughTheProxy("P2", origin));

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, (await api.GetAsync<Huikuan.Web.Infrastructure.Page<CustomerListItem>>("/api/customers")).Total);
    }
}
