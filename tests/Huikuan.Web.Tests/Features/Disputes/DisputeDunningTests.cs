using System.Net.Http.Json;
using Huikuan.Web.Features.Charges;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Tests.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Disputes;

/// <summary>A disputed amount is neither dunned nor charged late interest while its dispute is open (R17).</summary>
public abstract class DisputeDunningTests(HuikuanApp app)
{
    // 0.05 % a day after 5 grace days, no fees; each level as the age calls for.
    private static readonly SaveDunningPolicy Policy = new(0.05m, 5, 7, null, [7, 1], false, false,
    [
        new DunningLevelView("friendly", 3, 0m, [], ["email"], 0m, false, "Collector", null),
        new DunningLevelView("firm", 15, 0m, [], ["email"], 0m, false, "Collector", null),
        new DunningLevelView("final", 30, 0m, [], ["email"], 0m, false, "Collector", null),
    ], StraightToAgeLevel: true);

    [Fact]
    public async Task ADisputedInvoice_IsNotDunnedWhileTheDisputeIsOpen_AndIsDunnedAgainOnceItIsRejected()
    {
        var admin = await app.NewCompanyAsync();
        await SavePolicyAsync(admin);
        var today = app.Clock.Today;
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "ap@dispute-dunning.example", null);
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-40), 900m, due: today.AddDays(-10));
        var dispute = await admin.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 900m, "quality", "货物破损"));

        var before = Assert.Single((await admin.GetAsync<DunningPreview>("/api/dunning/preview")).Rows, r => r.CustomerId == customer.Id);
        Assert.Equal(("skip", "onlyDisputedOrBlocked"), (before.Outcome, before.Reason));

        await admin.PostOkAsync<DisputeView>($"/api/disputes/{dispute.Id}/resolve", new ResolveDispute("rejected", "签收单齐全"));
        var after = Assert.Single((await admin.GetAsync<DunningPreview>("/api/dunning/preview")).Rows, r => r.CustomerId == customer.Id);
        Assert.Equal("send", after.Outcome);
    }

    [Fact]
    public async Task LateInterest_PausesOnTheDisputedPart_ForTheDaysItsDisputeWasOpen_EvenAfterItIsRejected()
    {
        var admin = await app.NewCompanyAsync();
        await SavePolicyAsync(admin);
        var start = app.Clock.Today;
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "ap@dispute-interest.example", null);
        var whole = await admin.IssueInvoiceAsync(customer.Id, start.AddDays(-40), 10_000m, due: start.AddDays(-10));
        var half = await admin.IssueInvoiceAsync(customer.Id, start.AddDays(-40), 10_000m, due: start.AddDays(-10));
        var a = await admin.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(whole.Id, 10_000m, "quality"));
        var b = await admin.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(half.Id, 5_000m, "price"));

        // Ten days on (20 overdue): interest runs from the 4th day before the disputes were opened, 15 days. The wholly
        // disputed invoice bears none; the half-disputed one 10,000.00 for 4 days (20.00) and 5,000.00 for 11 (27.50).
        app.Clock.Advance(TimeSpan.FromDays(10));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var first = await InterestAsync(admin, customer.Id);
        Assert.Equal([(half.Number, 47.5m)], first);

        // Both are rejected that day; ten days later (30 overdue) the final demand charges all 25 days less those the
        // disputes were open: the whole one 125.00 - 55.00, the half one 125.00 - 27.50 - 47.50 charged before.
        await admin.PostOkAsync<DisputeView>($"/api/disputes/{a.Id}/resolve", new ResolveDispute("rejected", "质量合格"));
        await admin.PostOkAsync<DisputeView>($"/api/disputes/{b.Id}/resolve", new ResolveDispute("rejected", "价格按合同"));
        app.Clock.Advance(TimeSpan.FromDays(10));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var all = await InterestAsync(admin, customer.Id);
        Assert.Equal([(half.Number, 47.5m), (half.Number, 50m), (whole.Number, 70m)], all);
    }

    private static async Task<List<(string?, decimal)>> InterestAsync(CompanyApi admin, Guid customerId) =>
        [.. (await admin.GetAsync<CustomerChargesView>($"/api/customers/{customerId}/charges")).Charges.Where(c => c.Kind == "Interest")
            .Select(c => (c.InvoiceNumber, c.Amount)).OrderBy(c => c.Amount)];

    private static async Task SavePolicyAsync(CompanyApi admin)
    {
        var response = await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative), Policy, HuikuanApp.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class DisputeDunningTestsOnSqlite(SqliteApp app) : DisputeDunningTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeDunningTestsOnPostgres(PostgresApp app) : DisputeDunningTests(app), IClassFixture<PostgresApp>;
