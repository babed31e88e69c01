using System.Globalization;
using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Features.BankStatements.Matching;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Tests.Features.BankStatements;
using Huikuan.Web.Tests.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Promises;

/// <summary>
/// Promises decided from the receipts after the grace (2 business days unless the company sets another), stored after
/// every receipt and reversal and by the daily credit run. Each test starts on a Monday after the clock's day.
/// </summary>
public abstract class PromiseResolutionTests(HuikuanApp app)
{
    [Fact]
    public async Task AReceiptPostedThenReversed_TakesBackTheKeptPromise_WhichBreaksWhenTheGraceRunsOut()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(2_000m, monday.AddDays(2)));

        app.Clock.SetToday(monday.AddDays(1));
        var receipt = await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 2_000m);
        Assert.Equal((PromiseStatus.Kept, 200_000L), await StoredAsync(promise.Id));

        // The cheque bounces: the promise is short again while its grace runs, and open.
        await admin.PostOkAsync<ReceiptView>($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("支票退票"));
        Assert.Equal((PromiseStatus.Open, 0L), await StoredAsync(promise.Id));
        Assert.Equal(("open", 0m), await ViewAsync(admin, customer.Id, promise.Id));

        // Promised Wednesday, last day of grace Friday: on Saturday the daily run finds it broken and opens a review.
        app.Clock.SetToday(monday.AddDays(4));
        Assert.Equal(0, (await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { })).Reviews.Opened);
        app.Clock.SetToday(monday.AddDays(5));
        var run = await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal((PromiseStatus.Broken, 0L), await StoredAsync(promise.Id));
        Assert.Equal(1, run.Reviews.Opened);
        Assert.Equal("BrokenPromise", Assert.Single(await manager.GetAsync<List<CreditReviewView>>($"/api/credit/reviews?customerId={customer.Id}")).Trigger);
    }

    [Fact]
    public async Task APaymentPostedFromTheBankStatement_KeepsThePromise_AndUndoingTheLineOpensItAgain()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(admin, "6222020000778899");
        var customer = await admin.CustomerAsync("杭州信达机电有限公司");
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(600m, monday.AddDays(2)));
        var file = BankFiles.Mt940("6222020000778899", "CNY", 0m, (monday.ToString("yyMMdd", CultureInfo.InvariantCulture), 600m, "B1", "货款"));
        var line = Assert.Single(await BankFiles.LinesAsync(admin, await BankFiles.ImportOkAsync(admin, file, "statement.sta")));

        await admin.PostOkAsync<PostedBankLines>($"/api/bank-statements/lines/{line.Id}/confirm", new ConfirmBankLine(customer.Id, []));
        Assert.Equal((PromiseStatus.Kept, 60_000L), await StoredAsync(promise.Id));
        await admin.PostOkAsync<BankStatementLineView>($"/api/bank-statements/lines/{line.Id}/undo", new UndoBankLine("付款人不是该客户"));
        Assert.Equal((PromiseStatus.Open, 0L), await StoredAsync(promise.Id));
    }

    [Fact]
    public async Task TwoPromisesAndOnePayment_FillTheOlderFirst_AndTheNewerEndsPartlyKept_WithACreditReview()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var newer = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(1_000m, monday.AddDays(3)));
        var older = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(1_000m, monday.AddDays(1)));

        await admin.RecordReceiptAsync(customer.Id, monday, 1_500m);
        Assert.Equal((PromiseStatus.Kept, 100_000L), await StoredAsync(older.Id));
        Assert.Equal((PromiseStatus.Open, 50_000L), await StoredAsync(newer.Id));

        // Promised Thursday, grace Friday and Monday: decided on Tuesday.
        app.Clock.SetToday(monday.AddDays(7));
        await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal(("open", 500m), await ViewAsync(admin, customer.Id, newer.Id));
        app.Clock.SetToday(monday.AddDays(8));
        Assert.Equal(("partlyKept", 500m), await ViewAsync(admin, customer.Id, newer.Id));
        var run = await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal((PromiseStatus.PartlyKept, 50_000L), await StoredAsync(newer.Id));
        Assert.Equal((PromiseStatus.Kept, 100_000L), await StoredAsync(older.Id));
        Assert.Equal(1, run.Reviews.Opened);
        var review = Assert.Single(await manager.GetAsync<List<CreditReviewView>>($"/api/credit/reviews?customerId={customer.Id}"));
        Assert.Equal(("BrokenPromise", $"1000.00 CNY {monday.AddDays(3):yyyy-MM-dd}"), (review.Trigger, review.Detail));
    }

    [Fact]
    public async Task APromiseKeptForGood_KeepsTheReceiptThatKeptIt_SoTheNextReceiptStillCountsForTheNewerPromise()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var older = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(1_000m, monday.AddDays(1)));
        await admin.RecordReceiptAsync(customer.Id, monday, 1_000m);

        // Thursday, the older promise's last day of grace: a newer promise, and the money for it the same day.
        app.Clock.SetToday(monday.AddDays(3));
        var newer = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(1_000m, monday.AddDays(8)));
        await admin.RecordReceiptAsync(customer.Id, monday.AddDays(3), 1_000m);

        app.Clock.SetToday(monday.AddDays(4));
        await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal((PromiseStatus.Kept, 100_000L), await StoredAsync(older.Id));
        Assert.Equal((PromiseStatus.Kept, 100_000L), await StoredAsync(newer.Id));
        Assert.Equal(("kept", 1_000m), await ViewAsync(admin, customer.Id, newer.Id));
    }

    [Fact]
    public async Task APaymentOnTheLastDayOfGrace_KeepsThePromise_AndDunningWaitsUntilThen()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "pay@late.example", null);
        await admin.IssueInvoiceAsync(customer.Id, monday.AddDays(-60), 1_000m, due: monday.AddDays(-30));
        // Promised on Friday: the grace runs over the weekend to Tuesday.
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(1_000m, monday.AddDays(4)));

        app.Clock.SetToday(monday.AddDays(7));
        Assert.Equal(("open", 0m), await ViewAsync(admin, customer.Id, promise.Id));
        Assert.Equal("promiseToPay", Assert.Single((await admin.GetAsync<DunningPreview>("/api/dunning/preview")).Rows, r => r.CustomerId == customer.Id).Reason);

        app.Clock.SetShanghai(monday.AddDays(8), new TimeOnly(23, 30));
        await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 1_000m);
        Assert.Equal((PromiseStatus.Kept, 100_000L), await StoredAsync(promise.Id));
        app.Clock.SetToday(monday.AddDays(9));
        Assert.Equal(("kept", 1_000m), await ViewAsync(admin, customer.Id, promise.Id));
    }

    [Fact]
    public async Task AReceiptInAnotherCurrency_OrFromBeforeThePromise_DoesNotCount()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        await admin.RecordReceiptAsync(customer.Id, monday, 1_000m);
        app.Clock.SetToday(monday.AddDays(1));
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(1_000m, monday.AddDays(1)));

        await admin.RecordReceiptAsync(customer.Id, monday.AddDays(1), 1_000m, currency: "USD");
        Assert.Equal((PromiseStatus.Open, 0L), await StoredAsync(promise.Id));
        app.Clock.SetToday(monday.AddDays(4));
        Assert.Equal(("broken", 0m), await ViewAsync(admin, customer.Id, promise.Id));
    }

    [Fact]
    public async Task AtHalfPastSevenInShanghai_ThePromiseIsDecidedOnTheCompanysDay_NotTheUtcOne()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(800m, monday));

        // Last day of grace Wednesday. Thursday 07:30 in Shanghai is still Wednesday in UTC.
        app.Clock.SetShanghai(monday.AddDays(3), new TimeOnly(7, 30));
        await admin.RecordReceiptAsync(customer.Id, monday.AddDays(3), 300m);
        Assert.Equal(("broken", 0m), await ViewAsync(admin, customer.Id, promise.Id));
        var run = await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal(monday.AddDays(3), run.AsOf);
        Assert.Equal((PromiseStatus.Broken, 0L), await StoredAsync(promise.Id));
        Assert.Equal(monday.AddDays(3), await app.WithDbAsync(db => db.PaymentPromises.Where(p => p.Id == promise.Id).Select(p => p.ResolvedOn).SingleAsync()));
    }

    [Fact]
    public async Task TheKeptRate_OfACollector_CountsTheirPromisesAcrossCustomers_AndOfACustomerEveryCollectors()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var first = await admin.CustomerAsync();
        var second = await admin.CustomerAsync();
        var kept = await collector.PostOkAsync<PromiseView>($"/api/customers/{first.Id}/promises", new CreatePromise(1_000m, monday.AddDays(1)));
        var partly = await collector.PostOkAsync<PromiseView>($"/api/customers/{second.Id}/promises", new CreatePromise(1_000m, monday.AddDays(1)));
        var withdrawn = await collector.PostOkAsync<PromiseView>($"/api/customers/{second.Id}/promises", new CreatePromise(5_000m, monday.AddDays(2)));
        await collector.PostOkAsync<PromiseView>($"/api/promises/{withdrawn.Id}/cancel", new CancelPromise("重复记录"));
        var theirs = await admin.PostOkAsync<PromiseView>($"/api/customers/{first.Id}/promises", new CreatePromise(400m, monday.AddDays(2)));
        var running = await collector.PostOkAsync<PromiseView>($"/api/customers/{first.Id}/promises", new CreatePromise(700m, monday.AddDays(30)));
        await admin.RecordReceiptAsync(first.Id, monday, 1_000m);
        await admin.RecordReceiptAsync(second.Id, monday, 250m);

        // The grace of the first three is over on Friday (before any daily run): the rates read today's statuses.
        app.Clock.SetToday(monday.AddDays(5));
        var mine = await admin.GetAsync<PromiseKeptRateView>($"/api/promises/kept-rate?collector={Uri.EscapeDataString(collector.UserEmail!)}");
        Assert.Equal((2, 1, 1, 0, 0, 0.5m), (mine.Decided, mine.Kept, mine.PartlyKept, mine.Broken, mine.Open, mine.ByCount));
        var cny = Assert.Single(mine.ByAmount);
        Assert.Equal(("CNY", 2_000m, 1_250m, 0.625m), (cny.Currency, cny.Promised, cny.Paid, cny.Rate));

        // The customer's, with a period that takes in the promise still running.
        var customer = await collector.GetAsync<PromiseKeptRateView>($"/api/promises/kept-rate?customerId={first.Id}&to={monday.AddDays(40):yyyy-MM-dd}");
        Assert.Equal((2, 1, 0, 1, 1, 0.5m), (customer.Decided, customer.Kept, customer.PartlyKept, customer.Broken, customer.Open, customer.ByCount));
        Assert.Equal((1_400m, 1_000m, 0.7143m), (customer.ByAmount[0].Promised, customer.ByAmount[0].Paid, customer.ByAmount[0].Rate));

        // A period that ends before any promised day has nothing decided; a period backwards or two subjects are refused.
        var before = await admin.GetAsync<PromiseKeptRateView>($"/api/promises/kept-rate?customerId={first.Id}&to={monday:yyyy-MM-dd}");
        Assert.Equal((0, (decimal?)null), (before.Decided, before.ByCount));
        var backwards = await admin.Http.GetAsync(new Uri($"/api/promises/kept-rate?customerId={first.Id}&from={monday:yyyy-MM-dd}&to={monday.AddDays(-1):yyyy-MM-dd}", UriKind.Relative));
        Assert.Contains("promiseRate.period", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var both = await admin.Http.GetAsync(new Uri($"/api/promises/kept-rate?customerId={first.Id}&collector=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        Assert.Contains("promiseRate.subject", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("kept", "partlyKept", "broken", "open"), ((await ViewAsync(admin, first.Id, kept.Id)).Status,
            (await ViewAsync(admin, second.Id, partly.Id)).Status, (await ViewAsync(admin, first.Id, theirs.Id)).Status,
            (await ViewAsync(admin, first.Id, running.Id)).Status));
    }

    [Fact]
    public async Task TheGrace_IsSetByThoseWhoManageDunning_FromNoneToTenBusinessDays()
    {
        var monday = NextMonday();
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();

        Assert.Equal((2, true), await GraceAsync(collector));
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PutAsync("/api/promises/grace", new SetPromiseGrace(5))).StatusCode);
        foreach (var days in new[] { -1, 11, int.MaxValue })
        {
            var refused = await manager.PutAsync("/api/promises/grace", new SetPromiseGrace(days));
            var problem = await CompanyApi.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "graceDays");
            Assert.Contains("promise.graceDays", problem.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, (await manager.PutOkAsync<PromiseGraceView>("/api/promises/grace", new SetPromiseGrace(0))).GraceDays);
        Assert.Equal((0, false), await GraceAsync(collector));

        // Without grace a promise for Monday is broken on Tuesday.
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(100m, monday));
        app.Clock.SetToday(monday.AddDays(1));
        Assert.Equal(("broken", 0m), await ViewAsync(admin, customer.Id, promise.Id));
        var back = await manager.PutOkAsync<PromiseGraceView>("/api/promises/grace", new SetPromiseGrace(null));
        Assert.Equal((2, true), (back.GraceDays, back.IsDefault));
    }

    private DateOnly NextMonday()
    {
        var today = app.Clock.Today;
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        app.Clock.SetToday(monday);
        return monday;
    }

    private async Task<(PromiseStatus, long)> StoredAsync(Guid id) =>
        await app.WithDbAsync(async db => await db.PaymentPromises.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ValueTuple<PromiseStatus, long>(p.Status, p.PaidMinor)).SingleAsync());

    private static async Task<(string Status, decimal Paid)> ViewAsync(CompanyApi api, Guid customerId, Guid id)
    {
        var view = Assert.Single(await api.GetAsync<List<PromiseView>>($"/api/customers/{customerId}/promises"), p => p.Id == id);
        return (view.Status, view.Paid);
    }

    private static async Task<(int, bool)> GraceAsync(CompanyApi api)
    {
        var view = await api.GetAsync<PromiseGraceView>("/api/promises/grace");
        return (view.GraceDays, view.IsDefault);
    }
}

public sealed class PromiseResolutionTestsOnSqlite(SqliteApp app) : PromiseResolutionTests(app), IClassFixture<SqliteApp>;

public sealed class PromiseResolutionTestsOnPostgres(PostgresApp app) : PromiseResolutionTests(app), IClassFixture<PostgresApp>;
