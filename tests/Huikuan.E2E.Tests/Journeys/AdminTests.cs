using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Admin_CreatesAnApiKey_SeesItOnce_UsesIt_RevokesIt_AndFindsTheRevocationInTheAuditTrail()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Admin");
        var name = "ERP sync " + Guid.NewGuid().ToString("N")[..6];

        var keys = new ApiKeysPage(session.Page);
        await keys.OpenAsync();
        await Expect(keys.Heading).ToHaveTextAsync("API keys");
        await keys.Name.FillAsync(name);
        await keys.Create.ClickAsync();
        await Expect(keys.NewKey).ToContainTextAsync("it will not be shown again");
        var key = await keys.KeyAsync();
        Assert.StartsWith("hk_", key, StringComparison.Ordinal);
        await Expect(keys.StatusOf(name)).ToHaveTextAsync("Active");
        await keys.ScreenshotAsync("api-keys");

        using var integration = new HttpClient { BaseAddress = server.BaseUrl };
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync(new Uri("api/customers", UriKind.Relative))).StatusCode);

        // Shown once: the list, opened again, has the key's name and prefix but not the key.
        await keys.OpenAsync();
        await Expect(keys.Row(name)).ToBeVisibleAsync();
        await Expect(keys.NewKey).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await session.Page.ContentAsync(), StringComparison.Ordinal);

        await keys.RevokeOf(name).ClickAsync();
        await keys.ConfirmRevoke.ClickAsync();
        await Expect(keys.StatusOf(name)).ToHaveTextAsync(new Regex("^Revoked "));
        await Expect(keys.RevokeOf(name)).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync(new Uri("api/customers", UriKind.Relative))).StatusCode);

        var audit = new AuditTrailPage(session.Page);
        await audit.OpenAsync();
        await Expect(audit.Heading).ToHaveTextAsync("Audit trail");
        await audit.SearchAsync(actor: "admin@demo.huikuan", action: "Signed in");
        await Expect(audit.Rows.First).ToContainTextAsync("admin@demo.huikuan");
        await Expect(audit.Rows.First).ToContainTextAsync("Signed in");

        await audit.OpenAsync();
        await audit.SearchAsync(actor: "admin@demo.huikuan", action: "Changed", entity: "API key");
        await Expect(audit.Rows.First).ToContainTextAsync("Changed");
        await audit.Rows.First.ClickAsync();
        await Expect(audit.ChangedDiffRows).ToHaveCountAsync(1);
        await Expect(audit.ChangedDiffRows.Locator("td").First).ToHaveTextAsync("RevokedAt");
        await Expect(audit.ChangedDiffRows.Locator("td").Nth(1)).ToHaveTextAsync("");
        await Expect(audit.ChangedDiffRows.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\dT"));
        await audit.ScreenshotAsync("admin-audit-details");
        await audit.CloseDetails.ClickAsync();
        await audit.ScreenshotAsync("admin-audit");

        await audit.SwitchLanguageAsync();
        await Expect(audit.Heading).ToHaveTextAsync("审计日志");
        await Expect(audit.Rows.First).ToBeVisibleAsync();
        await audit.ScreenshotAsync("admin-audit-zh");
    }

    [Fact]
    public async Task Admin_CreatesASalespersonUser_SeesTheOneTimePasswordOnce_ThenDisablesThem()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Admin");
        var email = $"sales-{Guid.NewGuid().ToString("N")[..8]}@demo.huikuan";

        var users = new UsersPage(session.Page);
        await users.OpenAsync();
        await Expect(users.Heading).ToHaveTextAsync("用户");
        await Expect(users.Rows.Filter(new() { HasText = "admin@demo.huikuan" })).ToContainTextAsync("管理员");
        await users.NewUser.ClickAsync();
        await users.Name.FillAsync("王小明");
        await users.Email.FillAsync(email);
        await LedgerForms.ChooseAsync(session.Page, users.Role, "业务员");
        await users.Create.ClickAsync();
        await Expect(session.Page.GetByTestId("form-error")).ToHaveTextAsync("业务员用户须关联其所负责客户的业务员。");
        await users.ChooseFirstSalespersonAsync();
        await users.Create.ClickAsync();

        await Expect(users.Created).ToContainTextAsync(email);
        Assert.Matches("^[A-Za-z0-9]{16}$", await users.OneTimePassword.InputValueAsync());
        var row = users.Rows.Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("业务员");
        await Expect(row).ToContainTextAsync("待修改初始密码");
        await users.ScreenshotAsync("admin-users");

        await users.OpenAsync();
        await Expect(users.Row(email)).ToBeVisibleAsync();
        await Expect(users.Created).ToHaveCountAsync(0);

        await users.EditAsync(email);
        await users.DisableAsync(email);
        await users.Save.ClickAsync();
        await Expect(users.Row(email)).ToContainTextAsync("已停用");
        await Expect(users.Row(email)).ToContainTextAsync("从未登录");

        // Taking away one's own administrator role is refused, and the page says why.
        await users.EditAsync("admin@demo.huikuan");
        await LedgerForms.ChooseAsync(session.Page, users.Role, "管理层");
        await users.Save.ClickAsync();
        await Expect(session.Page.GetByTestId("form-error")).ToHaveTextAsync("不能取消自己的管理员角色或停用自己的账户，请由其他管理员操作。");
    }

    [Fact]
    public async Task Collector_CannotOpenTheAdminPages_ButHasTheirOwnApiKeys()
    {
        await using var session = await chromium.NewSessionAsync(server, locale: "en-US");
        await new SignInPage(session.Page).SignInAsync("Collector");

        var audit = new AuditTrailPage(session.Page);
        await audit.OpenAsync();
        await Expect(audit.Forbidden).ToHaveTextAsync("Your role does not allow this.");
        await Expect(audit.Rows).ToHaveCountAsync(0);
        await Expect(audit.NavLink("Audit trail")).ToHaveCountAsync(0);
        await Expect(audit.NavLink("API keys")).ToBeVisibleAsync();
        var api = await session.Page.GotoAsync("/api/audit");
        Assert.Equal((int)HttpStatusCode.Forbidden, api!.Status);

        var users = new UsersPage(session.Page);
        await users.OpenAsync();
        await Expect(users.Forbidden).ToBeVisibleAsync();
        await Expect(users.NewUser).ToHaveCountAsync(0);

        var keys = new ApiKeysPage(session.Page);
        await keys.OpenAsync();
        await Expect(keys.Create).ToBeVisibleAsync();
    }
}
