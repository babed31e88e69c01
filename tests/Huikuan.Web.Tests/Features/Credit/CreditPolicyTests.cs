using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Credit;

public abstract class CreditPolicyTests(HuikuanApp app)
{
    [Fact]
    public async Task Policies_DefaultToTheBuiltInOnes()
    {
        var admin = await app.NewCompanyAsync();
        var policies = await admin.GetAsync<List<CreditGradePolicyView>>("/api/credit/policies");
        Assert.Equal(["A", "B", "C", "D", "E"], policies.Select(p => p.Grade));
        Assert.Equal(new CreditGradePolicyView("C", false, 30, 0, 0.85m, 3), policies[2]);
        Assert.True(policies[4].PrepaymentOnly);
    }

    [Fact]
    public async Task ScoreWeights_AreTheCompanys_AndTheNextScoreUsesThem()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        var onTime = await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 1, 1), 1000m, due: new DateOnly(2026, 1, 31));
        var late = await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 2, 1), 1000m, due: new DateOnly(2026, 3, 3));
        await admin.RecordReceiptAsync(customer.Id, new DateOnly(2026, 1, 31), 1000m, reference: onTime.Number, autoApply: true);
        await admin.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 13), 1000m, reference: late.Number, autoApply: true);
        Assert.Equal(CreditScoreWeightsView.From(CreditScoreWeights.Default), await admin.GetAsync<CreditScoreWeightsView>("/api/credit/score-weights"));

        // Only the share paid on time counts now: half the invoices were on time, so the score is 50.
        var saved = await manager.PutOkAsync<CreditScoreWeightsView>("/api/credit/score-weights", new CreditScoreWeightsView(1, 0, 0, 0, 0, 0, 0));
        var score = await admin.GetAsync<CreditScoreView>($"/api/customers/{customer.Id}/credit-score?asOf=2026-04-01");

        Assert.Equal(1, saved.OnTime);
        Assert.Equal(50, score.Score);
        Assert.Equal("onTime", Assert.Single(score.Lines).Factor);
        var collector = await admin.AsNewUserAsync(Role.Collector);
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PutAsync("/api/credit/score-weights", new CreditScoreWeightsView(1, 1, 1, 1, 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PutAsync("/api/credit/score-weights", new CreditScoreWeightsView(0, 0, 0, 0, 0, 0, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PutAsync("/api/credit/score-weights", new CreditScoreWeightsView(-1, 5, 0, 0, 0, 0, 0))).StatusCode);
    }

    [Fact]
    public async Task EditingAGradesPolicy_ChangesTheCreditCheck()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        // 10 000.00 open, 20 days overdue, graded C: by default C holds after 30 days and warns after 0.
        await admin.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 10, 4), 10_000m, due: app.Clock.Today.AddDays(-20));
        await admin.GradeAsync(customer.Id, "C");
        var before = await admin.AsSystemAsync<CreditStandingHandler, CreditCheckResult>(h => h.CheckAsync(customer.Id, 100_000, false, default));
        Assert.Equal(CreditDecision.Warn, before.Decision);

        var policies = await manager.GetAsync<List<CreditGradePolicyView>>("/api/credit/policies");
        policies[2] = policies[2] with { MaxDaysOverdue = 15, WarnDaysOverdue = 5, ReviewMonths = 2 };
        var saved = await manager.PutOkAsync<List<CreditGradePolicyView>>("/api/credit/policies", new SaveCreditPolicies(policies));
        Assert.Equal(15, saved[2].MaxDaysOverdue);

        var after = await admin.AsSystemAsync<CreditStandingHandler, CreditCheckResult>(h => h.CheckAsync(customer.Id, 100_000, false, default));
        Assert.Equal(CreditDecision.Hold, after.Decision);
        Assert.Equal([20L, 15L], Assert.Single(after.Reasons).Values);
        Assert.Equal(2, (await admin.AsSystemAsync<CreditPoliciesHandler, ReviewSchedule>(h => h.ScheduleAsync(default))).C);
    }

    [Fact]
    public async Task AnInconsistentPolicy_OrAnotherRole_IsRefused()
    {
        var admin = await app.NewCompanyAsync();
        var accountant = await admin.AsNewUserAsync(Role.Accountant);
        var policies = await admin.GetAsync<List<CreditGradePolicyView>>("/api/credit/policies");

        await CompanyApi.AssertProblemAsync(await accountant.PutAsync("/api/credit/policies", new SaveCreditPolicies(policies)), HttpStatusCode.Forbidden);
        var bad = policies.Select(p => p.Grade == "B" ? p with { WarnDaysOverdue = 50 } : p).ToList();
        await CompanyApi.AssertProblemAsync(await admin.PutAsync("/api/credit/policies", new SaveCreditPolicies(bad)),
            HttpStatusCode.UnprocessableEntity, "policy.B.maxDaysOverdue");
        var months = policies.Select(p => p.Grade == "A" ? p with { ReviewMonths = 0 } : p).ToList();
        await CompanyApi.AssertProblemAsync(await admin.PutAsync("/api/credit/policies", new SaveCreditPolicies(months)),
            HttpStatusCode.UnprocessableEntity, "policy.A.reviewMonths");
        await CompanyApi.AssertProblemAsync(await admin.PutAsync("/api/credit/policies", new SaveCreditPolicies(policies.Take(4).ToList())),
            HttpStatusCode.UnprocessableEntity, "grades");
    }
}

public sealed class CreditPolicyTestsOnSqlite(SqliteApp app) : CreditPolicyTests(app), IClassFixture<SqliteApp>;

public sealed class CreditPolicyTestsOnPostgres(PostgresApp app) : CreditPolicyTests(app), IClassFixture<PostgresApp>;
