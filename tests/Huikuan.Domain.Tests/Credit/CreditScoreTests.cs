using CsCheck;
using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Tests.Credit;

public sealed class CreditScoreTests
{
    private static readonly CreditFactors AlwaysOnTime = new(
        OnTimeShare: 1m, AverageDaysLate: 0m, DaysLateTrend: 0m, DisputedShare: 0m, ExposureRatio: 0.3m,
        RelationshipMonths: 60, ManualRating: 90m);

    private static readonly CreditFactors ChronicLatePayerOverLimit = new(
        OnTimeShare: 0.2m, AverageDaysLate: 75m, DaysLateTrend: 10m, DisputedShare: 0.1m, ExposureRatio: 1.3m,
        RelationshipMonths: 24);

    [Fact]
    public void Calculate_AlwaysOnTimeWithALongRelationship_IsGradeA()
    {
        var result = CreditScore.Calculate(AlwaysOnTime);
        Assert.Equal(99, result.Score);
        Assert.Equal(CreditGrade.A, result.Grade);
        Assert.Equal([30, 20, 10, 10, 15, 5, 9], result.Lines.Select(l => l.Points));
    }

    [Fact]
    public void Calculate_ChronicLatePayerOverLimit_IsGradeE()
    {
        var result = CreditScore.Calculate(ChronicLatePayerOverLimit);
        Assert.Equal(23, result.Score);
        Assert.Equal(CreditGrade.E, result.Grade);
        // 6.67, 0, 7.41, 5.56, 0, 3.70: the two largest fractions (relationship, on time) take the two odd points.
        Assert.Equal([7, 0, 7, 5, 0, 4], result.Lines.Select(l => l.Points));
        Assert.DoesNotContain(result.Lines, l => l.Factor == CreditFactor.ManualRating);
    }

    [Fact]
    public void Calculate_WithoutManualRatingOrLimit_RenormalisesTheOtherWeights()
    {
        var factors = new CreditFactors(0.5m, 0m, 0m, 0m, ExposureRatio: null, RelationshipMonths: 36);
        var result = CreditScore.Calculate(factors);

        // Weights 30 + 20 + 10 + 10 + 5 = 75 become 40 %, 26.67 %, 13.33 %, 13.33 %, 6.67 %.
        Assert.Equal(80, result.Score);
        Assert.Equal(CreditGrade.B, result.Grade);
        Assert.Equal([CreditFactor.OnTime, CreditFactor.DaysLate, CreditFactor.Trend, CreditFactor.Disputes, CreditFactor.Relationship],
            result.Lines.Select(l => l.Factor));
        Assert.Equal(40m, result.Lines[0].WeightPercent);
        Assert.Equal(100m, Math.Round(result.Lines.Sum(l => l.WeightPercent), 20));
        Assert.Equal([20, 27, 13, 13, 7], result.Lines.Select(l => l.Points));
    }

    [Theory]
    [InlineData(0.845, 85, CreditGrade.A)]   // 84.5 rounds half away from zero
    [InlineData(0.8449, 84, CreditGrade.B)]
    [InlineData(0.70, 70, CreditGrade.B)]
    [InlineData(0.5499, 55, CreditGrade.C)]
    [InlineData(0.4, 40, CreditGrade.D)]
    [InlineData(0.3949, 39, CreditGrade.E)]
    [InlineData(0, 0, CreditGrade.E)]
    public void Calculate_RoundsHalfAwayFromZeroAndGradesByTheCutoffs(double onTime, int score, CreditGrade grade)
    {
        var onlyOnTime = new CreditScoreWeights(OnTime: 1, DaysLate: 0, Trend: 0, Disputes: 0, Exposure: 0, Relationship: 0, ManualRating: 0);
        var result = CreditScore.Calculate(AlwaysOnTime with { OnTimeShare = (decimal)onTime }, onlyOnTime);
        Assert.Equal(score, result.Score);
        Assert.Equal(grade, result.Grade);
        Assert.Equal(score, Assert.Single(result.Lines).Points);
    }

    [Theory]
    [InlineData(-5.0, 100)]    // paid early counts as on time
    [InlineData(0.0, 100)]
    [InlineData(30.0, 50)]
    [InlineData(60.0, 0)]
    [InlineData(400.0, 0)]
    public void DaysLate_FallsEvenlyToZeroAtSixtyDays(double daysLate, int expectedSubScore) =>
        Assert.Equal(expectedSubScore, CreditScore.Calculate(AlwaysOnTime with { AverageDaysLate = (decimal)daysLate })
            .Lines.Single(l => l.Factor == CreditFactor.DaysLate).SubScore);

    [Theory]
    [InlineData(0.0, 100)]
    [InlineData(0.1, 50)]
    [InlineData(0.2, 0)]
    [InlineData(0.9, 0)]
    public void Disputes_FallEvenlyToZeroAtAFifthOfTheAmount(double share, int expectedSubScore) =>
        Assert.Equal(expectedSubScore, CreditScore.Calculate(AlwaysOnTime with { DisputedShare = (decimal)share })
            .Lines.Single(l => l.Factor == CreditFactor.Disputes).SubScore);

    [Theory]
    [InlineData(-20.0, 100)]
    [InlineData(0.0, 100)]
    [InlineData(15.0, 50)]
    [InlineData(45.0, 0)]
    public void Trend_OnlyWorseningCosts(double trend, int expectedSubScore) =>
        Assert.Equal(expectedSubScore, CreditScore.Calculate(AlwaysOnTime with { DaysLateTrend = (decimal)trend })
            .Lines.Single(l => l.Factor == CreditFactor.Trend).SubScore);

    [Theory]
    [InlineData(0.5, 100)]
    [InlineData(0.85, 50)]
    [InlineData(1.2, 0)]
    [InlineData(3.0, 0)]
    public void Exposure_FullUpToHalfTheLimitAndZeroAtTwentyPercentOver(double ratio, int expectedSubScore) =>
        Assert.Equal(expectedSubScore, CreditScore.Calculate(AlwaysOnTime with { ExposureRatio = (decimal)ratio })
            .Lines.Single(l => l.Factor == CreditFactor.Exposure).SubScore);

    [Fact]
    public void TrendOf_ComparesTheLastThreeMonthsWithTheThreeBefore()
    {
        Assert.Equal(-5m, CreditFactors.TrendOf([10m, 10m, 10m, 4m, 5m, 6m]));
        Assert.Equal(2m, CreditFactors.TrendOf([null, 4m, null, 6m, null, null]));
        Assert.Null(CreditFactors.TrendOf([null, null, null, 1m, 2m, 3m]));
    }

    [Theory]
    [InlineData(-1, 20, "creditScore.weights")]
    [InlineData(0, 0, "creditScore.weights")]
    public void Calculate_WithNegativeOrOnlyZeroWeights_IsRefused(int onTime, int others, string rule)
    {
        var weights = new CreditScoreWeights(onTime, others, others, others, others, others, others);
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(() => CreditScore.Calculate(AlwaysOnTime, weights)).Rule);
    }

    [Fact]
    public void Calculate_WhenOnlyMissingFactorsAreWeighted_IsRefused()
    {
        var onlyManual = new CreditScoreWeights(0, 0, 0, 0, 0, 0, ManualRating: 100);
        var e = Assert.Throws<DomainRuleException>(() => CreditScore.Calculate(ChronicLatePayerOverLimit, onlyManual));
        Assert.Equal("creditScore.noFactors", e.Rule);
    }

    [Theory]
    [InlineData(85, 85, 55, 40)]
    [InlineData(101, 70, 55, 40)]
    [InlineData(85, 70, 55, 0)]
    public void Calculate_WithCutoffsOutOfOrder_IsRefused(int a, int b, int c, int d) =>
        Assert.Equal("creditScore.cutoffs", Assert.Throws<DomainRuleException>(
            () => CreditScore.Calculate(AlwaysOnTime, cutoffs: new CreditGradeCutoffs(a, b, c, d))).Rule);

    [Fact]
    public void Calculate_WithAShareAboveOne_IsRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => CreditScore.Calculate(AlwaysOnTime with { OnTimeShare = 1.01m }));
        Assert.Equal(("creditScore.factor", "onTimeShare"), (e.Rule, e.Field));
    }

    private static Gen<decimal?> Maybe(Gen<decimal> gen) => Gen.Select(Gen.Bool, gen, (has, v) => has ? v : (decimal?)null);

    private static readonly Gen<CreditFactors> Factors = Gen.Select(
        Maybe(Gen.Int[0, 10_000].Select(i => i / 10_000m)),
        Maybe(Gen.Int[-30, 400].Select(i => (decimal)i)),
        Maybe(Gen.Int[-600, 600].Select(i => i / 10m)),
        Maybe(Gen.Int[0, 1_000].Select(i => i / 1_000m)),
        Maybe(Gen.Int[0, 3_000].Select(i => i / 1_000m)),
        Gen.Int[0, 600],
        Maybe(Gen.Int[0, 100].Select(i => (decimal)i)),
        (onTime, late, trend, disputed, exposure, months, manual) =>
            new CreditFactors(onTime, late, trend, disputed, exposure, months, manual));

    // Relationship is always known, so giving it a weight of at least 1 keeps every sample scorable.
    private static readonly Gen<CreditScoreWeights> Weights = Gen.Select(
        Gen.Int[0, 50].Array[6], Gen.Int[1, 50],
        (w, relationship) => new CreditScoreWeights(w[0], w[1], w[2], w[3], w[4], relationship, w[5]));

    [Fact]
    public void Calculate_AnyFactorsAndWeights_ScoresZeroToHundredAndThePointsAddUp() =>
        Gen.Select(Factors, Weights).Sample((factors, weights) =>
        {
            var result = CreditScore.Calculate(factors, weights);
            return result.Score is >= 0 and <= 100
                && result.Lines.Sum(l => l.Points) == result.Score
                && result.Lines.All(l => l.Points >= 0 && l.SubScore is >= 0 and <= 100)
                && result.Grade == CreditGradeCutoffs.Default.GradeOf(result.Score);
        }, iter: 2000);

    [Fact]
    public void Calculate_PayingMoreOnTime_NeverLowersTheScore() =>
        Gen.Select(Factors, Weights, Gen.Int[0, 10_000], Gen.Int[0, 10_000]).Sample((factors, weights, a, b) =>
        {
            var (low, high) = (Math.Min(a, b) / 10_000m, Math.Max(a, b) / 10_000m);
            return CreditScore.Calculate(factors with { OnTimeShare = low }, weights).Score
                <= CreditScore.Calculate(factors with { OnTimeShare = high }, weights).Score;
        }, iter: 2000);

    [Fact]
    public void Calculate_PayingLaterOrOwingMore_NeverRaisesTheScore() =>
        Gen.Select(Factors, Weights, Gen.Int[0, 200], Gen.Int[0, 500]).Sample((factors, weights, moreDays, moreExposure) =>
        {
            var before = CreditScore.Calculate(factors, weights).Score;
            var later = factors with { AverageDaysLate = factors.AverageDaysLate is { } d ? d + moreDays : null };
            var owingMore = factors with { ExposureRatio = factors.ExposureRatio is { } r ? r + (moreExposure / 100m) : null };
            return CreditScore.Calculate(later, weights).Score <= before
                && CreditScore.Calculate(owingMore, weights).Score <= before;
        }, iter: 2000);
}
