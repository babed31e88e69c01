using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Credit;

public abstract class CreditReviewTests(HuikuanApp app)
{
    [Fact]
    public async Task AnInvoiceOver60DaysOverdue_OpensExactlyOneReview_HoweverOftenTheScanRuns()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var late = await admin.CustomerAsync();
        var onTime = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(late.Id, new DateOnly(2026, 8, 1), 8_000m, due: app.Clock.Today.AddDays(-61));
        await admin.IssueInvoiceAsync(onTime.Id, new DateOnly(2026, 8, 1), 8_000m, due: app.Clock.Today.AddDays(-60));   // 60 is not over 60

        var first = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });
        var second = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });

        Assert.Equal((1, 0), (first.Opened, first.AlreadyOpen));
        Assert.Equal((0, 1), (second.Opened, second.AlreadyOpen));
        var review = Assert.Single(await manager.GetAsync<List<CreditReviewView>>("/api/credit/reviews"));
        Assert.Equal((late.Id, "Overdue", "Open", "61"), (review.CustomerId, review.Trigger, review.Status, review.Detail));
    }

    [Fact]
    public async Task ExposureOverTheLimit_OpensAReview_AndCompletingItGradesAndSchedulesAndRequestsALimit()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var request = await admin.PostOkAsync<CreditLimitRequestView>($"/api/customers/{customer.Id}/credit-limit-requests",
            new RequestCreditLimit(10_000m, false, null, null, "初始额度"));
        await manager.PostOkAsync<CreditLimitRequestView>($"/api/credit-limit-requests/{request.Id}/approve", new DecideCreditLimit("同意"));
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today, 12_000m, due: app.Clock.Today.AddDays(30));

        var scan = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });
        Assert.Equal(1, scan.Opened);
        var review = Assert.Single(await manager.GetAsync<List<CreditReviewView>>("/api/credit/reviews"));
        Assert.Equal(("LimitExceeded", "12000.00 > 10000.00 CNY"), (review.Trigger, review.Detail));
        var desk = await manager.GetAsync<CreditDeskView>("/api/credit/desk");
        Assert.Equal(2_000m, Assert.Single(desk.OverLimit).Over);

        var started = await manager.PostOkAsync<CreditReviewView>($"/api/credit/reviews/{review.Id}/start", new { });
        Assert.Equal(("InProgress", manager.UserEmail), (started.Status, started.Assignee));
        var done = await manager.PostOkAsync<CreditReviewView>($"/api/credit/reviews/{review.Id}/complete",
            new CompleteCreditReview("D", "超额 2 000，降级并申请提额至 15 000", new RequestCreditLimit(15_000m, false, null, null, "复评：订单增长")));

        Assert.Equal(("Done", "D", true), (done.Status, done.OutcomeGrade, done.GradeChanged));
        Assert.Equal("D", (await manager.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing")).Grade);
        var pending = Assert.Single(await admin.GetAsync<List<CreditLimitRequestView>>("/api/credit-limit-requests"));
        Assert.Equal((done.LimitRequestId, 15_000m, manager.UserEmail), ((Guid?)pending.Id, pending.Limit, pending.RequestedBy));
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/credit/reviews/{review.Id}/complete", new CompleteCreditReview("C", null)),
            HttpStatusCode.Conflict);
        // Completed within the last 30 days: the same event does not reopen at once. D is reviewed monthly: due 2026-12-23.
        Assert.Equal(0, (await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { })).Opened);
        try
        {
            app.Clock.SetToday(new DateOnly(2026, 12, 23));
            var later = await manager.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { });
            Assert.Equal(["LimitExceeded", "Scheduled"],
                (await manager.GetAsync<List<CreditReviewView>>("/api/credit/reviews")).Select(r => r.Trigger).Order(StringComparer.Ordinal));
            Assert.Equal(2, later.Opened);
        }
        finally
        {
            app.Clock.SetToday(TestClock.DefaultToday);
        }
    }

    [Fact]
    public async Task AReview_IsForCreditManagers_AndItsOutcomeIsAGrade()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var customer = await admin.CustomerAsync();
        await admin.GradeAsync(customer.Id, "B");   // graded without a review date: due at once
        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/credit/reviews/scan", new { }), HttpStatusCode.Forbidden);
        Assert.Equal(1, (await admin.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { })).Opened);
        var review = Assert.Single(await admin.GetAsync<List<CreditReviewView>>("/api/credit/reviews"));
        Assert.Equal("Scheduled", review.Trigger);
        await CompanyApi.AssertProblemAsync(await admin.PostAsync($"/api/credit/reviews/{review.Id}/complete", new CompleteCreditReview("F", null)),
            HttpStatusCode.UnprocessableEntity, "grade");
        var done = await admin.PostOkAsync<CreditReviewView>($"/api/credit/reviews/{review.Id}/complete", new CompleteCreditReview("B", "维持"));
        Assert.False(done.GradeChanged);
        Assert.Equal(0, (await admin.PostOkAsync<ReviewScanResult>("/api/credit/reviews/scan", new { })).Opened);
    }
}

public sealed class CreditReviewTestsOnSqlite(SqliteApp app) : CreditReviewTests(app), IClassFixture<SqliteApp>;

public sealed class CreditReviewTestsOnPostgres(PostgresApp app) : CreditReviewTests(app), IClassFixture<PostgresApp>;
