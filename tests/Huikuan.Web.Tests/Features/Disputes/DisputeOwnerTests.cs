using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Disputes;

public abstract class DisputeOwnerTests(HuikuanApp app)
{
    [Fact]
    public async Task ADispute_IsOwnedByWhoOpensIt_WithATargetTwoWeeksOn_AndIsOverdueAfterIt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var today = app.Clock.Today;
        var invoice = await api.IssueInvoiceAsync(customer.Id, today.AddDays(-30), 10_000m);
        var collector = await api.AsNewUserAsync(Role.Collector);

        var dispute = await collector.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 1_000m, "quality"));
        Assert.Equal((collector.UserId, collector.UserEmail, today.AddDays(14), 0, false),
            (dispute.OwnerUserId, dispute.Owner, dispute.TargetDate, dispute.AgeDays, dispute.Overdue));

        app.Clock.Advance(TimeSpan.FromDays(15));
        var later = Assert.Single(await api.GetAsync<List<DisputeView>>($"/api/customers/{customer.Id}/disputes"));
        Assert.Equal((15, true), (later.AgeDays, later.Overdue));
    }

    [Fact]
    public async Task TheOwnerAndTargetDate_AreRefused_OutsideTheirBounds_AndChangedOnlyByThoseWhoResolve()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var today = app.Clock.Today;
        var invoice = await api.IssueInvoiceAsync(customer.Id, today.AddDays(-30), 10_000m);
        var collector = await api.AsNewUserAsync(Role.Collector);
        var salesperson = await api.AsNewUserAsync(Role.Salesperson, (await api.SalespersonAsync("S1", "王销售")).Id);
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var stranger = await (await app.NewCompanyAsync()).AsNewUserAsync(Role.Collector);

        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/disputes",
            new OpenDispute(invoice.Id, 100m, "price", TargetDate: today.AddDays(-1))), (HttpStatusCode)422, "targetDate");
        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/disputes",
            new OpenDispute(invoice.Id, 100m, "price", TargetDate: today.AddDays(367))), (HttpStatusCode)422, "targetDate");
        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/disputes",
            new OpenDispute(invoice.Id, 100m, "price", OwnerUserId: salesperson.UserId)), (HttpStatusCode)422, "ownerUserId");
        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/disputes",
            new OpenDispute(invoice.Id, 100m, "price", OwnerUserId: stranger.UserId)), (HttpStatusCode)422, "ownerUserId");
        var dispute = await collector.PostOkAsync<DisputeView>("/api/disputes",
            new OpenDispute(invoice.Id, 100m, "price", OwnerUserId: manager.UserId, TargetDate: today.AddDays(366)));
        Assert.Equal((manager.UserId, today.AddDays(366)), (dispute.OwnerUserId, dispute.TargetDate));

        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/disputes/{dispute.Id}/assign",
            new AssignDispute(collector.UserId)), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/disputes/{dispute.Id}/assign",
            new AssignDispute(salesperson.UserId)), (HttpStatusCode)422, "ownerUserId");
        app.Clock.Advance(TimeSpan.FromDays(3));
        // The bounds count from the day it was opened, not from today.
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/disputes/{dispute.Id}/assign",
            new AssignDispute(TargetDate: today.AddDays(-1))), (HttpStatusCode)422, "targetDate");
        var assigned = await manager.PostOkAsync<DisputeView>($"/api/disputes/{dispute.Id}/assign", new AssignDispute(collector.UserId, today.AddDays(1)));
        Assert.Equal((collector.UserId, today.AddDays(1), true), (assigned.OwnerUserId, assigned.TargetDate, assigned.Overdue));
    }

    [Fact]
    public async Task AResolution_IsACreditNoteAReInvoiceARejectionOrSettledOtherwise_AndAcceptedStillMeansACreditNote()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-30), 10_000m);
        var kinds = new List<(string, string?)>();
        foreach (var outcome in new[] { "accepted", "creditNote", "reInvoice", "rejected", "settled" })
        {
            var d = await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 100m, "other"));
            var resolved = await api.PostOkAsync<DisputeView>($"/api/disputes/{d.Id}/resolve", new ResolveDispute(outcome, "处理完毕"));
            kinds.Add((resolved.Status, resolved.ResolutionKind));
        }
        var open = await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 100m, "other"));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/disputes/{open.Id}/resolve", new ResolveDispute("forgiven", "x")),
            (HttpStatusCode)422, "outcome");

        Assert.Equal([("accepted", "creditNote"), ("accepted", "creditNote"), ("accepted", "reInvoice"), ("rejected", "rejected"), ("settled", "settled")],
            kinds);
    }

    [Fact]
    public async Task At0730InShanghai_TheDefaultTargetDate_CountsFromShanghaisDay()
    {
        var day = new DateOnly(2026, 11, 24);
        app.Clock.SetShanghai(day.AddDays(-30), new TimeOnly(12, 0));
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, day.AddDays(-30), 1_000m);

        app.Clock.SetShanghai(day, new TimeOnly(7, 30)); // still the 23rd in UTC
        var dispute = await api.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 500m, "quantity"));

        Assert.Equal((day.AddDays(14), 0), (dispute.TargetDate, dispute.AgeDays));
    }
}

public sealed class DisputeOwnerTestsOnSqlite(SqliteApp app) : DisputeOwnerTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeOwnerTestsOnPostgres(PostgresApp app) : DisputeOwnerTests(app), IClassFixture<PostgresApp>;
