using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.DelayCauses;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.DelayCauses;

public abstract class DelayCauseTests(HuikuanApp app)
{
    [Fact]
    public async Task ACollectorSetsACustomersCause_WhichCallsForItsDefaultStrategy_AndEachChangeIsKept()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        Assert.Null((await collector.GetAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause")).Current);

        await collector.PostOkAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause", new SetDelayCause("negligence"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var view = await collector.PostOkAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause",
            new SetDelayCause("cashShortage", "年底资金紧张"));

        Assert.Equal(("cashShortage", "年底资金紧张", app.Clock.Today, collector.UserEmail),
            (view.Current!.Cause, view.Current.Note, view.Current.SetOn, view.Current.SetBy));
        Assert.Equal(("offerPaymentPlan", true), (view.Strategy!.Strategy, view.Strategy.IsDefault));
        Assert.Equal(["cashShortage", "negligence"], view.History.Select(h => h.Cause));
    }

    [Fact]
    public async Task ACreditManagerEditsACausesStrategy_AndTheCustomerFollowsIt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        await api.PostOkAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause", new SetDelayCause("deliberate"));

        var defaults = await api.GetAsync<List<DelayStrategyView>>("/api/delay-causes/strategies");
        var saved = await PutAsync(manager, "deliberate", new SaveDelayStrategy("escalate", "直接转法务部，发律师函"));
        var all = await api.GetAsync<List<DelayStrategyView>>("/api/delay-causes/strategies");
        var view = await api.GetAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause");

        Assert.Equal(6, defaults.Count);
        Assert.All(defaults, d => Assert.True(d.IsDefault));
        Assert.Equal(("resendInvoice", "followApproval"),
            (defaults.Single(d => d.Cause == "invoiceNotReceived").Strategy, defaults.Single(d => d.Cause == "internalProcess").Strategy));
        Assert.Equal(("escalate", "直接转法务部，发律师函", false), (saved.Strategy, saved.Note, saved.IsDefault));
        Assert.Equal(5, all.Count(d => d.IsDefault));
        Assert.Equal("直接转法务部，发律师函", view.Strategy!.Note);
    }

    [Fact]
    public async Task UnknownCausesAndStrategies_AndThoseWithoutTheRight_AreRefused()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var collector = await api.AsNewUserAsync(Role.Collector);
        var viewer = await api.AsNewUserAsync(Role.Executive);

        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/customers/{customer.Id}/delay-cause", new SetDelayCause("weather")),
            (HttpStatusCode)422, "cause");
        await CompanyApi.AssertProblemAsync(await viewer.PostAsync($"/api/customers/{customer.Id}/delay-cause", new SetDelayCause("negligence")),
            HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(collector, "negligence", new SaveDelayStrategy("escalate"))).StatusCode);
        await CompanyApi.AssertProblemAsync(await Put(api, "negligence", new SaveDelayStrategy("pray")), (HttpStatusCode)422, "strategy");
        await CompanyApi.AssertProblemAsync(await Put(api, "bored", new SaveDelayStrategy("escalate")), (HttpStatusCode)422, "cause");
        Assert.Empty((await api.GetAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause")).History);
    }

    private static Task<HttpResponseMessage> Put(CompanyApi api, string cause, SaveDelayStrategy body) =>
        api.Http.PutAsJsonAsync(new Uri($"/api/delay-causes/strategies/{cause}", UriKind.Relative), body, HuikuanApp.Json);

    private static async Task<DelayStrategyView> PutAsync(CompanyApi api, string cause, SaveDelayStrategy body)
    {
        var response = await Put(api, cause, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DelayStrategyView>(HuikuanApp.Json))!;
    }
}

public sealed class DelayCauseTestsOnSqlite(SqliteApp app) : DelayCauseTests(app), IClassFixture<SqliteApp>;

public sealed class DelayCauseTestsOnPostgres(PostgresApp app) : DelayCauseTests(app), IClassFixture<PostgresApp>;
