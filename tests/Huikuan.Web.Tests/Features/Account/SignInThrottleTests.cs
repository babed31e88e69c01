using System.Diagnostics;
using System.Net;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>
/// Wrong passwords slow down whoever guesses, at their address, without locking the user out: the admin signing in from
/// anywhere else gets in, and a locked address is told nothing it could not learn from an unknown account.
/// </summary>
public abstract class SignInThrottleTests(HuikuanApp app)
{
    private const string Attacker = "203.0.113.7";
    private const string Office = "198.51.100.20";

    private async Task<SignInOutcome> SignInAsync(string email, string password, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SignInHandler>().HandleAsync(email, password, address, CancellationToken.None)).Outcome;
    }

    private async Task GuessAsync(string email, int times, string address)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(SignInOutcome.WrongCredentials, await SignInAsync(email, $"guess-{i}-of-many", address));
        }
    }

    [Fact]
    public async Task AnAttackerWhoKeepsGuessing_IsLockedOutAtTheirAddress_WhileTheAdminStillSignsInFromTheirs()
    {
        var api = await app.NewCompanyAsync();

        await GuessAsync(api.AdminEmail, SignInThrottling.MaxFailures, Attacker);
        Assert.Equal(SignInOutcome.WrongCredentials, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, Attacker));
        Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, Office));

        // The attacker keeps going, every time the lock ends: the admin is never stopped.
        for (var round = 0; round < 4; round++)
        {
            app.Clock.Advance(SignInThrottling.LongestLockout);
            await GuessAsync(api.AdminEmail, SignInThrottling.MaxFailures, Attacker);
            Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, Office));
        }
        var admin = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == api.AdminEmail));
        Assert.True(admin.LockedUntil > app.Clock.GetUtcNow(), "The users list shows that someone is guessing.");
    }

    [Fact]
    public async Task EachLockoutOfTheSameAddress_LastsTwiceAsLong_UpToADay()
    {
        var api = await app.NewCompanyAsync();
        await GuessAsync(api.AdminEmail, SignInThrottling.MaxFailures, Attacker);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await GuessAsync(api.AdminEmail, SignInThrottling.MaxFailures, Attacker);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(SignInOutcome.WrongCredentials, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, Attacker));
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, Attacker));

        Assert.Equal(
            [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromHours(16), TimeSpan.FromDays(1), TimeSpan.FromDays(1)],
            new[] { 1, 2, 3, 7, 8, 50 }.Select(SignInThrottling.LockoutLength));
    }

    [Fact]
    public async Task AnIpv6Attacker_CountsByTheirNetwork_NotEachAddress()
    {
        var api = await app.NewCompanyAsync();
        for (var i = 1; i <= SignInThrottling.MaxFailures; i++)
        {
            Assert.Equal(SignInOutcome.WrongCredentials, await SignInAsync(api.AdminEmail, "wrong-password", $"2001:db8:1:2::{i:x}"));
        }

        Assert.Equal(SignInOutcome.WrongCredentials, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, "2001:db8:1:2:ffff::9"));
        Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(api.AdminEmail, HuikuanApp.AdminPassword, "2001:db8:1:3::1"));
    }

    [Fact]
    public async Task ALockedAccount_AnswersExactlyLikeAnUnknownOne()
    {
        var api = await app.NewCompanyAsync();
        var browser = SignInTests.Browser(app);
        for (var i = 0; i < SignInThrottling.MaxFailures; i++)
        {
            await SignInTests.SignInAsync(browser, api.AdminEmail, "not-the-password");
        }

        var locked = await SignInTests.SignInAsync(SignInTests.Browser(app), api.AdminEmail, HuikuanApp.AdminPassword);
        const string nobody = "nobody@nowhere.test";
        var unknown = await SignInTests.SignInAsync(SignInTests.Browser(app), nobody, "whatever-password");

        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await locked.Content.ReadAsStringAsync());
        Assert.Equal(unknown.Headers.Location?.OriginalString.Replace(Uri.EscapeDataString(nobody), "*", StringComparison.Ordinal),
            locked.Headers.Location?.OriginalString.Replace(Uri.EscapeDataString(api.AdminEmail), "*", StringComparison.Ordinal));
        var lockedPage = await SignInTests.Browser(app).GetStringAsync(locked.Headers.Location);
        var unknownPage = await SignInTests.Browser(app).GetStringAsync(unknown.Headers.Location);
        Assert.Equal(ErrorOf(unknownPage), ErrorOf(lockedPage));
    }

    private static string ErrorOf(string page)
    {
        var start = page.IndexOf("<p class=\"error\"", StringComparison.Ordinal);
        Assert.True(start >= 0, page);
        return page[start..page.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    /// <summary>
    /// An unknown address is checked against a password hash as a known one is, so the time taken tells nothing. The
    /// fastest of several tries is compared, which the machine's other work cannot make faster.
    /// </summary>
    [Fact]
    public async Task AnUnknownOrLockedAccount_TakesTheHashingTimeOfAWrongPassword()
    {
        var api = await app.NewCompanyAsync();
        await GuessAsync(api.AdminEmail, SignInThrottling.MaxFailures, Attacker);
        async Task<TimeSpan> FastestAsync(string email, string address)
        {
            var fastest = TimeSpan.MaxValue;
            for (var i = 0; i < 4; i++)
            {
                var watch = Stopwatch.StartNew();
                await SignInAsync(email, "wrong-password-" + i, address);
                fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
            }
            return fastest;
        }

        var wrong = await FastestAsync(api.AdminEmail, "192.0.2.1");
        var unknown = await FastestAsync("nobody@nowhere.test", "192.0.2.2");
        var locked = await FastestAsync(api.AdminEmail, Attacker);

        Assert.True(unknown > wrong * 0.5, $"unknown {unknown.TotalMilliseconds} ms, wrong password {wrong.TotalMilliseconds} ms");
        Assert.True(locked > wrong * 0.5, $"locked {locked.TotalMilliseconds} ms, wrong password {wrong.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ThePasswordChange_AfterFiveWrongCurrentPasswords_RefusesEvenTheRightOne_FromAnyAddress()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Huikuan.Domain.Access.Role.Collector);
        for (var i = 0; i < SignInThrottling.MaxFailures; i++)
        {
            var wrong = await collector.PostAsync("/api/account/password", new ChangePassword("guess-" + i, "my-own-password-42"));
            var problem = await CompanyApi.AssertProblemAsync(wrong, HttpStatusCode.UnprocessableEntity, "currentPassword");
            Assert.Equal("https://huikuan.dev/problems/password.current", problem.GetProperty("type").GetString());
        }

        var right = await collector.PostAsync("/api/account/password", new ChangePassword(collector.Password!, "my-own-password-42"));
        var locked = await CompanyApi.AssertProblemAsync(right, HttpStatusCode.UnprocessableEntity, "currentPassword");
        Assert.Equal("https://huikuan.dev/problems/password.locked", locked.GetProperty("type").GetString());
        Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(collector.UserEmail!, collector.Password!, Office));

        app.Clock.Advance(SignInThrottling.FirstLockout + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await collector.PostAsync("/api/account/password", new ChangePassword(collector.Password!, "my-own-password-42"))).StatusCode);
        var trail = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == collector.UserId && a.Action == "password.changeFailed"));
        Assert.Equal(SignInThrottling.MaxFailures, trail);
    }
}

public sealed class SignInThrottleTestsOnSqlite(SqliteApp app) : SignInThrottleTests(app), IClassFixture<SqliteApp>;

public sealed class SignInThrottleTestsOnPostgres(PostgresApp app) : SignInThrottleTests(app), IClassFixture<PostgresApp>;
