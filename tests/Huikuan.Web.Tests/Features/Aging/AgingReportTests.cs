using System.Net;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Aging;

public abstract class AgingReportTests(HuikuanApp app)
{
    private DateOnly Today => app.Clock.Today;

    [Fact]
    public async Task Aging_PutsEachOpenItemInTheBucketOfItsDaysOverdue_AndTheBucketsAddUpToTheTotal()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        // Days overdue: -10 (not due), 0 (due today: not overdue), 1, 30, 31, 61, 91, 181, 366.
        int[] overdue = [-10, 0, 1, 30, 31, 61, 91, 181, 366];
        foreach (var days in overdue)
        {
            await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-days - 30), 100m, due: Today.AddDays(-days));
        }

        var report = await api.AgingAsync();

        Assert.Equal(["current", "1-30", "31-60", "61-90", "91-180", "181-365", "over-365"], report.BucketKeys);
        var row = Assert.Single(report.Rows.Items);
        Assert.Equal([200m, 200m, 100m, 100m, 100m, 100m, 100m], row.Buckets);
        Assert.Equal(900m, row.Total);
        Assert.Equal(report.Total, report.Totals.Sum());
        Assert.Equal(row.Buckets, report.Totals);
    }

    [Fact]
    public async Task Aging_AsOfAPastDate_ShowsWhatWasOpenThen()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var asOf = Today.AddDays(-60);
        var paidLater = await api.IssueInvoiceAsync(customer.Id, asOf.AddDays(-40), 100m, due: asOf.AddDays(-10));
        var paidBefore = await api.IssueInvoiceAsync(customer.Id, asOf.AddDays(-40), 50m, due: asOf.AddDays(-10));
        await api.IssueInvoiceAsync(customer.Id, asOf.AddDays(5), 70m, due: asOf.AddDays(35));   // issued after the as-of date
        var early = await api.RecordReceiptAsync(customer.Id, asOf.AddDays(-5), 50m);
        await api.AllocateAsync(early.Id, paidBefore.Installments[0].Id, 50m);
        var late = await api.RecordReceiptAsync(customer.Id, asOf.AddDays(20), 100m);
        await api.AllocateAsync(late.Id, paidLater.Installments[0].Id, 100m);

        var then = await api.AgingAsync($"&asOf={asOf:yyyy-MM-dd}");
        var now = await api.AgingAsync();

        Assert.Equal(100m, then.Total);
        Assert.Equal(100m, then.Totals[1]);   // 10 days overdue at the time
        Assert.Equal(70m, now.Total);
        Assert.Equal(0m, then.Unapplied);
    }

    [Fact]
    public async Task Aging_AsOfADateBeforeAReceiptWasReversed_CountsTheReceiptAsApplied()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-50), 80m, due: Today.AddDays(-20));
        var receipt = await api.RecordReceiptAsync(customer.Id, Today.AddDays(-15), 100m);
        await api.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 80m);
        await api.PostOkAsync<ReceiptView>($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("bounced"));

        var before = await api.AgingAsync($"&asOf={Today.AddDays(-1):yyyy-MM-dd}");
        var after = await api.AgingAsync();

        Assert.Equal((0m, 20m), (before.Total, before.Unapplied));
        Assert.Equal((80m, 0m), (after.Total, after.Unapplied));
    }

    [Fact]
    public async Task Aging_ByInvoiceDateWithCustomBuckets_AgesFromTheInvoiceDate()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-20), 10m, due: Today.AddDays(40));
        await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-50), 20m, due: Today.AddDays(10));

        var report = await api.AgingAsync("&basis=invoiceDate&buckets=15,45");

        Assert.Equal(["current", "1-15", "16-45", "over-45"], report.BucketKeys);
        Assert.Equal([0m, 0m, 10m, 20m], report.Totals);
        Assert.Equal("invoiceDate", report.Basis);
    }

    [Fact]
    public async Task Aging_BySalesperson_SumsTheirCustomers()
    {
        var api = await app.NewCompanyAsync();
        var wang = await api.SalespersonAsync("S1", "王芳");
        var li = await api.SalespersonAsync("S2", "李强");
        foreach (var (person, amount) in new[] { (wang, 10m), (wang, 20m), (li, 5m) })
        {
            var c = await api.CustomerAsync(salespersonId: person.Id);
            await api.IssueInvoiceAsync(c.Id, Today.AddDays(-40), amount, due: Today.AddDays(-10));
        }
        var report = await api.AgingAsync("&groupBy=salesperson");
        Assert.Equal([("王芳", 30m), ("李强", 5m)], report.Rows.Items.Select(r => (r.Name, r.Total)));
        var mine = await api.AgingAsync($"&salespersonId={li.Id}");
        Assert.Equal(5m, mine.Total);
    }

    [Fact]
    public async Task DrillDown_ListsTheInstallmentsBehindACell()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var inBucket = await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-70), 33m, due: Today.AddDays(-40));
        await api.IssueInvoiceAsync(customer.Id, Today.AddDays(-20), 44m, due: Today.AddDays(10));

        var items = await api.GetAsync<Page<AgingItem>>($"/api/aging/items?customerId={customer.Id}&bucket=31-60");

        var item = Assert.Single(items.Items);
        Assert.Equal((inBucket.Number, 40, "31-60", 33m), (item.InvoiceNumber, item.AgeDays, item.Bucket, item.Open));
    }

    [Fact]
    public async Task DrillDown_AsOfAPastDate_ListsOnlyWhatWasOpenThen()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var asOf = Today.AddDays(-30);
        var settledBefore = await api.IssueInvoiceAsync(customer.Id, asOf.AddDays(-60), 10m, due: asOf.AddDays(-30));
        var settledAfter = await api.IssueInvoiceAsync(customer.Id, asOf.AddDays(-60), 20m, due: asOf.AddDays(-30));
        var r1 = await api.RecordReceiptAsync(customer.Id, asOf.AddDays(-5), 10m);
        await api.AllocateAsync(r1.Id, settledBefore.Installments[0].Id, 10m);
        var r2 = await api.RecordReceiptAsync(customer.Id, asOf.AddDays(5), 20m);
        await api.AllocateAsync(r2.Id, settledAfter.Installments[0].Id, 20m);

        var items = await api.GetAsync<Page<AgingItem>>($"/api/aging/items?asOf={asOf:yyyy-MM-dd}");

        var item = Assert.Single(items.Items);
        Assert.Equal((settledAfter.Number, 20m, "1-30"), (item.InvoiceNumber, item.Open, item.Bucket));
        Assert.Empty((await api.GetAsync<Page<AgingItem>>("/api/aging/items")).Items);
    }

    [Fact]
    public async Task Aging_WithBadBuckets_IsRefusedNamingTheParameter()
    {
        var api = await app.NewCompanyAsync();
        var response = await api.Http.GetAsync(new Uri("/api/aging?buckets=60,30", UriKind.Relative));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "buckets");
    }
}

public sealed class AgingReportTestsOnSqlite(SqliteApp app) : AgingReportTests(app), IClassFixture<SqliteApp>;

public sealed class AgingReportTestsOnPostgres(PostgresApp app) : AgingReportTests(app), IClassFixture<PostgresApp>;
