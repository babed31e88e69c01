using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Promises;

public abstract class PromiseTests(HuikuanApp app)
{
    [Fact]
    public async Task APromiseThatPassesItsDayAndGraceShortOfTheMoney_IsPartlyKept_AndOpensOneCreditReview()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-40), 5_000m, due: app.Clock.Today.AddDays(-10));
        var promisedOn = app.Clock.Today.AddDays(5);

        var promise = await collector.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(3_000m, promisedOn, Note: "电话确认，月底前付"));
        Assert.Equal(("open", 3_000m, app.Clock.Today), (promise.Status, promise.Amount, promise.MadeOn));

        // 1,000.00 comes in before the day: not enough. The day after the promised one it is still open (the grace of
        // two business days runs); the day after the grace, it is partly kept.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 1_000m);
        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(0, (await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { })).Opened);
        Assert.Equal("open", Assert.Single(await collector.GetAsync<List<PromiseView>>($"/api/customers/{customer.Id}/promises")).Status);
        app.Clock.SetToday(PromiseToPay.LastDay(promisedOn, PromiseToPay.DefaultGraceDays).AddDays(1));
        var first = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });
        var second = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });

        var after = Assert.Single(await collector.GetAsync<List<PromiseView>>($"/api/customers/{customer.Id}/promises"));
        Assert.Equal(("partlyKept", 1_000m), (after.Status, after.Paid));
        Assert.Equal(1, first.Opened);
        Assert.Equal(0, second.Opened);
        var review = Assert.Single(await manager.GetAsync<List<CreditReviewView>>("/api/credit/reviews"), r => r.CustomerId == customer.Id);
        Assert.Equal("BrokenPromise", review.Trigger);
        Assert.Equal($"3000.00 CNY {promisedOn:yyyy-MM-dd}", review.Detail);
    }

    [Fact]
    public async Task APromisePaidInFullByItsDay_IsKept_AndOpensNoReview()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-40), 5_000m, due: app.Clock.Today.AddDays(-10));
        await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(3_000m, app.Clock.Today.AddDays(3)));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 2_000m);
        await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 1_000m);

        // Kept as soon as the money is in, before the day; the scan stores it and opens nothing.
        Assert.Equal("kept", Assert.Single(await admin.GetAsync<List<PromiseView>>($"/api/customers/{customer.Id}/promises")).Status);
        app.Clock.Advance(TimeSpan.FromDays(5));
        var scan = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });
        Assert.DoesNotContain(await manager.GetAsync<List<CreditReviewView>>("/api/credit/reviews"), r => r.CustomerId == customer.Id);
        var stored = Assert.Single(await admin.GetAsync<List<PromiseView>>($"/api/customers/{customer.Id}/promises"));
        Assert.Equal(("kept", 3_000m), (stored.Status, stored.Paid));
        Assert.Equal(0, scan.Opened);
    }

    [Fact]
    public async Task Promises_AreRecordedByThoseWhoWorkTheCustomer_ForADayAhead_AndCanBeWithdrawnOnce()
    {
        var admin = await app.NewCompanyAsync();
        var executive = await admin.AsNewUserAsync(Role.Executive);
        var mine = await admin.SalespersonAsync("S1", "Mine");
        var theirs = await admin.SalespersonAsync("S2", "Theirs");
        var sales = await admin.AsNewUserAsync(Role.Salesperson, mine.Id);
        var customer = await admin.CustomerAsync(salespersonId: theirs.Id);
        var url = $"/api/customers/{customer.Id}/promises";

        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostAsync(url, new CreatePromise(100m, app.Clock.Today.AddDays(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostAsync(url, new CreatePromise(100m, app.Clock.Today.AddDays(1)))).StatusCode);
        var past = await admin.PostAsync(url, new CreatePromise(100m, app.Clock.Today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("promise.date", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var promise = await admin.PostOkAsync<PromiseView>(url, new CreatePromise(100m, app.Clock.Today.AddDays(1)));
        var withdrawn = await admin.PostOkAsync<PromiseView>($"/api/promises/{promise.Id}/cancel", new CancelPromise("客户改为下月付款"));
        Assert.Equal("cancelled", withdrawn.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/promises/{promise.Id}/cancel", new CancelPromise())).StatusCode);
    }
}

public sealed class PromiseTestsOnSqlite(SqliteApp app) : PromiseTests(app), IClassFixture<SqliteApp>;

public sealed class PromiseTestsOnPostgres(PostgresApp app) : PromiseTests(app), IClassFixture<PostgresApp>;
