using CsCheck;
using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Tests.Credit;

public sealed class CreditCheckTests
{
    // 60 000.00 open, 20 000.00 of orders and 5 000.00 of milestones not yet invoiced: 85 000.00 exposure.
    private static readonly CreditExposure Exposure = new(6_000_000, 2_000_000, 500_000);
    private const long Limit = 10_000_000;

    [Theory]
    [InlineData(400_000L, 0, CreditGrade.A, CreditDecision.Pass, "")]
    [InlineData(600_000L, 0, CreditGrade.A, CreditDecision.Warn, "limit.warn")]              // 91 000.00 > 90 % of 100 000.00
    [InlineData(1_600_000L, 0, CreditGrade.A, CreditDecision.Hold, "limit.exceeded")]
    [InlineData(100_000L, 31, CreditGrade.A, CreditDecision.Warn, "overdue.open")]
    [InlineData(100_000L, 61, CreditGrade.A, CreditDecision.Hold, "overdue.tooOld")]
    [InlineData(100_000L, 16, CreditGrade.D, CreditDecision.Hold, "limit.warn,overdue.tooOld")]   // D warns above 80 %
    [InlineData(100_000L, 0, CreditGrade.E, CreditDecision.Hold, "grade.prepaymentOnly,limit.warn")]
    [InlineData(100_000L, 0, CreditGrade.C, CreditDecision.Warn, "limit.warn")]                 // C warns above 85 %
    [InlineData(100_000L, 1, CreditGrade.C, CreditDecision.Warn, "limit.warn,overdue.open")]
    [InlineData(1_600_000L, 61, CreditGrade.B, CreditDecision.Hold, "limit.exceeded,overdue.tooOld")]
    [InlineData(600_000L, 20, CreditGrade.B, CreditDecision.Warn, "limit.warn,overdue.open")]
    public void Evaluate_FollowsTheGradesPolicy(long order, int overdue, CreditGrade grade, CreditDecision decision, string codes)
    {
        var result = CreditCheck.Evaluate(order, prepaid: false, Exposure, Limit, overdue, grade);
        Assert.Equal(decision, result.Decision);
        Assert.Equal(codes, string.Join(',', result.Reasons.Select(r => r.Code)));
    }

    [Theory]
    [InlineData(false, 100_000L, 31, CreditDecision.Hold, "overdue.open,dunning.hold")]
    [InlineData(false, 100_000L, 0, CreditDecision.Hold, "dunning.hold")]
    [InlineData(true, 100_000L, 31, CreditDecision.Pass, "")]   // a prepaid order is no credit risk, even on dunning hold
    public void Evaluate_OnADunningCreditHold_HoldsEveryOrderThatIsNotPrepaid(bool prepaid, long order, int overdue, CreditDecision decision, string codes)
    {
        var result = CreditCheck.Evaluate(order, prepaid, Exposure, Limit, overdue, CreditGrade.A, dunningHold: true);
        Assert.Equal(decision, result.Decision);
        Assert.Equal(codes, string.Join(',', result.Reasons.Select(r => r.Code)));
        // A dunning hold asks for payment first: nothing goes out on credit until it is lifted or overridden.
        Assert.Equal(0, result.ReleasableMinor);
    }

    [Theory]
    [InlineData(CreditGrade.E, 0, false, 0L, "grade.prepaymentOnly")]        // prepayment only: nothing, under the limit or not
    [InlineData(CreditGrade.A, 0, true, 0L, "dunning.hold")]                 // a dunning hold without prepayment: nothing
    [InlineData(CreditGrade.A, 61, true, 0L, "dunning.hold")]                // with old debt too: still nothing
    [InlineData(CreditGrade.A, 61, false, 700_000L, null)]                   // old debt only: the whole order, as far as the limit lets it
    [InlineData(CreditGrade.B, 0, false, 0L, null)]                          // nothing held: nothing to release
    public void Releasable_DependsOnWhyTheOrderIsHeld(CreditGrade grade, int overdue, bool dunning, long releasable, string? cappedBy)
    {
        var result = CreditCheck.Evaluate(700_000, prepaid: false, new CreditExposure(0, 0, 0), Limit, overdue, grade, dunningHold: dunning);
        Assert.Equal(releasable, result.ReleasableMinor);
        Assert.Equal(cappedBy, CreditCheck.ReleaseCappedBy(result.Reasons));
    }

    [Fact]
    public void Releasable_OverTheLimitAndPrepaymentOnly_IsNothing_AndNamesThePrepaymentRule()
    {
        var result = CreditCheck.Evaluate(2_000_000, prepaid: false, Exposure, Limit, 0, CreditGrade.E);
        Assert.Equal("grade.prepaymentOnly,limit.exceeded", string.Join(',', result.Reasons.Select(r => r.Code)));
        Assert.Equal(0, result.ReleasableMinor);
        Assert.Equal(CreditCheck.PrepaymentOnly, CreditCheck.ReleaseCappedBy(result.Reasons));
    }

    [Fact]
    public void Evaluate_OverLimit_NamesTheExposureAfterTheOrderAndTheLimitAndReleasesWhatFits()
    {
        var result = CreditCheck.Evaluate(2_000_000, prepaid: false, Exposure, Limit, 0, CreditGrade.B);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(("limit.exceeded", CreditDecision.Hold), (reason.Code, reason.Severity));
        Assert.Equal([10_500_000L, Limit], reason.Values);
        Assert.Equal(1_500_000, result.ReleasableMinor);   // 限量供货: 15 000.00 of the 20 000.00 order fits
        Assert.Equal(CreditCheck.LimitExceeded, CreditCheck.ReleaseCappedBy(result.Reasons));
    }

    [Fact]
    public void Evaluate_AlreadyOverLimit_ReleasesNothing()
    {
        var result = CreditCheck.Evaluate(100, prepaid: false, new CreditExposure(Limit + 1, 0, 0), Limit, 0, CreditGrade.A);
        Assert.Equal(CreditDecision.Hold, result.Decision);
        Assert.Equal(0, result.ReleasableMinor);
    }

    [Fact]
    public void Evaluate_HeldForOverdueWithoutALimit_CanReleaseTheWholeOrder()
    {
        var result = CreditCheck.Evaluate(700_000, prepaid: false, Exposure, creditLimitMinor: null, 90, CreditGrade.C);
        Assert.Equal(CreditDecision.Hold, result.Decision);
        Assert.Equal([90L, 30L], Assert.Single(result.Reasons).Values);
        Assert.Equal(700_000, result.ReleasableMinor);
    }

    [Fact]
    public void Evaluate_Warning_ReleasesNothingBecauseNothingIsHeld() =>
        Assert.Equal(0, CreditCheck.Evaluate(600_000, prepaid: false, Exposure, Limit, 0, CreditGrade.A).ReleasableMinor);

    [Fact]
    public void Evaluate_PrepaidOrderFromAnEGradeCustomerFarOverLimit_Passes()
    {
        var result = CreditCheck.Evaluate(50_000_000, prepaid: true, Exposure, Limit, 400, CreditGrade.E);
        Assert.Equal(CreditDecision.Pass, result.Decision);
        Assert.Empty(result.Reasons);
    }

    [Theory]
    [InlineData(-1L, 0L, 0, "orderAmount")]
    [InlineData(0L, -1L, 0, "creditLimit")]
    [InlineData(0L, 0L, -1, "oldestDaysOverdue")]
    public void Evaluate_WithNegativeInputs_IsRefused(long order, long limit, int overdue, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(
            () => CreditCheck.Evaluate(order, false, Exposure, limit, overdue, CreditGrade.A)).Field);

    [Theory]
    [InlineData(30, 31, 0.9)]
    [InlineData(30, 0, 0)]
    [InlineData(30, 0, 1.1)]
    public void Evaluate_WithAPolicyThatDoesNotHold_IsRefused(int maxDays, int warnDays, double warnShare)
    {
        var bad = new CreditGradePolicy(false, maxDays, warnDays, (decimal)warnShare);
        var policy = CreditPolicy.Default with { A = bad };
        Assert.Equal("creditCheck.policy", Assert.Throws<DomainRuleException>(
            () => CreditCheck.Evaluate(0, false, Exposure, Limit, 0, CreditGrade.A, policy)).Rule);
    }

    private static readonly Gen<CreditExposure> Exposures = Gen.Select(
        Gen.Long[-1_000_000, 100_000_000], Gen.Long[0, 100_000_000], Gen.Long[0, 100_000_000],
        (open, orders, milestones) => new CreditExposure(open, orders, milestones));

    private static readonly Gen<long?> Limits = Gen.Select(Gen.Bool, Gen.Long[0, 300_000_000], (has, l) => has ? l : (long?)null);

    private static readonly Gen<CreditGrade> Grades = Gen.Int[0, 4].Select(i => (CreditGrade)i);

    [Fact]
    public void Evaluate_PrepaidOrder_AlwaysPasses() =>
        Gen.Select(Gen.Long[0, 100_000_000], Exposures, Limits, Gen.Int[0, 1000], Grades)
            .Sample((order, exposure, limit, overdue, grade) =>
                CreditCheck.Evaluate(order, prepaid: true, exposure, limit, overdue, grade).Decision == CreditDecision.Pass,
                iter: 2000);

    [Fact]
    public void Evaluate_UnderTheWarningThresholdWithNothingOverdue_Passes() =>
        Gen.Select(Gen.Long[0, 100_000_000], Exposures, Limits, Gen.Int[0, 3])
            .Sample((order, exposure, limit, g) =>
            {
                var grade = (CreditGrade)g;   // A to D: E delivers only against prepayment
                var warnAt = limit is { } l ? decimal.Floor(l * CreditPolicy.Default.For(grade).WarnShareOfLimit) : decimal.MaxValue;
                var result = CreditCheck.Evaluate(order, prepaid: false, exposure, limit, 0, grade);
                return exposure.TotalMinor + order > warnAt || (result.Decision == CreditDecision.Pass && result.Reasons.Count == 0);
            }, iter: 2000);

    [Fact]
    public void Evaluate_ReleasableAmount_IsNeverNegativeNorTakesExposureOverTheLimit() =>
        Gen.Select(Gen.Long[0, 100_000_000], Exposures, Limits, Gen.Int[0, 1000], Grades)
            .Sample((order, exposure, limit, overdue, grade) =>
            {
                var result = CreditCheck.Evaluate(order, prepaid: false, exposure, limit, overdue, grade);
                return result.ReleasableMinor >= 0
                    && result.ReleasableMinor <= order
                    && (result.Decision == CreditDecision.Hold || result.ReleasableMinor == 0)
                    && (result.ReleasableMinor == 0 || limit is null || exposure.TotalMinor + result.ReleasableMinor <= limit);
            }, iter: 2000);
}
