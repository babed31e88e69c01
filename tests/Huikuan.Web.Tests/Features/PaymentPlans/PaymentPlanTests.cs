using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.DelayCauses;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.PaymentPlans;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Features.Worklist;
using Huikuan.Web.Tests.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.PaymentPlans;

/// <summary>
/// Payment plans through the API: proposed by a collector, approved by a credit manager, followed from the receipts at
/// the same moments as promises, dunning paused on what they cover, the worklist told. Each test starts on a Monday.
/// </summary>
public abstract class PaymentPlanTests(HuikuanApp app)
{
    [Fact]
    public async Task AProposedPlan_ApprovedBySomeoneElse_Runs_AndCoversTheOldestOverdueItems()
    {
        var monday = NextMonday();
        var (admin, collector, manager, customer) = await SetUpAsync();
        var older = await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-90), 1_000m, due: monday.AddDays(-60));
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 2_000m, due: monday.AddDays(-30));

        var plan = await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday, 1_500m));
        Assert.Equal(("proposed", 1_500m, 3), (plan.Status, plan.Amount, plan.Lines.Count));
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/payment-plans/{plan.Id}/approve", new { }), HttpStatusCode.Forbidden);

        var approved = await manager.PostOkAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}/approve", new { });
        Assert.Equal(("running", monday, manager.UserEmail), (approved.Status, approved.ApprovedOn, approved.ApprovedBy));
        var covered = await app.WithDbAsync(db => db.PaymentPlanItems.AsNoTracking().Where(i => i.PlanId == plan.Id)
            .Join(db.Installments, i => i.InstallmentId, x => x.Id, (i, x) => new { x.InvoiceId, i.CoveredMinor }).ToListAsync());
        Assert.Equal(2, covered.Count);
        Assert.Equal((100_000L, 50_000L), (covered.Single(c => c.InvoiceId == older.Id).CoveredMinor, covered.Single(c => c.InvoiceId != older.Id).CoveredMinor));

        var list = await admin.GetAsync<CustomerPaymentPlansView>(Url(customer.Id));
        Assert.Equal(("CNY", 3_000m, "running"), (list.Currency, list.Overdue, Assert.Single(list.Plans).Status));
        // Proposed and approved are in the audit trail with their actors.
        var actors = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == "PaymentPlan" && a.EntityId == plan.Id.ToString())
            .OrderBy(a => a.Id).Select(a => a.Actor).ToListAsync());
        Assert.Equal([collector.UserEmail, manager.UserEmail], actors.Distinct());
    }

    [Fact]
    public async Task TheProposer_MayNotApproveTheirOwnPlan_NorApproveItTwice()
    {
        var monday = NextMonday();
        var (admin, _, manager, customer) = await SetUpAsync();
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 3_000m, due: monday.AddDays(-30));
        var plan = await manager.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday, 3_000m));

        var own = await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/payment-plans/{plan.Id}/approve", new { }), HttpStatusCode.Conflict);
        Assert.EndsWith("paymentPlan.ownProposal", own.GetProperty("type").GetString(), StringComparison.Ordinal);
        await admin.PostOkAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}/approve", new { });
        await CompanyApi.AssertProblemAsync(await admin.PostAsync($"/api/payment-plans/{plan.Id}/approve", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TwoManagersApprovingAtOnce_OneSucceeds_TheOtherIsToldItChanged()
    {
        var monday = NextMonday();
        var (admin, collector, manager, customer) = await SetUpAsync();
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 3_000m, due: monday.AddDays(-30));
        var plan = await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday, 3_000m));

        var answers = await Task.WhenAll(
            admin.PostAsync($"/api/payment-plans/{plan.Id}/approve", new { }), manager.PostAsync($"/api/payment-plans/{plan.Id}/approve", new { }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.PaymentPlanItems.CountAsync(i => i.PlanId == plan.Id)));
        Assert.Equal("running", (await admin.GetAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}")).Status);
    }

    [Fact]
    public async Task AReceiptKeepsTheFirstLine_AndAMissedSecondLineBreaksThePlan_TheDayAfterItsGrace()
    {
        var monday = NextMonday();
        var (admin, collector, manager, customer) = await SetUpAsync();
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 3_000m, due: monday.AddDays(-30));
        var plan = await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday, 3_000m));
        await manager.PostOkAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}/approve", new { });

        app.Clock.SetToday(monday.AddDays(7));
        await admin.RecordReceiptAsync(customer.Id, monday.AddDays(7), 1_000m, autoApply: true);
        Assert.Equal((PaymentPlanStatus.Running, 100_000L), await StoredAsync(plan.Id));
        Assert.Equal([1_000m, 0m, 0m], (await admin.GetAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}")).Lines.Select(l => l.Paid));

        // The second line falls due on Monday the 14th; with 2 business days of grace its last day is Wednesday.
        app.Clock.SetToday(monday.AddDays(16));
        await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal((PaymentPlanStatus.Running, 100_000L), await StoredAsync(plan.Id));
        app.Clock.SetToday(monday.AddDays(17));
        await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal((PaymentPlanStatus.Broken, 100_000L), await StoredAsync(plan.Id));
        var broken = await admin.GetAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}");
        Assert.Equal(("broken", 1, monday.AddDays(17)), (broken.Status, broken.BrokenLine, broken.ResolvedOn));

        // The next morning the customer is on the worklist for the broken plan, and a new plan may be proposed.
        var row = Assert.Single((await admin.GetAsync<WorklistView>("/api/worklist?team=true")).Rows, r => r.CustomerId == customer.Id);
        Assert.Equal(("planBroken", "chaseBrokenPlan"), (row.Reasons[0].Kind, row.Action));
        await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday.AddDays(17), 2_000m));
    }

    [Fact]
    public async Task WhileAPlanRuns_DunningOfTheCoveredItemsPauses_AndTheWorklistSetsTheCustomerAside()
    {
        var monday = NextMonday();
        var (admin, collector, manager, _) = await SetUpAsync();
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "pay@plan.example", null);
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 3_000m, due: monday.AddDays(-30));
        await collector.PostOkAsync<CustomerDelayCauseView>($"/api/customers/{customer.Id}/delay-cause", new SetDelayCause("cashShortage"));

        Assert.Equal("offerPaymentPlan", Assert.Single((await admin.GetAsync<WorklistView>("/api/worklist?team=true")).Rows,
            r => r.CustomerId == customer.Id).Action);
        Assert.NotEqual("onlyDisputedOrBlocked", await PreviewReasonAsync(admin, customer.Id));

        var plan = await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday, 3_000m));
        Assert.NotEqual("onlyDisputedOrBlocked", await PreviewReasonAsync(admin, customer.Id));
        await manager.PostOkAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}/approve", new { });

        Assert.Equal("onlyDisputedOrBlocked", await PreviewReasonAsync(admin, customer.Id));
        var worklist = await admin.GetAsync<WorklistView>("/api/worklist?team=true");
        Assert.DoesNotContain(worklist.Rows, r => r.CustomerId == customer.Id);
        Assert.Equal("paymentPlanRunning", Assert.Single(worklist.Dropped, r => r.CustomerId == customer.Id).SetAside);

        // Cancelled by a credit manager: dunning resumes.
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/payment-plans/{plan.Id}/cancel", new { }), HttpStatusCode.Forbidden);
        await manager.PostOkAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}/cancel", new CancelPaymentPlan("客户另行一次付清"));
        Assert.NotEqual("onlyDisputedOrBlocked", await PreviewReasonAsync(admin, customer.Id));
    }

    [Theory]
    [InlineData("mismatch", "amount")]
    [InlineData("past", "lines[0].dueOn")]
    [InlineData("order", "lines[1].dueOn")]
    [InlineData("currency", "currency")]
    [InlineData("overOverdue", "amount")]
    [InlineData("zero", "lines[2].amount")]
    [InlineData("decimals", "lines[0].amount")]
    public async Task ABadProposal_IsRefused_NamingTheField(string what, string field)
    {
        var monday = NextMonday();
        var (admin, collector, _, customer) = await SetUpAsync();
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 3_000m, due: monday.AddDays(-30));
        var good = ThreeWeekly(monday, 3_000m);
        var lines = good.Lines.ToList();
        var request = what switch
        {
            "mismatch" => good with { Amount = 2_999m },
            "past" => good with { Lines = [lines[0] with { DueOn = monday.AddDays(-1) }, lines[1], lines[2]] },
            "order" => good with { Lines = [lines[0], lines[1] with { DueOn = lines[0].DueOn }, lines[2]] },
            "currency" => good with { Currency = "USD" },
            "overOverdue" => ThreeWeekly(monday, 3_000.03m),
            "zero" => good with { Lines = [lines[0] with { Amount = 2_000m }, lines[1], lines[2] with { Amount = 0m }] },
            _ => good with { Lines = [lines[0] with { Amount = 1_000.001m }, lines[1], lines[2]] },
        };

        await CompanyApi.AssertProblemAsync(await collector.PostAsync(Url(customer.Id), request), HttpStatusCode.UnprocessableEntity, field);
        Assert.Empty((await collector.GetAsync<CustomerPaymentPlansView>(Url(customer.Id))).Plans);
    }

    [Fact]
    public async Task ASecondPlanWhileOneIsProposed_IsRefused_AndAnotherCompanysCustomerIsNotFound()
    {
        var monday = NextMonday();
        var (admin, collector, _, customer) = await SetUpAsync();
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 3_000m, due: monday.AddDays(-30));
        await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id), ThreeWeekly(monday, 1_500m));

        await CompanyApi.AssertProblemAsync(await collector.PostAsync(Url(customer.Id), ThreeWeekly(monday, 1_500m)), HttpStatusCode.Conflict);
        var other = await app.NewCompanyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(Url(customer.Id), ThreeWeekly(monday, 1_500m))).StatusCode);
    }

    [Fact]
    public async Task AtHalfPastSevenInShanghai_AFirstLineDueTodayIsAccepted_AndTheApprovalIsOnTheCompanysDay()
    {
        var monday = NextMonday();
        var (admin, collector, manager, customer) = await SetUpAsync();
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 1_000m, due: monday.AddDays(-30));
        // Monday 07:30 in Shanghai is still Sunday in UTC: today is Monday for the company.
        app.Clock.SetShanghai(monday, new TimeOnly(7, 30));

        var plan = await collector.PostOkAsync<PaymentPlanView>(Url(customer.Id),
            new ProposePaymentPlan(1_000m, [new PaymentPlanLineInput(monday, 400m), new PaymentPlanLineInput(monday.AddDays(14), 600m)]));
        var approved = await manager.PostOkAsync<PaymentPlanView>($"/api/payment-plans/{plan.Id}/approve", new { });

        Assert.Equal((monday, monday), (plan.ProposedOn, approved.ApprovedOn));
        await CompanyApi.AssertProblemAsync(await collector.PostAsync(Url(customer.Id),
            new ProposePaymentPlan(1_000m, [new PaymentPlanLineInput(monday.AddDays(-1), 1_000m)], Currency: "CNY")), HttpStatusCode.UnprocessableEntity,
            "lines[0].dueOn");
    }

    private static string Url(Guid customerId) => $"/api/customers/{customerId}/payment-plans";

    /// <summary>Three weekly installments from the Monday after <paramref name="from"/>, the first ones taking the remainder.</summary>
    private static ProposePaymentPlan ThreeWeekly(DateOnly from, decimal total)
    {
        var cents = (long)(total * 100);
        var lines = Enumerable.Range(0, 3).Select(i => new PaymentPlanLineInput(from.AddDays(7 * (i + 1)), (cents / 3 + (i < cents % 3 ? 1 : 0)) / 100m));
        return new ProposePaymentPlan(total, [.. lines]);
    }

    private async Task<(CompanyApi Admin, CompanyApi Collector, CompanyApi Manager, Huikuan.Web.Features.Customers.CustomerView Customer)> SetUpAsync()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        return (admin, collector, manager, await admin.CustomerAsync());
    }

    private static async Task<string> PreviewReasonAsync(CompanyApi api, Guid customerId) =>
        Assert.Single((await api.GetAsync<DunningPreview>("/api/dunning/preview")).Rows, r => r.CustomerId == customerId).Reason;

    private DateOnly NextMonday()
    {
        var today = app.Clock.Today;
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        app.Clock.SetToday(monday);
        return monday;
    }

    private async Task<(PaymentPlanStatus, long)> StoredAsync(Guid id) =>
        await app.WithDbAsync(async db => await db.PaymentPlans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ValueTuple<PaymentPlanStatus, long>(p.Status, p.PaidMinor)).SingleAsync());
}

public sealed class PaymentPlanTestsOnSqlite(SqliteApp app) : PaymentPlanTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentPlanTestsOnPostgres(PostgresApp app) : PaymentPlanTests(app), IClassFixture<PostgresApp>;
