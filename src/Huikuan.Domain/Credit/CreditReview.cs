namespace Huikuan.Domain.Credit;

/// <summary>Why a review task was opened (R4).</summary>
public enum ReviewTrigger
{
    /// <summary>The grade's re-rating date has come (A yearly, B half-yearly, C quarterly, D and E monthly by default).</summary>
    Scheduled,
    /// <summary>An invoice is more than <see cref="ReviewSchedule.OverdueDaysForReview"/> days overdue.</summary>
    Overdue,
    /// <summary>Exposure is above the limit.</summary>
    LimitExceeded,
    /// <summary>A promise to pay passed its day without the money (read from the receipts).</summary>
    BrokenPromise,
}

public enum ReviewStatus
{
    Open,
    InProgress,
    Done,
}

/// <summary>
/// When a customer is re-rated: every <see cref="MonthsFor"/> months after the last review, by grade. A company may
/// set its own months per grade (1 to 24); the defaults are the brief's monthly review, quarterly check and annual audit.
/// </summary>
public sealed record ReviewSchedule(int A, int B, int C, int D, int E)
{
    /// <summary>An invoice overdue by more than this many days opens a review.</summary>
    public const int OverdueDaysForReview = 60;

    public static readonly ReviewSchedule Default = new(A: 12, B: 6, C: 3, D: 1, E: 1);

    public int MonthsFor(CreditGrade grade) => grade switch
    {
        CreditGrade.A => A,
        CreditGrade.B => B,
        CreditGrade.C => C,
        CreditGrade.D => D,
        CreditGrade.E => E,
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    /// <summary>The next scheduled review after one done (or a first grading) on <paramref name="reviewedOn"/>.</summary>
    public DateOnly NextReview(CreditGrade grade, DateOnly reviewedOn) => reviewedOn.AddMonths(MonthsFor(grade));

    public void Validate()
    {
        foreach (var grade in Enum.GetValues<CreditGrade>())
        {
            if (MonthsFor(grade) is < 1 or > 24)
            {
                throw new DomainRuleException("creditReview.months", $"policy.{grade}.reviewMonths",
                    "A grade is reviewed every 1 to 24 months.", grade.ToString());
            }
        }
    }

    /// <summary>
    /// The triggers that are due for a customer today, in <see cref="ReviewTrigger"/> order. A graded customer without a
    /// review date is due at once (it was graded before schedules existed); an ungraded one has nothing to re-rate.
    /// </summary>
    public static IReadOnlyList<ReviewTrigger> DueTriggers(
        bool graded, DateOnly? nextReviewOn, DateOnly today, int oldestDaysOverdue, long exposureMinor, long? limitMinor, bool brokenPromise = false)
    {
        var due = new List<ReviewTrigger>();
        if (graded && (nextReviewOn is null || nextReviewOn <= today))
        {
            due.Add(ReviewTrigger.Scheduled);
        }
        if (oldestDaysOverdue > OverdueDaysForReview)
        {
            due.Add(ReviewTrigger.Overdue);
        }
        if (limitMinor is { } limit && exposureMinor > limit)
        {
            due.Add(ReviewTrigger.LimitExceeded);
        }
        if (brokenPromise)
        {
            due.Add(ReviewTrigger.BrokenPromise);
        }
        return due;
    }
}
