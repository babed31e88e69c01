using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoInChinese_AndTheRightOneSignsIn()
    {
        await using var session = await chromium.NewSessionAsync(server);
        var signIn = new SignInPage(session.Page);
        await signIn.OpenAsync();
        await Expect(signIn.DemoAccounts).ToContainTextAsync("sales@demo.huikuan");
        await signIn.ScreenshotAsync("signin");

        await signIn.SubmitAsync("finance@demo.huikuan", "not-the-password");
        await Expect(signIn.Error).ToHaveTextAsync("邮箱或密码不正确。连续五次密码错误后，需等待 15 分钟才能从此地址再次登录。");

        await signIn.SignInAsync("Accountant");
        var me = await session.Page.GotoAsync("/api/account/me");
        Assert.Contains("finance@demo.huikuan", await me!.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Salesperson_OpeningAnotherOwnersCustomerByAddress_GetsNotFound()
    {
        await using var admin = await chromium.NewSessionAsync(server);
        await new SignInPage(admin.Page).SignInAsync("Admin");
        var all = await (await admin.Page.GotoAsync("/api/customers?pageSize=500"))!.JsonAsync();
        await using var sales = await chromium.NewSessionAsync(server);
        await new SignInPage(sales.Page).SignInAsync("Salesperson");
        var mine = await (await sales.Page.GotoAsync("/api/customers?pageSize=500"))!.JsonAsync();
        var mineIds = mine!.Value.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
        var other = all!.Value.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).First(id => !mineIds.Contains(id));

        Assert.NotEmpty(mineIds);
        Assert.True(all.Value.GetProperty("total").GetInt32() > mine.Value.GetProperty("total").GetInt32());
        var response = await sales.Page.GotoAsync($"/api/customers/{other}");
        Assert.Equal(404, response!.Status);
        Assert.Equal(200, (await sales.Page.GotoAsync($"/api/customers/{mineIds.First()}"))!.Status);
    }
}
