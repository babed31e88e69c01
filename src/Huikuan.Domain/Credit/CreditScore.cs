namespace Huikuan.Domain.Credit;

public enum CreditFactor
{
    OnTime,
    DaysLate,
    Trend,
    Disputes,
    Exposure,
    Relationship,
    ManualRating,
}

/// <summary>
/// What the score is computed from. A null factor is unknown (no paid invoices yet, no limit, no
/// manual rating) and is left out rather than counted as bad.
/// </summary>
/// <param name="OnTimeShare">Share of paid invoices paid by their due date, 0..1.</param>
/// <param name="AverageDaysLate">Days late weighted by amount; early payment (negative) counts as 0.</param>
/// <param name="DaysLateTrend">Days late in the last three months minus the three before (see <see cref="TrendOf"/>); negative is improving.</param>
/// <param name="DisputedShare">Share of the invoiced amount under dispute, 0..1.</param>
/// <param name="ExposureRatio">Exposure divided by the credit limit; null when there is no limit.</param>
/// <param name="RelationshipMonths">Months since the first invoice.</param>
/// <param name="ManualRating">A financial or external rating entered by hand, 0..100.</param>
public sealed record CreditFactors(
    decimal? OnTimeShare,
    decimal? AverageDaysLate,
    decimal? DaysLateTrend,
    decimal? DisputedShare,
    decimal? ExposureRatio,
    int RelationshipMonths,
    decimal? ManualRating = null)
{
    /// <summary>
    /// The trend from six monthly averages of days late, oldest first (null for a month without
    /// payments): the mean of the last three minus the mean of the first three, null when either half is empty.
    /// </summary>
    public static decimal? TrendOf(IReadOnlyList<decimal?> lastSixMonths)
    {
        ArgumentNullException.ThrowIfNull(lastSixMonths);
        if (lastSixMonths.Count != 6)
        {
            throw new ArgumentException("Six monthly values are needed, oldest first.", nameof(lastSixMonths));
        }
        var before = lastSixMonths.Take(3).Where(m => m.HasValue).Select(m => m!.Value).ToArray();
        var recent = lastSixMonths.Skip(3).Where(m => m.HasValue).Select(m => m!.Value).ToArray();
        return before.Length == 0 || recent.Length == 0 ? null : recent.Average() - before.Average();
    }
}

/// <summary>One factor's part of a score: its sub-score, its renormalised weight (percent) and the points it adds.</summary>
public sealed record CreditScoreLine(CreditFactor Factor, decimal SubScore, decimal WeightPercent, int Points);

/// <summary>A score 0..100, its grade and the factors that make it up; the lines' points add up to <see cref="Score"/>.</summary>
public sealed record CreditScoreResult(int Score, CreditGrade Grade, IReadOnlyList<CreditScoreLine> Lines);

/// <summary>
/// A transparent credit score: each known factor maps to a sub-score 0..100 by a fixed, monotone,
/// bounded rule, and the score is the weighted mean rounded half away from zero. The sub-score rules:
/// <list type="bullet">
/// <item>on time: 100 × share;</item>
/// <item>days late: 100 at 0 days, falling evenly to 0 at <see cref="DaysLateForZero"/> days or more;</item>
/// <item>trend: 100 when flat or improving, falling evenly to 0 at <see cref="TrendDaysForZero"/> days worse (a customer
/// always on time cannot improve, and improvement already lifts the days-late factor);</item>
/// <item>disputes: 100 with none, falling evenly to 0 at <see cref="DisputedShareForZero"/> of the amount or more;</item>
/// <item>exposure: 100 up to <see cref="ExposureRatioForFull"/> of the limit, falling evenly to 0 at <see cref="ExposureRatioForZero"/>;</item>
/// <item>relationship: rising evenly from 0 to 100 at <see cref="RelationshipMonthsForFull"/> months;</item>
/// <item>manual rating: as entered.</item>
/// </list>
/// </summary>
public static class CreditScore
{
    public const decimal DaysLateForZero = 60m;
    public const decimal TrendDaysForZero = 30m;
    public const decimal DisputedShareForZero = 0.2m;
    public const decimal ExposureRatioForFull = 0.5m;
    public const decimal ExposureRatioForZero = 1.2m;
    public const decimal RelationshipMonthsForFull = 36m;

    public static CreditScoreResult Calculate(CreditFactors factors, CreditScoreWeights? weights = null, CreditGradeCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(factors);
        weights ??= CreditScoreWeights.Default;
        cutoffs ??= CreditGradeCutoffs.Default;
        weights.Validate();
        cutoffs.Validate();

        var used = SubScores(factors)
            .Select(s => (s.Factor, s.SubScore, Weight: weights.For(s.Factor)))
            .Where(s => s.Weight > 0)
            .ToArray();
        var weightSum = used.Sum(s => s.Weight);
        if (weightSum == 0)
        {
            throw new DomainRuleException("creditScore.noFactors", "weights",
                "None of the factors known for this customer has a weight above 0.");
        }

        // One division for the total, so that a mean of exactly x.5 is not lost to rounding in the parts.
        var mean = used.Sum(s => s.Weight * s.SubScore) / weightSum;
        var score = (int)Math.Round(mean, MidpointRounding.AwayFromZero);
        var exact = used.Select(s => s.Weight * s.SubScore / weightSum).ToArray();
        var points = LargestRemainder(exact, score);
        var lines = used
            .Select((s, i) => new CreditScoreLine(s.Factor, s.SubScore, s.Weight * 100m / weightSum, points[i]))
            .ToArray();
        return new CreditScoreResult(score, cutoffs.GradeOf(score), lines);
    }

    /// <summary>The sub-scores of the known factors, in <see cref="CreditFactor"/> order.</summary>
    private static List<(CreditFactor Factor, decimal SubScore)> SubScores(CreditFactors factors)
    {
        Validate(factors);
        var list = new List<(CreditFactor, decimal)>();
        if (factors.OnTimeShare is { } onTime)
        {
            list.Add((CreditFactor.OnTime, 100m * onTime));
        }
        if (factors.AverageDaysLate is { } late)
        {
            list.Add((CreditFactor.DaysLate, 100m * (1m - Clamp(late / DaysLateForZero))));
        }
        if (factors.DaysLateTrend is { } trend)
        {
            list.Add((CreditFactor.Trend, 100m * (1m - Clamp(trend / TrendDaysForZero))));
        }
        if (factors.DisputedShare is { } disputed)
        {
            list.Add((CreditFactor.Disputes, 100m * (1m - Clamp(disputed / DisputedShareForZero))));
        }
        if (factors.ExposureRatio is { } ratio)
        {
            list.Add((CreditFactor.Exposure,
                100m * (1m - Clamp((ratio - ExposureRatioForFull) / (ExposureRatioForZero - ExposureRatioForFull)))));
        }
        list.Add((CreditFactor.Relationship, 100m * Clamp(factors.RelationshipMonths / RelationshipMonthsForFull)));
        if (factors.ManualRating is { } rating)
        {
            list.Add((CreditFactor.ManualRating, rating));
        }
        return list;
    }

    /// <summary>The camelCase name of a factor, as in the API and the translations.</summary>
    public static string Key(CreditFactor factor) => factor switch
    {
        CreditFactor.OnTime => "onTime",
        CreditFactor.DaysLate => "daysLate",
        CreditFactor.Trend => "trend",
        CreditFactor.Disputes => "disputes",
        CreditFactor.Exposure => "exposure",
        CreditFactor.Relationship => "relationship",
        CreditFactor.ManualRating => "manualRating",
        _ => throw new ArgumentOutOfRangeException(nameof(factor)),
    };

    private static void Validate(CreditFactors f)
    {
        if (f.OnTimeShare is < 0 or > 1)
        {
            throw Invalid("onTimeShare", "The on-time share must be between 0 and 1.");
        }
        if (f.DisputedShare is < 0 or > 1)
        {
            throw Invalid("disputedShare", "The disputed share must be between 0 and 1.");
        }
        if (f.ExposureRatio is < 0)
        {
            throw Invalid("exposureRatio", "The exposure ratio must not be negative.");
        }
        if (f.RelationshipMonths < 0)
        {
            throw Invalid("relationshipMonths", "The length of the relationship must not be negative.");
        }
        if (f.ManualRating is < 0 or > 100)
        {
            throw Invalid("manualRating", "The manual rating must be between 0 and 100.");
        }
    }

    private static DomainRuleException Invalid(string field, string message) => new("creditScore.factor", field, message);

    private static decimal Clamp(decimal x) => Math.Clamp(x, 0m, 1m);

    /// <summary>
    /// Whole points for exact shares so that they add up to <paramref name="total"/>: each share's whole
    /// part, then one more point to the largest fractions (ties to the earlier, heavier-listed factor).
    /// </summary>
    private static int[] LargestRemainder(decimal[] exact, int total)
    {
        var points = exact.Select(e => (int)decimal.Floor(e)).ToArray();
        var remainder = total - points.Sum();
        var order = Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - points[i]).ThenBy(i => i).ToArray();
        for (var k = 0; k < remainder; k++)
        {
            points[order[k % order.Length]]++;
        }
        return points;
    }
}
