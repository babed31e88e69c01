using CsCheck;
using Huikuan.Domain.Contracts;
using Huikuan.Domain.Money;

namespace Huikuan.Domain.Tests.Contracts;

public sealed class MilestonePlanTests
{
    private static readonly Currency Cny = Currency.Of("CNY");

    [Fact]
    public void PercentStages_OfAnItProject_AreSplitExactly_RetentionIncluded()
    {
        StageSpec[] stages = [new(StageKind.Advance, 30m, null, 10), new(StageKind.Acceptance, 65m, null, 30), new(StageKind.Retention, 5m, null, 0)];
        Assert.Equal([3_000_000L, 6_500_000L, 500_000L], MilestonePlan.Amounts(10_000_000, stages, 12, Cny));
    }

    [Fact]
    public void AmountStages_ThatMissTheTotalByOneCent_AreRefused()
    {
        StageSpec[] stages = [new(StageKind.Advance, null, 3_000_000, 0), new(StageKind.Delivery, null, 6_999_999, 0)];
        var e = Assert.Throws<DomainRuleException>(() => MilestonePlan.Amounts(10_000_000, stages, null, Cny));
        Assert.Equal(("contract.stagesSum", "99999.99", "100000.00"), (e.Rule, e.Arguments[0], e.Arguments[1]));
    }

    [Theory]
    [InlineData(30, 60, "contract.stagesSum")]
    [InlineData(30, 0, "contract.stageAmount")]
    public void PercentStages_MustBePositive_AndAddUpTo100(int first, int second, string rule)
    {
        StageSpec[] stages = [new(StageKind.Advance, first, null, 0), new(StageKind.Delivery, second, null, 0)];
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(() => MilestonePlan.Amounts(100_00, stages, null, Cny)).Rule);
    }

    [Fact]
    public void Retention_WithoutAnAcceptanceStage_OrWithoutAWarrantyPeriod_IsRefused()
    {
        StageSpec[] noAcceptance = [new(StageKind.Delivery, 90m, null, 0), new(StageKind.Retention, 10m, null, 0)];
        StageSpec[] withAcceptance = [new(StageKind.Acceptance, 90m, null, 0), new(StageKind.Retention, 10m, null, 0)];
        Assert.Equal("contract.retentionNeedsAcceptance", Assert.Throws<DomainRuleException>(() => MilestonePlan.Amounts(100_00, noAcceptance, 12, Cny)).Rule);
        Assert.Equal("contract.warrantyMonths", Assert.Throws<DomainRuleException>(() => MilestonePlan.Amounts(100_00, withAcceptance, null, Cny)).Rule);
    }

    [Fact]
    public void Retention_FallsDueTheWarrantyPeriodAfterAcceptance_OtherStagesTheirDaysAfterReached()
    {
        var accepted = new DateOnly(2026, 3, 31);
        Assert.Equal(new DateOnly(2027, 3, 31), MilestonePlan.DueDate(StageKind.Retention, 0, new DateOnly(2026, 4, 15), accepted, 12));
        Assert.Equal(new DateOnly(2026, 5, 15), MilestonePlan.DueDate(StageKind.GoLive, 30, new DateOnly(2026, 4, 15), accepted, 12));
        Assert.Equal("contract.retentionBeforeAcceptance",
            Assert.Throws<DomainRuleException>(() => MilestonePlan.DueDate(StageKind.Retention, 0, new DateOnly(2026, 4, 15), null, 12)).Rule);
    }

    [Fact]
    public void AnyPercentPlanThatAddsUpTo100_SplitsAnyTotal_IntoPartsThatAddUpExactly()
    {
        Gen.Select(Gen.Long[1, 10_000_000_000], Gen.Int[1, 99]).Sample((total, first) =>
        {
            StageSpec[] stages = [new(StageKind.Advance, first, null, 0), new(StageKind.Delivery, 100 - first, null, 0)];
            var parts = MilestonePlan.Amounts(total, stages, null, Cny);
            return parts.Sum() == total && parts.All(p => p >= 0);
        });
    }
}
