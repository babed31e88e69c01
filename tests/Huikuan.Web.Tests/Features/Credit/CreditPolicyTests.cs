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
