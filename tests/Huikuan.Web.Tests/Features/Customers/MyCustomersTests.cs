using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Customers;

/// <summary>
/// A salesperson's home (/api/my-customers): their own customers' overdue, promises due and broken, and what was
/// collected on their items this business month against last month, in the company's currency. Each test sets the
/// clock first: the class's tests share it.
/// </summary>
public abstract class MyCustomersTests(HuikuanApp app)
{
    private static readonly DateOnly Dec1 = new(2026, 12, 1);

    private sealed record Team(CompanyApi Admin, CompanyApi Sales, Guid Mine, Guid Theirs);

    /// <summary>Two salespeople; the user signed in as the first.</summary>
    private async Task<Team> TeamAsync()
    {
        var admin = await app.NewCompanyAsync();
        var mine = await admin.SalespersonAsync("S1", "王业务");
        var theirs = await admin.SalespersonAsync("S2", "李业务");
        return new Team(admin, await admin.AsNewUserAsync(Role.Salesperson, mine.Id), mine.Id, theirs.Id);
    }

    [Fact]
    public async Task ASalesperson_SeesTheirOwnCustomersOverdue_MostOverdueFirst_AndNoneOfAnotherSalespersons()
    {
        app.Clock.SetToday(Dec1);
        var team = await TeamAsync();
        var small = await team.Admin.CustomerAsync("小客户", salespersonId: team.Mine);
        var large = await team.Admin.CustomerAsync("大客户", salespersonId: team.Mine);
        var paid = await team.Admin.CustomerAsync("按时客户", salespersonId: team.Mine);
        var other = await team.Admin.CustomerAsync("别人的客户", salespersonId: team.Theirs);
        await team.Admin.IssueInvoiceAsync(small.Id, new DateOnly(2026, 10, 1), 1_000.01m, due: new DateOnly(2026, 11, 1));
        await team.Admin.IssueInvoiceAsync(large.Id, new DateOnly(2026, 10, 1), 5_000m, due: new DateOnly(2026, 11, 30));
        await team.Admin.IssueInvoiceAsync(large.Id, new DateOnly(2026, 11, 1), 7_000m, due: Dec1);          // due today: not overdue
        await team.Admin.IssueInvoiceAsync(paid.Id, new DateOnly(2026, 11, 20), 3_000m, due: new DateOnly(2026, 12, 20));
        await team.Admin.IssueInvoiceAsync(other.Id, new DateOnly(2026, 10, 1), 900_000m, due: new DateOnly(2026, 11, 1));

        var view = await team.Sales.GetAsync<MyCustomersView>("/api/my-customers");

        Assert.Equal(("CNY", Dec1, 3), (view.Currency, view.AsOf, view.CustomerCount));
        Assert.Equal((6_000.01m, 2), (view.Overdue, view.OverdueCustomers));
        Assert.Equal([(large.Id, "大客户", 5_000m), (small.Id, "小客户", 1_000.01m)], view.TopOverdue.Select(t => (t.Id, t.Name, t.Overdue)));
        Assert.DoesNotContain(view.TopOverdue, t => t.Id == other.Id);
    }

    [Fact]
    public async Task OtherRoles_AreNotOfferedThePage_ForTheyReadTheWholeCompanyOnTheDashboardAndTheWorklist()
    {
        app.Clock.SetToday(Dec1);
        var team = await TeamAsync();

        foreach (var role in new[] { Role.Admin, Role.Executive, Role.Collector, Role.CreditManager, Role.Accountant })
        {
            var user = role == Role.Admin ? team.Admin : await team.Admin.AsNewUserAsync(role);
            var response = await user.Http.GetAsync("/api/my-customers");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Collected_IsThisBusinessMonthsReceiptsOnMyItems_InTheCompanysCurrency_AgainstLastMonth()
    {
        app.Clock.SetToday(new DateOnly(2026, 11, 20));
        var team = await TeamAsync();
        await team.Admin.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 11, 1), 7.1m));
        var cny = await team.Admin.CustomerAsync("人民币客户", salespersonId: team.Mine);
        var usd = await team.Admin.CustomerAsync("美元客户", salespersonId: team.Mine, currency: "USD");
        var other = await team.Admin.CustomerAsync("别人的客户", salespersonId: team.Theirs);
        await team.Admin.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 10, 1), 10_000m, due: new DateOnly(2026, 11, 1));
        await team.Admin.IssueInvoiceAsync(usd.Id, new DateOnly(2026, 10, 1), 1_000m, due: new DateOnly(2026, 12, 1), currency: "USD");
        await team.Admin.IssueInvoiceAsync(other.Id, new DateOnly(2026, 10, 1), 50_000m, due: new DateOnly(2026, 11, 1));
        await team.Admin.RecordReceiptAsync(cny.Id, new DateOnly(2026, 11, 20), 2_500m, autoApply: true);        // last month
        await team.Admin.RecordReceiptAsync(other.Id, new DateOnly(2026, 11, 20), 40_000m, autoApply: true);
        // Unapplied cash is not collected on an item.
        await team.Admin.RecordReceiptAsync(cny.Id, new DateOnly(2026, 11, 20), 999m);

        app.Clock.SetToday(new DateOnly(2026, 12, 3));
        await team.Admin.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 12, 2), 7.2m));
        await team.Admin.RecordReceiptAsync(cny.Id, new DateOnly(2026, 12, 2), 1_000.50m, autoApply: true);
        await team.Admin.RecordReceiptAsync(usd.Id, new DateOnly(2026, 12, 3), 300.01m, autoApply: true, currency: "USD");
        await team.Admin.RecordReceiptAsync(other.Id, new DateOnly(2026, 12, 3), 10_000m, autoApply: true);

        var view = await team.Sales.GetAsync<MyCustomersView>("/api/my-customers");

        // 300.01 USD × 7.2 = 2,160.072 → 2,160.07, at today's rate for both months.
        Assert.Equal((Dec1, new DateOnly(2026, 12, 3)), (view.MonthStart, view.AsOf));
        Assert.Equal(1_000.50m + 2_160.07m, view.CollectedThisMonth);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 2_500m), (view.LastMonthStart, view.LastMonthEnd, view.CollectedLastMonth));
        Assert.Equal([new TotalRate("USD", 7.2m, new DateOnly(2026, 12, 2), false)], view.Conversion.Rates);
        Assert.Empty(view.Conversion.Missing);
    }

    [Fact]
    public async Task At0730InShanghaiOnThe1st_TheBusinessDayIsTheNewMonths_SoItsReceiptsCountForIt()
    {
        app.Clock.SetToday(new DateOnly(2026, 11, 30));
        var team = await TeamAsync();
        var cny = await team.Admin.CustomerAsync(salespersonId: team.Mine);
        await team.Admin.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 10, 1), 10_000m, due: new DateOnly(2026, 11, 1));
        await team.Admin.RecordReceiptAsync(cny.Id, new DateOnly(2026, 11, 30), 100m, autoApply: true);

        // 07:30 on 1 December in Shanghai is still 30 November in UTC.
        app.Clock.SetShanghai(Dec1, new TimeOnly(7, 30));
        await team.Admin.RecordReceiptAsync(cny.Id, Dec1, 40m, autoApply: true);
        var view = await team.Sales.GetAsync<MyCustomersView>("/api/my-customers");

        Assert.Equal((Dec1, Dec1), (view.AsOf, view.MonthStart));
        Assert.Equal((40m, 100m), (view.CollectedThisMonth, view.CollectedLastMonth));
    }

    [Fact]
    public async Task Promises_DueTodayTomorrowAndThisWeek_InGrace_AndBroken_OthersLeftOut()
    {
        var monday = new DateOnly(2026, 11, 30);
        app.Clock.SetToday(monday.AddDays(-14));
        var team = await TeamAsync();
        var a = await team.Admin.CustomerAsync("甲公司", salespersonId: team.Mine);
        var b = await team.Admin.CustomerAsync("乙公司", salespersonId: team.Mine);
        var other = await team.Admin.CustomerAsync("丙公司", salespersonId: team.Theirs);
        await team.Admin.IssueInvoiceAsync(a.Id, monday.AddDays(-60), 50_000m, due: monday.AddDays(-30));
        await team.Admin.IssueInvoiceAsync(b.Id, monday.AddDays(-60), 50_000m, due: monday.AddDays(-30));
        // Promised two weeks before for a day long past (and its grace too): broken, whether or not the daily run decided it.
        var broken = await Promise(a.Id, 800m, monday.AddDays(-10));
        app.Clock.SetToday(monday.AddDays(-1));
        var grace = await Promise(b.Id, 700m, monday.AddDays(-1));
        var today = await Promise(a.Id, 100m, monday);
        var tomorrow = await Promise(b.Id, 200m, monday.AddDays(1));
        var thursday = await Promise(a.Id, 300m, monday.AddDays(3));
        var sunday = await Promise(b.Id, 400m, monday.AddDays(6));
        await Promise(a.Id, 500m, monday.AddDays(7));               // next week
        await Promise(other.Id, 600m, monday);                       // another salesperson's customer
        var cancelled = await Promise(b.Id, 900m, monday);
        await team.Admin.PostOkAsync<PromiseView>($"/api/promises/{cancelled}/cancel", new CancelPromise("记错了"));
        app.Clock.SetToday(monday);

        var view = await team.Sales.GetAsync<MyCustomersView>("/api/my-customers");

        Assert.Equal(
            [(broken, "broken", 800m), (grace, "grace", 700m), (today, "today", 100m), (tomorrow, "tomorrow", 200m), (thursday, "thisWeek", 300m),
                (sunday, "thisWeek", 400m)],
            view.Promises.Select(p => (p.Id, p.When, p.Amount)));
        Assert.Equal(("甲公司", "CNY", 0m), (view.Promises[0].CustomerName, view.Promises[0].Currency, view.Promises[0].Paid));

        async Task<Guid> Promise(Guid customer, decimal amount, DateOnly on) =>
            (await team.Admin.PostOkAsync<PromiseView>($"/api/customers/{customer}/promises", new CreatePromise(amount, on))).Id;
    }

    [Fact]
    public async Task TheCustomerPagesHead_ShowsTheGrade_TheEarliestOpenPromise_AndTheLatestContactsNextStep()
    {
        app.Clock.SetToday(Dec1);
        var team = await TeamAsync();
        var customer = await team.Admin.CustomerAsync("头部客户", salespersonId: team.Mine);
        var other = await team.Admin.CustomerAsync(salespersonId: team.Theirs);
        var empty = await team.Sales.GetAsync<CustomerSummaryView>($"/api/customers/{customer.Id}/summary");
        Assert.Equal((null, null), (empty.Promise, empty.LatestContact));
        Assert.False(string.IsNullOrEmpty(empty.Grade));

        await team.Admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(500m, Dec1.AddDays(9)));
        await team.Admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(300.5m, Dec1.AddDays(4)));
        await team.Sales.PostOkAsync<Huikuan.Web.Features.Contacts.LoggedContactView>($"/api/customers/{customer.Id}/contact-log",
            new Huikuan.Web.Features.Contacts.LogContact(Huikuan.Domain.Collections.ContactKind.Call, Huikuan.Domain.Collections.ContactOutcome.LeftMessage,
                NextStep: "周三再打给财务", NextStepOn: Dec1.AddDays(2)));
        var view = await team.Sales.GetAsync<CustomerSummaryView>($"/api/customers/{customer.Id}/summary");

        Assert.Equal((Dec1.AddDays(4), 300.5m, "CNY"), (view.Promise!.PromisedOn, view.Promise.Amount, view.Promise.Currency));
        Assert.Equal(("Call", Dec1, "周三再打给财务", (DateOnly?)Dec1.AddDays(2)),
            (view.LatestContact!.Kind, view.LatestContact.On, view.LatestContact.NextStep, view.LatestContact.NextStepOn));
        Assert.Equal(HttpStatusCode.NotFound, (await team.Sales.Http.GetAsync($"/api/customers/{other.Id}/summary")).StatusCode);
    }
}

public sealed class MyCustomersTestsOnSqlite(SqliteApp app) : MyCustomersTests(app), IClassFixture<SqliteApp>;

public sealed class MyCustomersTestsOnPostgres(PostgresApp app) : MyCustomersTests(app), IClassFixture<PostgresApp>;
