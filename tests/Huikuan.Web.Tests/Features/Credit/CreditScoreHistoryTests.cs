using Huikuan.Domain.Access;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Credit;

public abstract class CreditScoreHistoryTests(HuikuanApp app)
{
    [Fact]
    public async Task Rescoring_KeepsOneSnapshotPerDay_AndGradesOnlyACustomerNeverGraded()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        // Paid a day early: on time 100, days late 100, relationship 2 of 36 months (5.6), no dispute 100:
        // (30×100 + 20×100 + 5×5.6 + 10×100) / 65 = 93, grade A.
        await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 1), 1_000m, due: new DateOnly(2026, 10, 1));
        await admin.RecordReceiptAsync(customer.Id, new DateOnly(2026, 9, 30), 1_000m, autoApply: true);
        try
        {
            var first = await manager.PostOkAsync<CreditScoreSnapshotView>($"/api/customers/{customer.Id}/credit-score/rescore", new { });
            await manager.PostOkAsync<CreditScoreSnapshotView>($"/api/customers/{customer.Id}/credit-score/rescore", new { });
            Assert.Equal((93, "A"), (first.Score, first.Grade));
            Assert.Equal(93, first.Lines.Sum(l => l.Points));
            Assert.Single(await manager.GetAsync<List<CreditScoreSnapshotView>>($"/api/customers/{customer.Id}/credit-score/history"));
            var standing = await manager.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");
            Assert.Equal(("A", true, true, "A"), (standing.Grade, standing.Graded, standing.Approved, standing.ScoreGrade));
            var next = await app.WithDbAsync(db => db.CustomerCredit.AsNoTracking().Where(c => c.CustomerId == customer.Id).Select(c => c.NextReviewOn).SingleAsync());
            Assert.Equal(new DateOnly(2027, 11, 23), next);   // A: a year after the first grading

            // The next day a manual rating of 0 brings the score to (6 028 + 10×0) / 75 = 80, grade B; the stored grade stays A until a review.
            await manager.PutOkAsync<SetManualRating>($"/api/customers/{customer.Id}/manual-rating", new SetManualRating(0, "external", null));
            app.Clock.SetToday(app.Clock.Today.AddDays(1));
            var run = await manager.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
            Assert.Equal((1, 1), (run.Customers, run.Scored));
            var history = await manager.GetAsync<List<CreditScoreSnapshotView>>($"/api/customers/{customer.Id}/credit-score/history");
            Assert.Equal([(80, "B", "daily"), (93, "A", "manual")], history.Select(h => (h.Score, h.Grade, h.Trigger)).ToArray());
            // The customer page shows both, labelled, because they differ: the approved A and the score's B.
            var after = await manager.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");
            Assert.Equal(("A", true, "B"), (after.Grade, after.Approved, after.ScoreGrade));
        }
        finally
        {
            app.Clock.SetToday(TestClock.DefaultToday);
        }
    }

    [Fact]
    public async Task ACustomerWithNothingDue_HasNoSnapshot()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today, 500m, due: app.Clock.Today.AddDays(30));
        var response = await admin.PostAsync($"/api/customers/{customer.Id}/credit-score/rescore", new { });
        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(await admin.GetAsync<List<CreditScoreSnapshotView>>($"/api/customers/{customer.Id}/credit-score/history"));
    }

    [Fact]
    public async Task TheDailyRun_OnManyCustomers_PrintsItsTime()
    {
        var admin = await app.NewCompanyAsync();
        for (var i = 0; i < 40; i++)
        {
            var c = await admin.CustomerAsync();
            await admin.IssueInvoiceAsync(c.Id, new DateOnly(2026, 8, 1), 1_000m + i, due: new DateOnly(2026, 9, 1));
        }
        var run = await admin.PostOkAsync<CreditDailyRunResult>("/api/credit/daily-run", new { });
        Assert.Equal((40, 40), (run.Customers, run.Scored));
        // 40 customers each over 60 days overdue: 40 reviews.
        Assert.Equal(40, run.Reviews.Opened);
        Console.WriteLine($"{app.GetType().Name}: daily credit run of {run.Customers} customers in {run.ElapsedMs} ms ({run.ElapsedMs / (double)run.Customers:0.0} ms each)");
    }
}

public sealed class CreditScoreHistoryTestsOnSqlite(SqliteApp app) : CreditScoreHistoryTests(app), IClassFixture<SqliteApp>;

public sealed class CreditScoreHistoryTestsOnPostgres(PostgresApp app) : CreditScoreHistoryTests(app), IClassFixture<PostgresApp>;
