using Huikuan.Domain.Access;
using Huikuan.Web.Features.Dashboard;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Dashboard;

public abstract class DashboardTests(HuikuanApp app)
{
    // Today is 2026-11-23 (TestClock): the month is November 2026.
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    [Fact]
    public async Task Dashboard_SumsReceivablesOverdueAndTheMonthsCollectionRate()
    {
        var api = await app.NewCompanyAsync();
        var a = await api.CustomerAsync("甲公司");
        var b = await api.CustomerAsync("乙公司");
        var dueNov10 = await api.IssueInvoiceAsync(a.Id, new DateOnly(2026, 10, 11), 1000m, due: Nov1.AddDays(9));
        await api.IssueInvoiceAsync(a.Id, Nov1, 500m, due: new DateOnly(2026, 12, 5));
        var dueAug = await api.IssueInvoiceAsync(b.Id, new DateOnly(2026, 7, 2), 300m, due: new DateOnly(2026, 8, 1));
        await api.IssueInvoiceAsync(b.Id, Nov1, 200m, due: new DateOnly(2026, 11, 30));
        var paidInPart = await api.RecordReceiptAsync(a.Id, Nov1.AddDays(14), 400m);
        await api.AllocateAsync(paidInPart.Id, dueNov10.Installments[0].Id, 400m);           // collected in November
        var paidInOctober = await api.RecordReceiptAsync(b.Id, new DateOnly(2026, 10, 20), 300m);
        await api.AllocateAsync(paidInOctober.Id, dueAug.Installments[0].Id, 300m);           // collected before the month
        await api.RecordReceiptAsync(b.Id, Nov1.AddDays(2), 50m);                              // received, not applied: not collected

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((app.Clock.Today, "CNY"), (view.AsOf, view.Currency));
        Assert.Equal(1300m, view.Receivables);                      // 600 + 500 + 200
        Assert.Equal(600m, view.Overdue);                           // what is left of the invoice due on Nov 10
        Assert.Equal(600m / 1300m, view.OverdueShare);
        Assert.Equal(["current", "1-30", "31-60", "61-90", "91-180", "181-365", "over-365"], view.BucketKeys);
        Assert.Equal([700m, 600m, 0m, 0m, 0m, 0m, 0m], view.Buckets);
        var top = Assert.Single(view.TopOverdue);
        Assert.Equal((a.Id, "甲公司", 600m, 1100m), (top.Id, top.Name, top.Overdue, top.Receivable));
        Assert.Equal((Nov1, app.Clock.Today), (view.MonthStart, view.Through));
        Assert.Equal(400m, view.CollectedThisMonth);
        Assert.Equal(1000m, view.DueToDate);                        // due Nov 10, paid or not; Nov 30 is still to come
        Assert.Equal(400m / 1000m, view.CollectionRate);
        Assert.Equal(1, view.PartialFollowUps);
    }

    [Fact]
    public async Task Dashboard_AfterAnAllocationIsUndone_NoLongerCountsItAsCollected()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Nov1, 100m, due: Nov1.AddDays(5));
        var receipt = await api.RecordReceiptAsync(customer.Id, Nov1.AddDays(6), 100m);
        var allocation = await api.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 100m);
        Assert.Equal(1m, (await api.GetAsync<DashboardView>("/api/dashboard")).CollectionRate);

        await api.PostOkAsync<Huikuan.Web.Features.Allocations.AllocationView>($"/api/allocations/{allocation.Id}/reverse",
            new Huikuan.Web.Features.Allocations.ReverseAllocation("applied to the wrong invoice"));
        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((0m, 100m, (decimal?)0m), (view.CollectedThisMonth, view.DueToDate, view.CollectionRate));
        Assert.Equal((100m, 100m), (view.Receivables, view.Overdue));
    }

    /// <summary>本月到期回款率 compares like with like: what fell due from the 1st to today, not the whole month's due.</summary>
    [Fact]
    public async Task CollectionRate_CountsWhatFellDueUpToToday_NotTheRestOfTheMonth()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var today = app.Clock.Today;                                                          // 2026-11-23
        var early = await api.IssueInvoiceAsync(customer.Id, Nov1.AddDays(-20), 300m, due: Nov1.AddDays(4));
        var dueToday = await api.IssueInvoiceAsync(customer.Id, Nov1.AddDays(-10), 200m, due: today); // due today: counted
        await api.IssueInvoiceAsync(customer.Id, Nov1, 1000m, due: today.AddDays(1));          // tomorrow: not yet
        await api.IssueInvoiceAsync(customer.Id, Nov1, 500m, due: new DateOnly(2026, 11, 30));
        var october = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 10, 1), 80m, due: new DateOnly(2026, 10, 31)); // last month
        var receipt = await api.RecordReceiptAsync(customer.Id, Nov1.AddDays(6), 250m);
        await api.AllocateAsync(receipt.Id, early.Installments[0].Id, 250m);
        var oldDebt = await api.RecordReceiptAsync(customer.Id, Nov1.AddDays(7), 80m);        // pays last month's item this month
        await api.AllocateAsync(oldDebt.Id, october.Installments[0].Id, 80m);
        var paidEarly = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 10, 25), 50m); // pays this month's item early
        await api.AllocateAsync(paidEarly.Id, dueToday.Installments[0].Id, 50m);

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((Nov1, today), (view.MonthStart, view.Through));
        Assert.Equal((300m, 500m), (view.CollectedThisMonth, view.DueToDate));
        Assert.Equal(0.6m, view.CollectionRate);                                              // not 300 / 2,000, nor 330 / 500
    }

    [Fact]
    public async Task CollectionRate_BeforeAnythingFallsDueThisMonth_IsNotAFigure()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, Nov1, 900m, due: app.Clock.Today.AddDays(2));

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((0m, (decimal?)null), (view.DueToDate, view.CollectionRate));
    }

    [Fact]
    public async Task Dashboard_OfANewCompany_HasNoRatesToShow()
    {
        var api = await app.NewCompanyAsync();

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((0m, 0m, (decimal?)null, (decimal?)null), (view.Receivables, view.Overdue, view.OverdueShare, view.CollectionRate));
        Assert.Empty(view.TopOverdue);
        Assert.Equal(0, view.PartialFollowUps);
    }

    [Fact]
    public async Task Dashboard_ForASalesperson_CountsOnlyTheirCustomers()
    {
        var admin = await app.NewCompanyAsync();
        var wang = await admin.SalespersonAsync("S1", "王芳");
        var li = await admin.SalespersonAsync("S2", "李强");
        var mine = await admin.CustomerAsync(salespersonId: wang.Id);
        var theirs = await admin.CustomerAsync(salespersonId: li.Id);
        await admin.IssueInvoiceAsync(mine.Id, Nov1.AddDays(-40), 70m, due: Nov1.AddDays(-10));
        await admin.IssueInvoiceAsync(theirs.Id, Nov1.AddDays(-40), 900m, due: Nov1.AddDays(-10));
        var sales = await admin.AsNewUserAsync(Role.Salesperson, wang.Id);

        var view = await sales.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((70m, 70m), (view.Receivables, view.Overdue));
        Assert.Equal([mine.Id], view.TopOverdue.Select(t => t.Id));
        Assert.Equal(970m, (await admin.GetAsync<DashboardView>("/api/dashboard")).Receivables);
    }
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
