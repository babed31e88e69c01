using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>
/// Until a user has replaced the password someone else chose for them, they may change it, sign out and ask who they
/// are, and nothing else: whoever learnt the one-time password must not be able to make anything that outlives the change.
/// </summary>
public abstract class OneTimePasswordTests(HuikuanApp app)
{
    private static async Task AssertPasswordFirstAsync(HttpResponseMessage response)
    {
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("https://huikuan.dev/problems/password-change-required", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task WithTheSignInCookie_OnlyThePasswordChangeSignOutAndMeAnswer_ThenEverythingDoes()
    {
        var api = await app.NewCompanyAsync();
        var accountant = await api.AsNewUserAsync(Role.Accountant, keepOneTimePassword: true);
        var browser = SignInTests.Browser(app);
        Assert.Equal("/account/password", (await SignInTests.SignInAsync(browser, accountant.UserEmail!, accountant.OneTimePassword!)).Headers.Location?.OriginalString);

        await AssertPasswordFirstAsync(await browser.PostAsJsonAsync(new Uri("/api/account/api-keys", UriKind.Relative), new CreateApiKey("kept after the change"), HuikuanApp.Json));
        await AssertPasswordFirstAsync(await browser.GetAsync(new Uri("/api/customers", UriKind.Relative)));
        await AssertPasswordFirstAsync(await browser.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), new Huikuan.Web.Features.Customers.CreateCustomer("C1", "客户"), HuikuanApp.Json));
        foreach (var page in new[] { "/", "/customers", "/account/api-keys" })
        {
            var response = await browser.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/password", response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/account/password", UriKind.Relative))).StatusCode);
        Assert.Empty(await app.WithDbAsync(db => Task.FromResult(db.ApiKeys.Where(k => k.UserId == accountant.UserId && k.Name != "tests").ToList())));

        var changed = await browser.PostAsJsonAsync(new Uri("/api/account/password", UriKind.Relative), new ChangePassword(accountant.OneTimePassword!, "my-own-password-42"), HuikuanApp.Json);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        browser = SignInTests.Browser(app);
        await SignInTests.SignInAsync(browser, accountant.UserEmail!, "my-own-password-42");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/customers", UriKind.Relative))).StatusCode);
    }

    /// <summary>A cookie issued before sign-ins carried the one-time mark would pass every door: it stops instead.</summary>
    [Fact]
    public async Task ACookieWithoutTheOneTimeMark_OfAUserWithAOneTimePassword_NoLongerSignsIn()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        var browser = SignInTests.Browser(app);
        await SignInTests.SignInAsync(browser, collector.UserEmail!, collector.Password!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);

        await app.WithDbAsync(db => db.Users.Where(u => u.Id == collector.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignOut_IsOpenBeforeTheChange()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector, keepOneTimePassword: true);
        var browser = SignInTests.Browser(app);
        await SignInTests.SignInAsync(browser, collector.UserEmail!, collector.OneTimePassword!);

        var signedOut = await browser.PostAsync(new Uri("/account/signout", UriKind.Relative), null);

        Assert.Equal("/account/signin", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
    }

    /// <summary>A key that exists while its user still has a one-time password (made before this rule) is held the same way.</summary>
    [Fact]
    public async Task WithAnApiKey_OnlyThePasswordChangeAndMeAnswer_UntilTheChange()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector, keepOneTimePassword: true);

        await AssertPasswordFirstAsync(await collector.Http.GetAsync(new Uri("/api/customers", UriKind.Relative)));
        await AssertPasswordFirstAsync(await collector.PostAsync("/api/account/api-keys", new CreateApiKey("another")));
        Assert.Equal(HttpStatusCode.OK, (await collector.Http.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);

        var changed = await collector.PostAsync("/api/account/password", new ChangePassword(collector.OneTimePassword!, "my-own-password-42"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await collector.Http.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheRefusal_SaysInChineseWhatToDo()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector, keepOneTimePassword: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/customers", UriKind.Relative));
        request.Headers.Add("Accept-Language", "zh-CN");

        var problem = await CompanyApi.AssertProblemAsync(await collector.Http.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.Contains("请先设置您自己的密码", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The pages call the handler directly: the handler itself refuses a key to a user who has not chosen their password.</summary>
    [Fact]
    public async Task TheApiKeyHandler_RefusesAUserWithAOneTimePassword()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector, keepOneTimePassword: true);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope>().EnterAsUser(api.Company.Id, collector.UserId, collector.UserEmail!, Role.Collector, null, null);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            scope.ServiceProvider.GetRequiredService<ApiKeysHandler>().CreateAsync(new CreateApiKey("kept after the change"), CancellationToken.None));

        Assert.Equal("apiKey.passwordFirst", refused.Rule);
    }
}

public sealed class OneTimePasswordTestsOnSqlite(SqliteApp app) : OneTimePasswordTests(app), IClassFixture<SqliteApp>;

public sealed class OneTimePasswordTestsOnPostgres(PostgresApp app) : OneTimePasswordTests(app), IClassFixture<PostgresApp>;
