using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Features.Disputes;

public abstract class DisputeTests(HuikuanApp app)
{
    [Fact]
    public async Task ACollectorDisputesPartOfAnInvoice_UpToWhatIsOpenAndNotYetDisputed()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 1), 10_000m);
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 10, 1), 2_000m, reference: invoice.Number, autoApply: true);
        var collector = await api.AsNewUserAsync(Role.Collector);

        var first = await collector.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 3_000m, "quality", "两台设备有划痕"));
        // 8,000.00 open less 3,000.00 disputed leaves 5,000.00.
        var tooMuch = await CompanyApi.AssertProblemAsync(
            await collector.PostAsync("/api/disputes", new OpenDispute(invoice.Id, 5_000.01m, "price")), (HttpStatusCode)422, "amount");
        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/disputes", new OpenDispute(invoice.Id, 100m, "weather")), (HttpStatusCode)422, "reason");
        var second = await collector.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 5_000m, "price"));

        Assert.Equal("open", first.Status);
        Assert.Equal(3_000m, first.Amount);
        Assert.Equal(invoice.Number, first.InvoiceNumber);
        Assert.Contains("5000.00", tooMuch.GetProperty("errors").GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal([first.Id, second.Id], (await api.GetAsync<List<DisputeView>>($"/api/customers/{customer.Id}/disputes")).Select(d => d.Id));
    }

    [Fact]
    public async Task TheDisputedAmountAndShare_CountOpenDisputesInTheCurrencyOnly()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var a = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 1), 6_000m);
        var b = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 5), 4_000m);
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 5), 1_000m, currency: "USD");
        await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(a.Id, 1_500m, "quantity"));
        var resolved = await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(b.Id, 4_000m, "notReceived"));
        await api.PostOkAsync<DisputeView>($"/api/disputes/{resolved.Id}/resolve", new ResolveDispute("rejected", "签收单已找到"));

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope>().Enter(api.Company.Id, "test");
        var disputes = scope.ServiceProvider.GetRequiredService<DisputesHandler>();

        // Open 10,000.00 CNY, of which 1,500.00 is in an open dispute: 15 %.
        Assert.Equal(150_000, await disputes.DisputedOpenMinorAsync(customer.Id, "CNY", CancellationToken.None));
        Assert.Equal(0.15m, await disputes.DisputedShareAsync(customer.Id, "CNY", CancellationToken.None));
        Assert.Equal(0m, await disputes.DisputedShareAsync(customer.Id, "USD", CancellationToken.None));
        Assert.Null(await disputes.DisputedShareAsync(customer.Id, "EUR", CancellationToken.None));
    }

    [Fact]
    public async Task AnAccountantResolvesADispute_OnceWithANote_AndTheCompanyListShowsOpenOnesFirst()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 1), 10_000m);
        var older = await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 1_000m, "quality"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 2_000m, "price"));
        var accountant = await api.AsNewUserAsync(Role.Accountant);
        var collector = await api.AsNewUserAsync(Role.Collector);

        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/disputes/{older.Id}/resolve", new ResolveDispute("accepted", "同意")), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await accountant.PostAsync($"/api/disputes/{older.Id}/resolve", new ResolveDispute("accepted", " ")), (HttpStatusCode)422, "note");
        var accepted = await accountant.PostOkAsync<DisputeView>($"/api/disputes/{older.Id}/resolve", new ResolveDispute("accepted", "质量问题属实，开红字发票"));
        await CompanyApi.AssertProblemAsync(await accountant.PostAsync($"/api/disputes/{older.Id}/resolve", new ResolveDispute("rejected", "再次")), HttpStatusCode.Conflict);

        var all = await api.GetAsync<List<DisputeView>>("/api/disputes");
        var open = await api.GetAsync<List<DisputeView>>("/api/disputes?openOnly=true");

        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(accountant.UserEmail, accepted.ResolvedBy);
        Assert.Equal("质量问题属实，开红字发票", accepted.Resolution);
        Assert.Equal([newer.Id, older.Id], all.Select(d => d.Id));
        Assert.Equal([newer.Id], open.Select(d => d.Id));
        Assert.Equal(customer.Name, open[0].CustomerName);
    }
}

public sealed class DisputeTestsOnSqlite(SqliteApp app) : DisputeTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeTestsOnPostgres(PostgresApp app) : DisputeTests(app), IClassFixture<PostgresApp>;
