using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Dunning;

public abstract class DunningPolicyTests(HuikuanApp app)
{
    [Fact]
    public async Task ACompanyStartsWithTheSeedsFiveLevels_AndACreditManagerCanReplaceThem()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var collector = await admin.AsNewUserAsync(Role.Collector);

        var policy = await collector.GetAsync<DunningPolicyView>("/api/dunning/policy");
        Assert.True(policy.IsDefault);
        Assert.Equal(["friendly:3", "firm:15", "final:30", "hold:45", "legal:90"], policy.Levels.Select(l => $"{l.Code}:{l.MinDaysOverdue}"));
        Assert.Equal(("Management", true), (policy.Levels[3].Escalation, policy.Levels[3].PutsOnCreditHold));
        Assert.Equal([7, 1], policy.ReminderDaysBefore);

        var levels = new List<DunningLevelView>
        {
            new("gentle", 5, 100m, [], ["email"], 0m, false, "Collector", null),
            new("demand", 20, 1_000m, [], ["email", "letter", "phone"], 50m, true, "CreditManager", "Management"),
        };
        var save = new SaveDunningPolicy(0.05m, 5, 10, "开户行：工商银行 账号 6222 0000 1111", [5], true, true, levels);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(collector, "/api/dunning/policy", save)).StatusCode);
        var saved = await Read<DunningPolicyView>(await Put(manager, "/api/dunning/policy", save));

        Assert.False(saved.IsDefault);
        Assert.Equal(["gentle", "demand"], saved.Levels.Select(l => l.Code));
        Assert.Equal((50m, 1_000m, 0.05m, 10), (saved.Levels[1].Fee, saved.Levels[1].MinOverdueAmount, saved.InterestDailyRatePercent, saved.PayByDays));
        Assert.Equal(["email", "letter", "phone"], saved.Levels[1].Channels);
        var templates = await collector.GetAsync<List<MessageTemplateView>>("/api/dunning/templates");
        Assert.Contains(templates, t => t.Purpose == "level:demand" && t.Language == "en");
        Assert.DoesNotContain(templates, t => t.Purpose == "level:friendly");
    }

    [Fact]
    public async Task APolicyThatDoesNotHoldTogether_IsRefusedWithTheFieldAndTheRule()
    {
        var admin = await app.NewCompanyAsync();
        DunningLevelView Level(string code, int days, params string[] channels) => new(code, days, 0m, [], channels, 0m, false, "Collector", null);

        await Refused(admin, [Level("a", 5, "email"), Level("b", 5, "email")], "levels[1].minDaysOverdue");
        await Refused(admin, [Level("a", 5, "pigeon")], "levels[0].channels", "dunning.channel");
        await Refused(admin, [Level("a", 5, "email") with { Escalation = "Police" }], "levels[0].escalation", "dunning.escalation");
        await Refused(admin, [Level("a", 5, "email") with { Responsible = "Nobody" }], "levels[0].responsible", "dunning.responsible");
        var payBy = await Put(admin, "/api/dunning/policy", new SaveDunningPolicy(null, 0, 0, null, [7, 1], true, true, [Level("a", 5, "email")]));
        await CompanyApi.AssertProblemAsync(payBy, HttpStatusCode.UnprocessableEntity, "payByDays");
    }

    [Fact]
    public async Task ATemplateWithAnUnknownMergeField_IsRefused_AndASavedTemplateIsWhatTheCustomerReceives()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var wrong = await Put(admin, "/api/dunning/templates/level:friendly/zh-CN", new SaveMessageTemplate("{{customer.nmae}} 请付款", "正文", ""));
        var problem = await CompanyApi.AssertProblemAsync(wrong, HttpStatusCode.UnprocessableEntity, "subject");
        Assert.Contains("customer.name", problem.ToString(), StringComparison.Ordinal); // the message lists the fields there are
        await CompanyApi.AssertProblemAsync(
            await Put(admin, "/api/dunning/templates/level:friendly/zh-CN", new SaveMessageTemplate("{{total 未闭合", "正文", "")),
            HttpStatusCode.UnprocessableEntity, "subject");

        var saved = await Read<MessageTemplateView>(await Put(admin, "/api/dunning/templates/level:friendly/zh-CN",
            new SaveMessageTemplate("{{customer.name}}：{{total}} 已逾期 {{oldestDaysOverdue}} 天", "尊敬的{{contact.name}}：\n\n{{items}}\n\n请于 {{payBy}} 前付清。", "")));
        Assert.False(saved.IsDefault);
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "custom@example.com", null);
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-30), 1_234.5m, due: today.AddDays(-4));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        var mail = Assert.Single(await DunningRunTests.OutboxAsync(admin));
        Assert.Equal($"{customer.Name}：1,234.50 CNY 已逾期 4 天", mail.Subject);
        Assert.Contains("尊敬的王会计", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"请于 {today.AddDays(7).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)} 前付清", mail.Body, StringComparison.Ordinal);

        var reset = await admin.Http.DeleteAsync(new Uri("/api/dunning/templates/level:friendly/zh-CN", UriKind.Relative));
        Assert.True((await Read<MessageTemplateView>(reset)).IsDefault);
    }

    private static async Task Refused(CompanyApi admin, List<DunningLevelView> levels, string field, string? rule = null)
    {
        var response = await Put(admin, "/api/dunning/policy", new SaveDunningPolicy(null, 0, 7, null, [7, 1], true, true, levels));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        if (rule is not null)
        {
            Assert.Contains(rule, problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALevelsMinimum_InTheCompanyCurrency_IsCheckedOnForeignItemsAtTheRateTable()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        await Read<DunningPolicyView>(await Put(admin, "/api/dunning/policy",
            new SaveDunningPolicy(null, 0, 7, null, [7, 1], true, true, [new DunningLevelView("gentle", 5, 1_000m, [], ["email"], 0m, false, "Collector", null)])));
        var small = await admin.CustomerAsync(currency: "USD");
        var large = await admin.CustomerAsync(currency: "USD");
        await admin.IssueInvoiceAsync(small.Id, today.AddDays(-40), 100m, due: today.AddDays(-10)); // 100 USD = 720 CNY
        await admin.IssueInvoiceAsync(large.Id, today.AddDays(-40), 200m, due: today.AddDays(-10)); // 200 USD = 1 440 CNY

        DunningPreviewRow Row(DunningPreview p, Guid id) => p.Rows.Single(r => r.CustomerId == id);
        var noRate = await admin.GetAsync<DunningPreview>("/api/dunning/preview?show=all");
        Assert.Equal(("skip", "noRateForMinimum"), (Row(noRate, large.Id).Outcome, Row(noRate, large.Id).Reason));

        await admin.PostOkAsync<Huikuan.Web.Features.ExchangeRates.ExchangeRateView>("/api/exchange-rates",
            new Huikuan.Web.Features.ExchangeRates.AddExchangeRate("USD", today.AddDays(-3), 7.2m));
        var withRate = await admin.GetAsync<DunningPreview>("/api/dunning/preview?show=all");
        Assert.Equal(("send", "gentle"), (Row(withRate, large.Id).Outcome, Row(withRate, large.Id).LevelCode));
        Assert.Equal("skip", Row(withRate, small.Id).Outcome); // 720 CNY is under the 1 000 CNY minimum
    }

    private static Task<HttpResponseMessage> Put(CompanyApi api, string url, object body) =>
        api.Http.PutAsJsonAsync(new Uri(url, UriKind.Relative), body, HuikuanApp.Json);

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(HuikuanApp.Json))!;
    }
}

public sealed class DunningPolicyTestsOnSqlite(SqliteApp app) : DunningPolicyTests(app), IClassFixture<SqliteApp>;

public sealed class DunningPolicyTestsOnPostgres(PostgresApp app) : DunningPolicyTests(app), IClassFixture<PostgresApp>;
