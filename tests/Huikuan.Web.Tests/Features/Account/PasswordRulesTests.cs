using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Account;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>A password a user chooses is long enough, not one character repeated, and not among the passwords guessed first.</summary>
public abstract class PasswordRulesTests(HuikuanApp app)
{
    [Theory]
    [InlineData("woaini1314", "password.common")]
    [InlineData("WOAINI1314", "password.common")]
    [InlineData("1234567890", "password.common")]
    [InlineData("qwertyuiop", "password.common")]
    [InlineData("Password123", "password.common")]
    [InlineData("1q2w3e4r5t", "password.common")]
    [InlineData("5201314520", "password.common")]
    [InlineData("aaaaaaaaaa", "password.repeated")]
    [InlineData("8888888888888", "password.repeated")]
    [InlineData("我我我我我我我我我我", "password.repeated")]
    [InlineData("123456", "password.weak")]
    [InlineData("qq123456", "password.weak")]
    public async Task AWeakNewPassword_IsRefused_AndTheOldOneStillWorks(string weak, string rule)
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);

        var response = await collector.PostAsync("/api/account/password", new ChangePassword(collector.Password!, weak));

        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "newPassword");
        Assert.Equal("https://huikuan.dev/problems/" + rule, problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await collector.PostAsync("/api/account/password", new ChangePassword(collector.Password!, "woaini1314-but-longer"))).StatusCode);
    }

    [Fact]
    public async Task TheRefusal_SaysWhyInChinese()
    {
        var api = await app.NewCompanyAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/account/password", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new ChangePassword(collector.Password!, "qq123456789"), options: HuikuanApp.Json),
        };
        request.Headers.Add("Accept-Language", "zh-CN");

        var problem = await CompanyApi.AssertProblemAsync(await collector.Http.SendAsync(request), HttpStatusCode.UnprocessableEntity, "newPassword");

        Assert.Contains("最常见的密码", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheListOfCommonPasswords_HasTheBestKnownOnes_InternationalAndChinese()
    {
        foreach (var common in new[] { "123456", "password", "qwerty", "5201314", "woaini1314", "qq123456", "a123456", "iloveyou", "111111", "Abc123456" })
        {
            Assert.True(PasswordRules.IsCommon(common), common);
        }
        Assert.False(PasswordRules.IsCommon("回款系统的密码-7"));
    }
}

public sealed class PasswordRulesTestsOnSqlite(SqliteApp app) : PasswordRulesTests(app), IClassFixture<SqliteApp>;

public sealed class PasswordRulesTestsOnPostgres(PostgresApp app) : PasswordRulesTests(app), IClassFixture<PostgresApp>;
