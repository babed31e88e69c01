namespace Huikuan.Domain.Credit;

/// <summary>
/// How much each factor counts. Only the proportions matter: the weights of the factors a customer
/// has are renormalised to 100, so a missing manual rating spreads its share over the others.
/// A weight of 0 leaves a factor out. The defaults add up to 100 and put payment behaviour first
/// (on time, days late, trend: 60), then exposure (15), disputes and the manual rating (10 each)
/// and the length of the relationship (5).
/// </summary>
public sealed record CreditScoreWeights(
    decimal OnTime = 30,
    decimal DaysLate = 20,
    decimal Trend = 10,
    decimal Disputes = 10,
    decimal Exposure = 15,
    decimal Relationship = 5,
    decimal ManualRating = 10)
{
    public static readonly CreditScoreWeights Default = new();

    public decimal For(CreditFactor factor) => factor switch
    {
        CreditFactor.OnTime => OnTime,
        CreditFactor.DaysLate => DaysLate,
        CreditFactor.Trend => Trend,
        CreditFactor.Disputes => Disputes,
        CreditFactor.Exposure => Exposure,
        CreditFactor.Relationship => Relationship,
        CreditFactor.ManualRating => ManualRating,
        _ => throw new ArgumentOutOfRangeException(nameof(factor)),
    };

    public void Validate()
    {
        var sum = 0m;
        foreach (var factor in Enum.GetValues<CreditFactor>())
        {
            var w = For(factor);
            if (w < 0)
            {
                throw new DomainRuleException("creditScore.weights", "weights." + CreditScore.Key(factor),
                    $"The weight of {CreditScore.Key(factor)} must not be negative.", CreditScore.Key(factor));
            }
            sum += w;
        }
        if (sum <= 0)
        {
            throw new DomainRuleException("creditScore.weights", "weights", "At least one weight must be greater than 0.");
        }
    }
}

public enum CreditGrade
{
    A,
    B,
    C,
    D,
    E,
}

/// <summary>The lowest score of each grade; below <see cref="D"/> is E. Default A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40.</summary>
public sealed record CreditGradeCutoffs(int A = 85, int B = 70, int C = 55, int D = 40)
{
    public static readonly CreditGradeCutoffs Default = new();

    public void Validate()
    {
        if (A > 100 || A <= B || B <= C || C <= D || D < 1)
        {
            throw new DomainRuleException("creditScore.cutoffs", "cutoffs",
                "Grade cut-offs must fall from A to D, A at most 100 and D at least 1.");
        }
    }

    public CreditGrade GradeOf(int score) =>
        score >= A ? CreditGrade.A
        : score >= B ? CreditGrade.B
        : score >= C ? CreditGrade.C
        : score >= D ? CreditGrade.D
        : CreditGrade.E;
}
