using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Credit;

public abstract class CreditLimitRequestTests(HuikuanApp app)
{
    [Fact]
    public async Task ALimitRequestedByASalesperson_AndApprovedByACreditManager_ChangesTheLimitAndTerm_AndTheAuditNamesBoth()
    {
        var admin = await app.NewCompanyAsync();
        var sp = await admin.SalespersonAsync("S1", "王销售");
        var seller = await admin.AsNewUserAsync(Role.Salesperson, sp.Id);
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var term = await admin.PaymentTermAsync("N60", new TermLineDto(100m, 60, false));
        var customer = await admin.CustomerAsync(salespersonId: sp.Id);
        await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 11, 1), 30_000m, due: new DateOnly(2026, 12, 1));

        var requested = await seller.PostOkAsync<CreditLimitRequestView>($"/api/customers/{customer.Id}/credit-limit-requests",
            new RequestCreditLimit(100_000m, false, null, term.Id, "年框合同续签，月均采购 4 万"));
        Assert.Equal("Pending", requested.Status);
        // Nothing changes before the approval.
        Assert.Null((await seller.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing")).Limit);
        var pending = await manager.GetAsync<List<CreditLimitRequestView>>("/api/credit-limit-requests");
        Assert.Equal(requested.Id, Assert.Single(pending).Id);
        // Beside the request, the customer's credit now: no limit yet, ungraded (checked as C), 30,000.00 open, nothing overdue.
        Assert.Equal(new CreditLimitContext("CNY", null, "C", false, 30_000m, 0m, 0), pending[0].Now);

        var approved = await manager.PostOkAsync<CreditLimitRequestView>($"/api/credit-limit-requests/{requested.Id}/approve", new DecideCreditLimit("同意"));

        Assert.Equal("Approved", approved.Status);
        Assert.Equal(manager.UserEmail, approved.DecidedBy);
        var standing = await seller.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");
        Assert.Equal(100_000m, standing.Limit);
        Assert.Equal(70_000m, standing.Available);   // 100 000.00 less the 30 000.00 open
        var after = (await admin.GetAsync<Huikuan.Web.Features.Customers.CustomerDetail>($"/api/customers/{customer.Id}")).Customer;
        Assert.Equal(term.Id, after.PaymentTermId);
        Assert.Empty(await manager.GetAsync<List<CreditLimitRequestView>>("/api/credit-limit-requests"));

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.CompanyId == admin.Company.Id && a.Entity == "CreditLimitRequest" && a.EntityId == requested.Id.ToString())
            .OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.Equal([("added", seller.UserEmail), ("modified", manager.UserEmail)], audit.Select(a => (a.Action, (string?)a.Actor)).ToArray());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.CompanyId == admin.Company.Id && a.Entity == "CustomerCredit"
            && a.Actor == manager.UserEmail)));
    }

    [Fact]
    public async Task TheRequester_CannotApproveTheirOwnRequest_AndNothingChanges()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var requested = await manager.PostOkAsync<CreditLimitRequestView>($"/api/customers/{customer.Id}/credit-limit-requests",
            new RequestCreditLimit(50_000m, false, null, null, "新客户试单"));

        var response = await manager.PostAsync($"/api/credit-limit-requests/{requested.Id}/approve", new DecideCreditLimit("同意"));

        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("other than", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pending", (await manager.GetAsync<List<CreditLimitRequestView>>($"/api/customers/{customer.Id}/credit-limit-requests")).Single().Status);
        Assert.Null((await manager.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing")).Limit);

        // Someone else may: the admin rejects it, and a rejected request changes nothing either.
        var rejected = await admin.PostOkAsync<CreditLimitRequestView>($"/api/credit-limit-requests/{requested.Id}/reject", new DecideCreditLimit("资料不全"));
        Assert.Equal("Rejected", rejected.Status);
        Assert.Null((await manager.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing")).Limit);
        await CompanyApi.AssertProblemAsync(await admin.PostAsync($"/api/credit-limit-requests/{requested.Id}/approve", new DecideCreditLimit("再批")),
            HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task ADecision_WithoutANote_IsRefused_AndTheRequestStaysPending(string decision)
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var requested = await admin.PostOkAsync<CreditLimitRequestView>($"/api/customers/{customer.Id}/credit-limit-requests",
            new RequestCreditLimit(50_000m, false, null, null, "新客户试单"));

        var none = await manager.PostAsync($"/api/credit-limit-requests/{requested.Id}/{decision}", new { });
        var blank = await manager.PostAsync($"/api/credit-limit-requests/{requested.Id}/{decision}", new DecideCreditLimit(" \t "));

        var problem = await CompanyApi.AssertProblemAsync(none, HttpStatusCode.UnprocessableEntity, "note");
        Assert.Equal("https://huikuan.dev/problems/creditLimit.note", problem.GetProperty("type").GetString());
        await CompanyApi.AssertProblemAsync(blank, HttpStatusCode.UnprocessableEntity, "note");
        var listed = await manager.GetAsync<List<CreditLimitRequestView>>($"/api/customers/{customer.Id}/credit-limit-requests");
        Assert.Equal(("Pending", (string?)null), (Assert.Single(listed).Status, listed[0].DecidedBy));
    }

    [Fact]
    public async Task APendingRequest_ShowsTheCurrentLimitGradeExposureAndOverdue_AndADecidedOneDoesNot()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var first = await admin.PostOkAsync<CreditLimitRequestView>($"/api/customers/{customer.Id}/credit-limit-requests",
            new RequestCreditLimit(20_000m, false, null, null, "初始额度"));
        await manager.PostOkAsync<CreditLimitRequestView>($"/api/credit-limit-requests/{first.Id}/approve", new DecideCreditLimit("同意"));
        // 3,000.00 due 2026-10-31 is 23 days overdue on 2026-11-23; 5,000.00 more is not due yet.
        await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 10, 1), 3_000m, due: new DateOnly(2026, 10, 31));
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today, 5_000m, due: app.Clock.Today.AddDays(30));
        var second = await admin.PostOkAsync<CreditLimitRequestView>($"/api/customers/{customer.Id}/credit-limit-requests",
            new RequestCreditLimit(40_000m, false, null, null, "业务扩大"));

        var desk = await manager.GetAsync<CreditDeskView>("/api/credit/desk");
        var all = await manager.GetAsync<List<CreditLimitRequestView>>($"/api/customers/{customer.Id}/credit-limit-requests");

        var pending = Assert.Single(desk.PendingRequests);
        Assert.Equal(second.Id, pending.Id);
        var standing = await manager.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");
        Assert.Equal(new CreditLimitContext("CNY", 20_000m, standing.Grade, standing.Graded, 8_000m, 3_000m, 23), pending.Now);
        Assert.Null(all.Single(r => r.Id == first.Id).Now);
    }

    [Fact]
    public async Task ASalesperson_CannotApprove_NorRequestForAnotherOwnersCustomer()
    {
        var admin = await app.NewCompanyAsync();
        var mine = await admin.SalespersonAsync("S1", "甲");
        var theirs = await admin.SalespersonAsync("S2", "乙");
        var seller = await admin.AsNewUserAsync(Role.Salesperson, mine.Id);
        var other = await admin.CustomerAsync(salespersonId: theirs.Id);
        var own = await admin.CustomerAsync(salespersonId: mine.Id);

        await CompanyApi.AssertProblemAsync(await seller.PostAsync($"/api/customers/{other.Id}/credit-limit-requests",
            new RequestCreditLimit(1_000m, false, null, null, "x")), HttpStatusCode.NotFound);
        var requested = await admin.PostOkAsync<CreditLimitRequestView>($"/api/customers/{own.Id}/credit-limit-requests",
            new RequestCreditLimit(null, true, null, null, "战略客户"));
        await CompanyApi.AssertProblemAsync(await seller.PostAsync($"/api/credit-limit-requests/{requested.Id}/approve", new DecideCreditLimit(null)),
            HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await admin.PostAsync($"/api/customers/{own.Id}/credit-limit-requests",
            new RequestCreditLimit(5m, false, null, null, "second")), HttpStatusCode.Conflict);
        await CompanyApi.AssertProblemAsync(await admin.PostAsync($"/api/customers/{other.Id}/credit-limit-requests",
            new RequestCreditLimit(-5m, false, null, null, "negative")), HttpStatusCode.UnprocessableEntity, "limit");
    }

    [Fact]
    public async Task AManualRating_CountsInTheScore()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        // Paid on time: on time, days late and (no trend) relationship are known.
        var invoice = await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 9, 1), 1_000m, due: new DateOnly(2026, 10, 1));
        await admin.RecordReceiptAsync(customer.Id, new DateOnly(2026, 9, 30), 1_000m, autoApply: true);
        var before = await admin.GetAsync<CreditScoreView>($"/api/customers/{customer.Id}/credit-score");
        Assert.Contains("manualRating", before.Unknown);

        var set = await admin.PutOkAsync<SetManualRating>($"/api/customers/{customer.Id}/manual-rating", new SetManualRating(40, "中诚信", new DateOnly(2026, 11, 1)));
        Assert.Equal(40, set.Rating);

        var after = await admin.GetAsync<CreditScoreView>($"/api/customers/{customer.Id}/credit-score");
        var line = Assert.Single(after.Lines, l => l.Factor == "manualRating");
        Assert.Equal(40m, line.SubScore);
        Assert.True(after.Score < before.Score, $"{after.Score} < {before.Score}");
        await CompanyApi.AssertProblemAsync(await admin.PutAsync($"/api/customers/{customer.Id}/manual-rating", new SetManualRating(101, null, null)),
            HttpStatusCode.UnprocessableEntity, "rating");
    }
}

public sealed class CreditLimitRequestTestsOnSqlite(SqliteApp app) : CreditLimitRequestTests(app), IClassFixture<SqliteApp>;

public sealed class CreditLimitRequestTestsOnPostgres(PostgresApp app) : CreditLimitRequestTests(app), IClassFixture<PostgresApp>;
