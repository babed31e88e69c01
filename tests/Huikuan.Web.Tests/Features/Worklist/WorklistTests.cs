using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Worklist;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Worklist;

public abstract class WorklistTests(HuikuanApp app)
{
    private const string Team = "/api/worklist?team=true";

    [Fact]
    public async Task TheList_RanksByPoints_ShowsAtMostThreeReasons_AndLeavesOutWhoOwesNothingOverdue()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var big = await admin.CustomerAsync("大额逾期");
        var small = await admin.CustomerAsync("小额逾期");
        var current = await admin.CustomerAsync("未到期");
        await admin.IssueInvoiceAsync(big.Id, today.AddDays(-120), 250_000m, due: today.AddDays(-95));
        await admin.IssueInvoiceAsync(small.Id, today.AddDays(-40), 2_000m, due: today.AddDays(-10));
        await admin.IssueInvoiceAsync(current.Id, today.AddDays(-5), 80_000m, due: today.AddDays(25));

        var list = await admin.GetAsync<WorklistView>(Team);

        Assert.Equal([big.Id, small.Id], list.Rows.Select(r => r.CustomerId));
        var top = list.Rows[0];
        // ≥ 100,000 overdue (35), ≥ 90 days (35), never contacted (20).
        Assert.Equal(90, top.Points);
        Assert.Equal(["overdueAmount", "daysPastDue", "noContact"], top.Reasons.Select(r => r.Kind));
        Assert.Equal(95, top.Reasons[1].Days);
        Assert.Equal((250_000m, 250_000m, "call"), (top.AtStake, top.Overdue, top.Action));
        Assert.Equal("CNY", list.Currency);
        Assert.All(list.Rows, r => Assert.True(r.Reasons.Count <= 3));
    }

    [Fact]
    public async Task ABrokenPromise_PutsTheCustomerAtTheTopOfTheNextMorningsList()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var today = app.Clock.Today;
        var large = await admin.CustomerAsync("欠款大户");
        var promiser = await admin.CustomerAsync("承诺客户");
        await admin.IssueInvoiceAsync(large.Id, today.AddDays(-200), 900_000m, due: today.AddDays(-150));
        await admin.IssueInvoiceAsync(promiser.Id, today.AddDays(-40), 3_000m, due: today.AddDays(-10));
        await collector.PostOkAsync<PromiseView>($"/api/customers/{promiser.Id}/promises", new CreatePromise(3_000m, today.AddDays(2)));

        // While the promise runs the customer is off the list, and says why.
        var before = await collector.GetAsync<WorklistView>(Team);
        Assert.DoesNotContain(before.Rows, r => r.CustomerId == promiser.Id);
        Assert.Equal("promiseRunning", Assert.Single(before.Dropped, r => r.CustomerId == promiser.Id).SetAside);

        // On the promised day and the day before, the promise itself is the reason to call.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var due = Assert.Single((await collector.GetAsync<WorklistView>(Team)).Rows, r => r.CustomerId == promiser.Id);
        Assert.Equal(("promiseDue", "confirmPromise"), (due.Reasons[0].Kind, due.Action));

        // Nothing comes in; once the promise is decided broken, the next morning it is first.
        app.Clock.Advance(TimeSpan.FromDays(6));
        await manager.PostOkAsync<Huikuan.Web.Features.Credit.ReviewScanResult>("/api/credit/reviews/scan", new { });
        var after = await collector.GetAsync<WorklistView>(Team);
        Assert.Equal(promiser.Id, after.Rows[0].CustomerId);
        Assert.Equal(("promiseBroken", "chaseBrokenPromise"), (after.Rows[0].Reasons[0].Kind, after.Rows[0].Action));
        Assert.Equal(3_000m, after.Rows[0].Reasons[0].Amount);

        // A new promise takes the broken one's place.
        await collector.PostOkAsync<PromiseView>($"/api/customers/{promiser.Id}/promises", new CreatePromise(3_000m, app.Clock.Today.AddDays(7)));
        Assert.DoesNotContain((await collector.GetAsync<WorklistView>(Team)).Rows, r => r.CustomerId == promiser.Id);
    }

    [Fact]
    public async Task CustomersWhoJustPaid_HaveCashNotYetApplied_OrAreBlocked_SinkBelowTheRest_WithTheReason()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var paid = await admin.CustomerAsync("刚付款");
        var unapplied = await admin.CustomerAsync("未核销");
        var blocked = await admin.CustomerAsync("暂停催收");
        var plain = await admin.CustomerAsync("普通逾期");
        foreach (var c in new[] { paid, unapplied, blocked })
        {
            await admin.IssueInvoiceAsync(c.Id, today.AddDays(-200), 500_000m, due: today.AddDays(-170));
        }
        await admin.IssueInvoiceAsync(plain.Id, today.AddDays(-40), 1_500m, due: today.AddDays(-10));
        // Paid 300,000 yesterday: more than the 200,000 still overdue, so the rest may be on its way.
        await admin.RecordReceiptAsync(paid.Id, today.AddDays(-1), 300_000m, autoApply: true);
        await admin.RecordReceiptAsync(unapplied.Id, today, 200_000m);
        await admin.PostOkAsync<DunningBlockView>($"/api/customers/{blocked.Id}/dunning-blocks", new BlockDunning("律师函已发"));

        var list = await admin.GetAsync<WorklistView>(Team);

        Assert.Equal(plain.Id, list.Rows[0].CustomerId);
        var reasons = list.Rows.Skip(1).ToDictionary(r => r.CustomerId, r => r.SetAside);
        Assert.Equal("justPaid", reasons[paid.Id]);
        Assert.Equal("unappliedCash", reasons[unapplied.Id]);
        Assert.Equal("blocked", reasons[blocked.Id]);
        Assert.Equal("applyCash", list.Rows.Single(r => r.CustomerId == unapplied.Id).Action);

        // Four days after the payment, the customer who paid part is back among the ranked ones.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var later = await admin.GetAsync<WorklistView>(Team);
        Assert.Null(later.Rows.Single(r => r.CustomerId == paid.Id).SetAside);
    }

    [Fact]
    public async Task ASnooze_DropsTheCustomerUntilItsDay_AndAWakeUpBringsThemBack()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var executive = await admin.AsNewUserAsync(Role.Executive);
        var today = app.Clock.Today;
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-60), 20_000m, due: today.AddDays(-30));
        var url = $"/api/customers/{customer.Id}/snoozes";

        await CompanyApi.AssertProblemAsync(await collector.PostAsync(url, new SnoozeCustomer(today.AddDays(-1), "老板出差")), HttpStatusCode.UnprocessableEntity, "until");
        await CompanyApi.AssertProblemAsync(await collector.PostAsync(url, new SnoozeCustomer(today.AddDays(93), "老板出差")), HttpStatusCode.UnprocessableEntity, "until");
        await CompanyApi.AssertProblemAsync(await collector.PostAsync(url, new SnoozeCustomer(today.AddDays(3), " ")), HttpStatusCode.UnprocessableEntity, "reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostAsync(url, new SnoozeCustomer(today.AddDays(3), "x"))).StatusCode);
        var snooze = await collector.PostOkAsync<SnoozeView>(url, new SnoozeCustomer(today.AddDays(3), "老板出差，15号回来"));

        var snoozed = Assert.Single((await collector.GetAsync<WorklistView>(Team)).Dropped);
        Assert.Equal(("snoozed", today.AddDays(3)), (snoozed.SetAside, snoozed.SnoozedUntil));
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Empty((await collector.GetAsync<WorklistView>(Team)).Rows);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Single((await collector.GetAsync<WorklistView>(Team)).Rows);
        Assert.Equal(HttpStatusCode.Conflict, (await collector.PostAsync($"/api/worklist/snoozes/{snooze.Id}/end", new { })).StatusCode);

        var again = await collector.PostOkAsync<SnoozeView>(url, new SnoozeCustomer(app.Clock.Today.AddDays(10), "等盖章"));
        Assert.Empty((await collector.GetAsync<WorklistView>(Team)).Rows);
        var ended = await collector.PostOkAsync<SnoozeView>($"/api/worklist/snoozes/{again.Id}/end", new { });
        Assert.NotNull(ended.EndedAt);
        Assert.Single((await collector.GetAsync<WorklistView>(Team)).Rows);
        Assert.Equal(2, (await collector.GetAsync<List<SnoozeView>>(url)).Count);
    }

    [Fact]
    public async Task Assignment_BySalespersonOrRegion_AReassignmentOnTheCustomerWins_AndEachCollectorSeesTheirOwnUpToCapacity()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var east = await admin.AsNewUserAsync(Role.Collector);
        var south = await admin.AsNewUserAsync(Role.Collector);
        var lead = await admin.AsNewUserAsync(Role.CreditManager);
        var seller = await admin.SalespersonAsync("S1", "王销售");
        var a = await admin.PostOkAsync<CustomerView>("/api/customers", new CreateCustomer("E1", "华东一", Region: "华东"));
        var b = await admin.PostOkAsync<CustomerView>("/api/customers", new CreateCustomer("E2", "华东二", Region: "华东"));
        var c = await admin.PostOkAsync<CustomerView>("/api/customers", new CreateCustomer("S1", "王的客户", SalespersonId: seller.Id, Region: "华东"));
        var d = await admin.PostOkAsync<CustomerView>("/api/customers", new CreateCustomer("N1", "华北一", Region: "华北"));
        foreach (var (customer, amount) in new[] { (a, 300_000m), (b, 30_000m), (c, 3_000m), (d, 5_000m) })
        {
            await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-60), amount, due: today.AddDays(-30));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostAsync("/api/worklist/assignments", new SaveCollectorAssignment(east.UserId, Region: "华东"))).StatusCode);
        await CompanyApi.AssertProblemAsync(await lead.PostAsync("/api/worklist/assignments", new SaveCollectorAssignment(east.UserId)),
            HttpStatusCode.UnprocessableEntity, "salespersonId");
        var sales = await admin.AsNewUserAsync(Role.Salesperson, seller.Id);
        await CompanyApi.AssertProblemAsync(await lead.PostAsync("/api/worklist/assignments", new SaveCollectorAssignment(sales.UserId, Region: "华东")),
            HttpStatusCode.UnprocessableEntity, "collectorId");
        await lead.PostOkAsync<CollectorAssignmentView>("/api/worklist/assignments", new SaveCollectorAssignment(east.UserId, Region: " 华东 "));
        // More specific (salesperson and region) wins over the region alone.
        await lead.PostOkAsync<CollectorAssignmentView>("/api/worklist/assignments", new SaveCollectorAssignment(south.UserId, seller.Id, "华东"));

        // Each collector's own list: theirs, then by points the customers nobody is assigned to (the northern one).
        var eastList = await east.GetAsync<WorklistView>("/api/worklist");
        Assert.Equal([a.Id, b.Id, d.Id], eastList.Rows.Select(r => r.CustomerId));
        Assert.Null(eastList.Rows[2].CollectorId);
        Assert.Equal(new[] { c.Id, d.Id }.Order(), (await south.GetAsync<WorklistView>("/api/worklist")).Rows.Select(r => r.CustomerId).Order());
        Assert.Equal([a.Id, b.Id], (await lead.GetAsync<WorklistView>($"/api/worklist?team=true&collectorId={east.UserId}")).Rows.Select(r => r.CustomerId));

        // Reassigned by hand: the customer follows the collector named on it.
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsync($"/api/customers/{a.Id}/collector", new AssignCustomer(south.UserId))).StatusCode);
        Assert.Equal([b.Id, d.Id], (await east.GetAsync<WorklistView>("/api/worklist")).Rows.Select(r => r.CustomerId));

        // A capacity of one: the collector's list holds one customer, the team's view says how many wait.
        await CompanyApi.AssertProblemAsync(await lead.PutAsync($"/api/worklist/collectors/{south.UserId}/capacity", new SetCapacity(0)),
            HttpStatusCode.UnprocessableEntity, "capacity");
        await lead.PutOkAsync<CollectorView>($"/api/worklist/collectors/{south.UserId}/capacity", new SetCapacity(1));
        Assert.Equal([a.Id], (await south.GetAsync<WorklistView>("/api/worklist")).Rows.Select(r => r.CustomerId));
        Assert.Equal(3, (await south.GetAsync<WorklistView>("/api/worklist?everything=true")).Rows.Count);
        var team = await lead.GetAsync<WorklistView>(Team);
        var load = Assert.Single(team.Collectors, l => l.CollectorId == south.UserId);
        Assert.Equal((1, 2, 1), (load.Capacity, load.Rows, load.BeyondCapacity));
        // Nobody's: the northern customer waits unassigned on the team's list.
        Assert.Null(team.Rows.Single(r => r.CustomerId == d.Id).CollectorId);
        Assert.Equal(4 - 1, team.Rows.Count);
    }

    [Fact]
    public async Task TheRules_AreEditable_ByWhoeverManagesDunning_AndChangeTheRanking()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var today = app.Clock.Today;
        var old = await admin.CustomerAsync("老账");
        var large = await admin.CustomerAsync("大额");
        await admin.IssueInvoiceAsync(old.Id, today.AddDays(-400), 2_000m, due: today.AddDays(-365));
        await admin.IssueInvoiceAsync(large.Id, today.AddDays(-40), 2_000_000m, due: today.AddDays(-10));
        Assert.Equal(large.Id, (await admin.GetAsync<WorklistView>(Team)).Rows[0].CustomerId);

        var rules = await collector.GetAsync<List<WorklistRuleView>>("/api/worklist/rules");
        Assert.Equal(Huikuan.Domain.Collections.Worklist.Defaults.Count, rules.Count);
        var ninety = rules.Single(r => r.Kind == "daysPastDue" && r.Days == 90);
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PutAsync($"/api/worklist/rules/{ninety.Id}", new SaveWorklistRule("daysPastDue", 90, null, 200))).StatusCode);
        await CompanyApi.AssertProblemAsync(await admin.PutAsync($"/api/worklist/rules/{ninety.Id}", new SaveWorklistRule("daysPastDue", 90, 5m, 200)),
            HttpStatusCode.UnprocessableEntity, "amount");
        await CompanyApi.AssertProblemAsync(await admin.PostAsync("/api/worklist/rules", new SaveWorklistRule("phaseOfMoon", 1, null, 5)),
            HttpStatusCode.UnprocessableEntity, "kind");
        await CompanyApi.AssertProblemAsync(await admin.PostAsync("/api/worklist/rules", new SaveWorklistRule("1", null, 1m, 5)),
            HttpStatusCode.UnprocessableEntity, "kind");

        var edited = await admin.PutOkAsync<WorklistRuleView>($"/api/worklist/rules/{ninety.Id}", new SaveWorklistRule("daysPastDue", 365, null, 200));
        Assert.Equal((ninety.Id, 365, 200), (edited.Id, edited.Days, edited.Points));
        var top = (await admin.GetAsync<WorklistView>(Team)).Rows[0];
        Assert.Equal((old.Id, "daysPastDue", 200), (top.CustomerId, top.Reasons[0].Kind, top.Reasons[0].Points));

        var added = await admin.PostOkAsync<WorklistRuleView>("/api/worklist/rules", new SaveWorklistRule("overdueAmount", null, 1_500_000m, 300));
        Assert.Equal(large.Id, (await admin.GetAsync<WorklistView>(Team)).Rows[0].CustomerId);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync(new Uri($"/api/worklist/rules/{added.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(old.Id, (await admin.GetAsync<WorklistView>(Team)).Rows[0].CustomerId);

        var reset = await admin.PostOkAsync<List<WorklistRuleView>>("/api/worklist/rules/reset", new { });
        Assert.Equal(rules.Select(r => (r.Id, r.Kind, r.Days, r.Amount, r.Points)), reset.Select(r => (r.Id, r.Kind, r.Days, r.Amount, r.Points)));
    }

    [Fact]
    public async Task AnotherCurrency_CountsAtTheDaysRate_AndWithoutARate_IsNamedAsLeftOut()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var dollars = await admin.CustomerAsync("美元客户", currency: "USD");
        var euros = await admin.CustomerAsync("欧元客户", currency: "EUR");
        await admin.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", today.AddDays(-1), 7.10m));
        await admin.IssueInvoiceAsync(dollars.Id, today.AddDays(-60), 20_000m, due: today.AddDays(-30), currency: "USD");
        await admin.IssueInvoiceAsync(euros.Id, today.AddDays(-60), 20_000m, due: today.AddDays(-30), currency: "EUR");

        var list = await admin.GetAsync<WorklistView>(Team);

        var row = list.Rows.Single(r => r.CustomerId == dollars.Id);
        Assert.Equal(142_000m, row.Overdue);
        // ≥ 100,000 CNY once converted (35), ≥ 30 days (15), no contact (20).
        Assert.Equal(70, row.Points);
        Assert.Contains(list.Conversion.Missing, m => m.Currency == "EUR" && m.Amount == 20_000m);
    }

    [Fact]
    public async Task At0730InShanghai_WhatFellDueYesterdayIsOverdue_ThoughTheUtcDateIsStillYesterday()
    {
        var admin = await app.NewCompanyAsync();
        var day = new DateOnly(2026, 12, 7);
        app.Clock.SetShanghai(day, new TimeOnly(7, 30));
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, day.AddDays(-31), 5_000m, due: day.AddDays(-1));

        var list = await admin.GetAsync<WorklistView>(Team);

        Assert.Equal(day, list.Day);
        var row = Assert.Single(list.Rows);
        Assert.Equal(1, row.Reasons.Single(r => r.Kind == "daysPastDue").Days);
    }

    [Fact]
    public async Task ALargeItemFallingDueSoon_ListsAHabitualLatePayer_ButNotOneWhoPaysOnTime()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var late = await admin.CustomerAsync("常拖款");
        var punctual = await admin.CustomerAsync("按时付");
        foreach (var (customer, daysLate) in new[] { (late, 20), (punctual, -2) })
        {
            // Four items of the last months, each paid 20 days after its due date (or two days before it).
            for (var k = 1; k <= 4; k++)
            {
                var due = today.AddDays(-30 * k - 25);
                var invoice = await admin.IssueInvoiceAsync(customer.Id, due.AddDays(-30), 1_000m, due: due);
                var receipt = await admin.RecordReceiptAsync(customer.Id, due.AddDays(daysLate), 1_000m);
                await admin.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 1_000m);
            }
            await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-25), 80_000m, due: today.AddDays(5));
        }
        // Before the morning's credit run nobody's habit is known: nothing falling due is anyone's concern yet.
        Assert.Empty((await admin.GetAsync<WorklistView>(Team)).Rows);
        await admin.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });

        var list = await admin.GetAsync<WorklistView>(Team);

        var row = Assert.Single(list.Rows);
        Assert.Equal(late.Id, row.CustomerId);
        Assert.Equal(("largeItemDue", 80_000m, today.AddDays(5)), (row.Reasons[0].Kind, row.Reasons[0].Amount, row.Reasons[0].On));
        Assert.Equal((80_000m, 0m, "remindBeforeDue"), (row.AtStake, row.Overdue, row.Action));
    }

    [Fact]
    public async Task ACustomerWhoPaysAMonthLate_IsCalledAboutWhatJustFellDue_BeforeOneWhoPaysOnTimeOwingMore()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var late = await admin.CustomerAsync("月底才付");
        var punctual = await admin.CustomerAsync("准时付款");
        foreach (var (customer, daysLate) in new[] { (late, 35), (punctual, 0) })
        {
            for (var k = 1; k <= 5; k++)
            {
                var due = today.AddDays(-40 * k - 40);
                var invoice = await admin.IssueInvoiceAsync(customer.Id, due.AddDays(-30), 50_000m, due: due);
                var receipt = await admin.RecordReceiptAsync(customer.Id, due.AddDays(daysLate), 50_000m);
                await admin.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 50_000m);
            }
        }
        // Both have an item that fell due ten days ago; the punctual one owes more.
        await admin.IssueInvoiceAsync(late.Id, today.AddDays(-40), 120_000m, due: today.AddDays(-10));
        await admin.IssueInvoiceAsync(punctual.Id, today.AddDays(-40), 150_000m, due: today.AddDays(-10));
        await admin.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });

        var list = await admin.GetAsync<WorklistView>(Team);

        Assert.Equal([late.Id, punctual.Id], list.Rows.Select(r => r.CustomerId));
        var reason = list.Rows[0].Reasons[0];
        Assert.Equal(("latePayerRecentlyDue", 120_000m), (reason.Kind, reason.Amount));
        Assert.True(reason.Days >= 20, $"average days late {reason.Days}");
        Assert.DoesNotContain(list.Rows[1].Reasons, r => r.Kind == "latePayerRecentlyDue");
    }

    [Fact]
    public async Task ASalesperson_SeesOnlyTheirOwnCustomersOnTheList()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var mine = await admin.SalespersonAsync("S1", "Mine");
        var theirs = await admin.SalespersonAsync("S2", "Theirs");
        var sales = await admin.AsNewUserAsync(Role.Salesperson, mine.Id);
        var own = await admin.CustomerAsync(salespersonId: mine.Id);
        var other = await admin.CustomerAsync(salespersonId: theirs.Id);
        await admin.IssueInvoiceAsync(own.Id, today.AddDays(-60), 5_000m, due: today.AddDays(-30));
        await admin.IssueInvoiceAsync(other.Id, today.AddDays(-60), 500_000m, due: today.AddDays(-30));

        Assert.Equal([own.Id], (await sales.GetAsync<WorklistView>(Team)).Rows.Select(r => r.CustomerId));
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostAsync($"/api/customers/{other.Id}/snoozes", new SnoozeCustomer(today.AddDays(1), "x"))).StatusCode);
    }
}

public sealed class WorklistTestsOnSqlite(SqliteApp app) : WorklistTests(app), IClassFixture<SqliteApp>;

public sealed class WorklistTestsOnPostgres(PostgresApp app) : WorklistTests(app), IClassFixture<PostgresApp>;
