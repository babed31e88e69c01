using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>
/// A write that the sign-in cookie authorises must come from a page of this origin. SameSite=Strict does not stop a page
/// on another port of the same host: the browser sends the cookie, and only Origin or Sec-Fetch-Site says where it came from.
/// </summary>
public abstract class CrossSiteWriteTests(HuikuanApp app)
{
    private async Task<(CompanyApi Api, HttpClient Browser)> SignedInAdminAsync()
    {
        var api = await app.NewCompanyAsync();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Add("Origin", "http://localhost");
        var signedIn = await SignInTests.SignInAsync(browser, api.AdminEmail, HuikuanApp.AdminPassword);
        Assert.Equal("/api/account/me", signedIn.Headers.Location?.OriginalString);
        browser.DefaultRequestHeaders.Remove("Origin");
        return (api, browser);
    }

    private static HttpRequestMessage NewCustomer(string code, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/customers", UriKind.Relative))
        {
            Content = JsonContent.Create(new CreateCustomer(code, "跨站客户 " + code, null, null, null), options: HuikuanApp.Json),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return request;
    }

    [Theory]
    [InlineData("http://localhost:8080", null)]
    [InlineData("http://localhost:8080", "same-origin")]
    [InlineData("https://localhost", null)]
    [InlineData("http://evil.example", null)]
    [InlineData("http://localhost.evil.example", null)]
    [InlineData("http://localhost/", null)]
    [InlineData("null", null)]
    [InlineData("null", "same-origin")]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    [InlineData(null, "none")]
    [InlineData(null, null)]
    public async Task ACookieWrite_FromAnotherOriginOrFromNowhere_IsRefused_AndChangesNothing(string? origin, string? fetchSite)
    {
        var (api, browser) = await SignedInAdminAsync();

        var response = await browser.SendAsync(NewCustomer("X1", origin, fetchSite));

        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("https://huikuan.dev/problems/cross-site", problem.GetProperty("type").GetString());
        Assert.Equal(0, (await api.GetAsync<Huikuan.Web.Infrastructure.Page<CustomerListItem>>("/api/customers")).Total);
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData("HTTP://LOCALHOST", null)]
    [InlineData("http://localhost:80", null)]
    [InlineData(null, "same-origin")]
    public async Task ACookieWrite_FromThisOrigin_IsDone(string? origin, string? fetchSite)
    {
        var (_, browser) = await SignedInAdminAsync();

        var response = await browser.SendAsync(NewCustomer("S1", origin, fetchSite));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The review's case: a page on another port of the same host posts an import with the admin's cookie.</summary>
    [Fact]
    public async Task AnImport_PostedByAPageOnAnotherPort_IsRefused()
    {
        var (api, browser) = await SignedInAdminAsync();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("code,name\nEVIL1,被导入的客户\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "customers.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/customers", UriKind.Relative)) { Content = content };
        request.Headers.Add("Origin", "http://localhost:5173");
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        var response = await browser.SendAsync(request);

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, (await api.GetAsync<Huikuan.Web.Infrastructure.Page<CustomerListItem>>("/api/customers")).Total);
    }

    [Fact]
    public async Task ACookieRead_FromAnotherOrigin_IsAnswered_TheBrowserKeepsItFromThatPage()
    {
        var (_, browser) = await SignedInAdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/account/me", UriKind.Relative));
        request.Headers.Add("Origin", "http://localhost:8080");

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnApiKeyWrite_FromAnyOrigin_IsDone_ItIsNoBrowsersCookie()
    {
        var api = await app.NewCompanyAsync();

        var response = await api.Http.SendAsync(NewCustomer("K1", "http://evil.example", "cross-site"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_FromAnotherOrigin_IsRefused()
    {
        var (_, browser) = await SignedInAdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/signout", UriKind.Relative));
        request.Headers.Add("Origin", "http://localhost:8080");

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
    }
}

public sealed class CrossSiteWriteTestsOnSqlite(SqliteApp app) : CrossSiteWriteTests(app), IClassFixture<SqliteApp>;

public sealed class CrossSiteWriteTestsOnPostgres(PostgresApp app) : CrossSiteWriteTests(app), IClassFixture<PostgresApp>;
