using System.Net;
using System.Text.RegularExpressions;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Components;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Features.Audit;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>Signing in through the browser form: anti-forgery, lockout, the audit of every attempt, the first password.</summary>
public abstract partial class SignInTests(HuikuanApp app)
{
    private HttpClient Browser() => Browser(app);

    /// <summary>A browser on the app's own pages: it keeps cookies and, as browsers do, says where a form it posts came from.</summary>
    internal static HttpClient Browser(HuikuanApp app)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Add("Origin", "http://localhost");
        return browser;
    }

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, bool withToken = true, string returnUrl = "/api/account/me")
    {
        var page = await browser.GetStringAsync(new Uri("/account/signin", UriKind.Relative));
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl };
        if (withToken)
        {
            var token = TokenField().Match(page);
            Assert.True(token.Success, "The sign-in page carries an anti-forgery token.");
            fields[token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value);
        }
        return await browser.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsASecureCookieAndActsAsTheUser()
    {
        var api = await app.NewCompanyAsync();
        var browser = Browser();

        var response = await SignInAsync(browser, api.AdminEmail, HuikuanApp.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/account/me", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("huikuan.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await browser.GetStringAsync(new Uri("/api/account/me", UriKind.Relative));
        Assert.Contains(api.AdminEmail, me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiForgeryToken_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var response = await SignInAsync(Browser(), api.AdminEmail, HuikuanApp.AdminPassword, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_AnswersAsForAWrongPasswordEvenWithTheRightOne_AndEveryAttemptIsAudited()
    {
        var api = await app.NewCompanyAsync();
        var browser = Browser();
        for (var i = 0; i < SignInThrottling.MaxFailures; i++)
        {
            var wrong = await SignInAsync(browser, api.AdminEmail, "not-the-password");
            Assert.Equal($"/account/signin?error=failed&email={Uri.EscapeDataString(api.AdminEmail)}", wrong.Headers.Location?.OriginalString);
        }

        var right = await SignInAsync(browser, api.AdminEmail, HuikuanApp.AdminPassword);
        Assert.Equal($"/account/signin?error=failed&email={Uri.EscapeDataString(api.AdminEmail)}", right.Headers.Location?.OriginalString);
        app.Clock.Advance(SignInThrottling.FirstLockout + TimeSpan.FromMinutes(1));
        right = await SignInAsync(browser, api.AdminEmail, HuikuanApp.AdminPassword);
        Assert.Equal("/api/account/me", right.Headers.Location?.OriginalString);

        var trail = await api.GetAsync<Page<AuditEntryView>>("/api/audit?entity=User&pageSize=100");
        Assert.Equal(SignInThrottling.MaxFailures + 1, trail.Items.Count(e => e.Action == "signIn.failed"));
        Assert.Single(trail.Items, e => e.Action == "signIn.succeeded");
        Assert.All(trail.Items.Where(e => e.Action.StartsWith("signIn", StringComparison.Ordinal)), e => Assert.Equal(api.AdminEmail, e.Actor));
    }

    [Fact]
    public async Task SignIn_WithAnUnknownAddress_GetsTheSameAnswerAsAWrongPassword()
    {
        var response = await SignInAsync(Browser(), "nobody@nowhere.test", "whatever-password");
        Assert.Contains("error=failed", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Browsers drop tabs and line breaks from an address and read a backslash as a slash: "/\t/evil" goes to evil.</summary>
    [Theory]
    [InlineData("/aging?basis=due", "/aging?basis=due")]
    [InlineData("/customers/%E5%AE%A2%E6%88%B7", "/customers/%E5%AE%A2%E6%88%B7")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/\t\\evil.example/", "/")]
    [InlineData("/\n/evil.example/", "/")]
    [InlineData("\t//evil.example/", "/")]
    [InlineData("/aging\\..\\..\\evil", "/")]
    [InlineData("/%2F/evil.example/", "/")]
    [InlineData("/%5Cevil.example/", "/")]
    [InlineData("/%09/evil.example/", "/")]
    [InlineData("/%252F/evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public async Task SignIn_GoesBackOnlyToAPathOfThisSite(string returnUrl, string target)
    {
        var api = await app.NewCompanyAsync();

        var response = await SignInAsync(Browser(), api.AdminEmail, HuikuanApp.AdminPassword, returnUrl: returnUrl);

        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheLanguageAUserChose_FollowsThemToTheirNextSignIn_OnAnotherBrowser()
    {
        var api = await app.NewCompanyAsync();
        var first = Browser();
        await SignInAsync(first, api.AdminEmail, HuikuanApp.AdminPassword);
        var fresh = await SignInAsync(Browser(), api.AdminEmail, HuikuanApp.AdminPassword);
        Assert.DoesNotContain(fresh.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        var switched = await first.GetAsync(new Uri("/culture/set?culture=zh-CN&redirectUri=/aging", UriKind.Relative));
        Assert.Equal("/aging", switched.Headers.Location?.OriginalString);

        var another = await SignInAsync(Browser(), api.AdminEmail, HuikuanApp.AdminPassword);
        var culture = another.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Dzh-CN", culture, StringComparison.Ordinal);
        var trail = await api.GetAsync<Page<AuditEntryView>>("/api/audit?entity=User&action=modified");
        Assert.Contains(trail.Items, e => e.After is { } after && after.Contains("zh-CN", StringComparison.Ordinal));
    }

    /// <summary>A browser tab outlives the sign-in that opened it: after a password change its next call is refused.</summary>
    [Fact]
    public async Task AnOpenTab_StopsActingForAUser_OnceTheirPasswordChanged()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == collector.UserEmail));
        await using var tab = app.Services.CreateAsyncScope();
        tab.ServiceProvider.GetRequiredService<Scope>().EnterAsUser(api.Company.Id, user.Id, user.Email, user.Role, null, null, user.SecurityStamp);
        var pages = tab.ServiceProvider.GetRequiredService<PageHandlers>();
        Assert.Equal(collector.UserEmail, (await pages.RunAsync<UsersHandler, UserView>(h => h.MeAsync(CancellationToken.None))).Email);

        var changed = await collector.PostAsync("/api/account/password", new ChangePassword(collector.Password!, "my-own-password-42"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await Assert.ThrowsAsync<ForbiddenException>(() => pages.RunAsync<UsersHandler, UserView>(h => h.MeAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task NewUser_SignsInWithTheOneTimePassword_AndIsSentToChooseTheirOwn()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector, keepOneTimePassword: true);
        var browser = Browser();

        var response = await SignInAsync(browser, collector.UserEmail!, collector.OneTimePassword!);
        Assert.Equal("/account/password", response.Headers.Location?.OriginalString);
        var form = await browser.GetStringAsync(new Uri("/account/password", UriKind.Relative));
        Assert.Contains("name=\"newPassword\"", form, StringComparison.Ordinal);

        var weak = await collector.PostAsync("/api/account/password", new ChangePassword(collector.OneTimePassword!, "short"));
        await CompanyApi.AssertProblemAsync(weak, HttpStatusCode.UnprocessableEntity, "newPassword");
        var changed = await collector.PostAsync("/api/account/password", new ChangePassword(collector.OneTimePassword!, "my-own-password-42"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // The old cookie dies with the old security stamp.
        var me = await browser.GetAsync(new Uri("/api/account/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        response = await SignInAsync(Browser(), collector.UserEmail!, "my-own-password-42");
        Assert.Equal("/api/account/me", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PasswordForm_RefusesAWeakPasswordInPlainWords_AndKeepsTheUserSignedInAfterAGoodOne()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector, keepOneTimePassword: true);
        var browser = Browser();
        await SignInAsync(browser, collector.UserEmail!, collector.OneTimePassword!);

        async Task<HttpResponseMessage> PostAsync(string current, string next)
        {
            var form = await browser.GetStringAsync(new Uri("/account/password", UriKind.Relative));
            var token = TokenField().Match(form);
            return await browser.PostAsync(new Uri("/account/password", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value), ["currentPassword"] = current, ["newPassword"] = next,
            }));
        }

        var weak = await PostAsync(collector.OneTimePassword!, "short");
        Assert.Equal("/account/password?error=password.weak", weak.Headers.Location?.OriginalString);
        var page = await browser.GetStringAsync(new Uri(weak.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("at least 10 characters", page, StringComparison.Ordinal);

        var good = await PostAsync(collector.OneTimePassword!, "a-much-better-one-7");
        Assert.Equal("/", good.Headers.Location?.OriginalString);
        var me = await browser.GetAsync(new Uri("/api/account/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"mustChangePassword\":false", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await Browser().GetAsync(new Uri("/account/signin", UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"([^\"]*RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
