using Huikuan.Domain.Aging;
using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Dunning;

/// <summary>
/// An open item as the dunning run sees it. Disputed amounts, items blocked by hand and what a running payment plan covers
/// (<paramref name="PlannedMinor"/>) are not dunned.
/// </summary>
public sealed record DunningItem(
    Guid InstallmentId, string Currency, DateOnly DueDate, long OpenMinor, long DisputedMinor = 0, bool Blocked = false, long PlannedMinor = 0)
{
    /// <summary>What may be dunned: the open amount less what is in dispute or in a running plan, nothing when blocked.</summary>
    public long CountedMinor => Blocked ? 0 : Math.Max(0, OpenMinor - Math.Max(0, DisputedMinor) - Math.Max(0, PlannedMinor));
}

/// <summary>
/// A customer's state going into a run. <paramref name="CurrentLevel"/> is the level last reached (0: none), on
/// <paramref name="LevelReachedOn"/>, the day the pace between levels counts from.
/// </summary>
public sealed record DunningCustomer(
    Guid CustomerId, CreditGrade? Grade, int CurrentLevel, DateOnly? LevelReachedOn, bool Blocked, bool PromiseToPay, IReadOnlyList<DunningItem> Items);

/// <summary>
/// An amount in another currency in the policy's currency, at the rate of the day; null when there is no rate.
/// </summary>
public delegate long? ToPolicyCurrency(string currency, long minor);

public enum DunningOutcome
{
    /// <summary>Send the level's communication now.</summary>
    Send,
    /// <summary>A payment brought the customer down to a lower level (or none): record it, send nothing.</summary>
    Lower,
    /// <summary>Nothing to do, for <see cref="DunningProposal.Reason"/>.</summary>
    Skip,
}

/// <summary>Why a customer gets nothing in this run; the preview shows it.</summary>
public enum DunningSkipReason
{
    None,
    CustomerBlocked,
    PromiseToPay,
    NothingOverdue,
    OnlyDisputedOrBlocked,
    BelowMinimum,
    LevelAlreadyReached,
    /// <summary>Overdue, but not yet as long as the first level asks.</summary>
    TooEarly,
    /// <summary>A higher level is due, but the previous one was sent fewer than the pace's days ago.</summary>
    WaitingForNextLevel,
    /// <summary>A higher level's minimum amount could not be checked: the items are in a currency without a rate.</summary>
    NoRateForMinimum,
}

/// <summary>
/// What the run does for one customer: the level, the items the communication covers (every counted overdue item),
/// the counted overdue total per currency and the oldest item's days overdue.
/// </summary>
public sealed record DunningProposal(
    Guid CustomerId, DunningOutcome Outcome, int Level, DunningSkipReason Reason, IReadOnlyList<DunningItem> Items,
    IReadOnlyDictionary<string, long> OverdueMinorByCurrency, int OldestDaysOverdue)
{
    /// <summary>The idempotency key of a send: one communication per customer, level and day, whatever re-runs.</summary>
    public string Key(DateOnly runDay) => DunningPlanner.Key(CustomerId, Level, runDay);
}

/// <summary>
/// Plans a dunning run as a pure function of the policy, the customers' states and the day. The age target is the
/// highest level whose days, amount and grade conditions hold for what may be dunned. By the policy's pace a customer
/// climbs one level per run, the next no sooner than the pace's days after the previous one, so a customer never
/// dunned before who is already 40 days late gets the friendly reminder first; "straight to the age's level" sends the
/// target at once. A level follows what is overdue now, whatever the payments' dates: when what is still overdue (disputed
/// and blocked items included) no longer reaches the current level, the level falls, to none when nothing is overdue.
/// </summary>
public static class DunningPlanner
{
    public static string Key(Guid customerId, int level, DateOnly runDay) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dun:{customerId:N}:{level}:{runDay:yyyy-MM-dd}");

    /// <param name="toPolicyCurrency">Converts other currencies for the levels' minimum amounts; without it, they have no rate.</param>
    public static DunningProposal Plan(DunningPolicy policy, DunningCustomer customer, DateOnly runDay, ToPolicyCurrency? toPolicyCurrency = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.CurrentLevel < 0 || customer.CurrentLevel > policy.Levels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(customer), customer.CurrentLevel, "The current level is not a level of this policy.");
        }

        var overdue = customer.Items.Where(i => i.DueDate < runDay && i.OpenMinor > 0).OrderBy(i => i.DueDate).ToList();
        var counted = overdue.Where(i => i.CountedMinor > 0).OrderBy(i => i.DueDate).ThenBy(i => i.InstallmentId).ToList();
        var totals = Totals(counted, i => i.CountedMinor);
        var oldest = counted.Count == 0 ? 0 : AgingBuckets.DaysOverdue(counted[0].DueDate, runDay);

        DunningProposal Result(DunningOutcome outcome, int level, DunningSkipReason reason) =>
            new(customer.CustomerId, outcome, level, reason, outcome == DunningOutcome.Send ? counted : [], totals, oldest);

        // What is overdue now, disputed and blocked items included, decides whether the level still holds; a level whose
        // minimum cannot be checked for lack of a rate is kept.
        var oldestOpen = overdue.Count == 0 ? 0 : AgingBuckets.DaysOverdue(overdue[0].DueDate, runDay);
        var (held, heldUnchecked) = Target(policy, customer.Grade, oldestOpen, Totals(overdue, i => i.OpenMinor), toPolicyCurrency);
        var keep = Math.Max(held, Math.Min(heldUnchecked, customer.CurrentLevel));
        if (keep < customer.CurrentLevel)
        {
            return Result(DunningOutcome.Lower, keep, DunningSkipReason.None);
        }

        if (customer.Blocked)
        {
            return Result(DunningOutcome.Skip, customer.CurrentLevel, DunningSkipReason.CustomerBlocked);
        }
        if (customer.PromiseToPay)
        {
            return Result(DunningOutcome.Skip, customer.CurrentLevel, DunningSkipReason.PromiseToPay);
        }

        var (target, notChecked) = Target(policy, customer.Grade, oldest, totals, toPolicyCurrency);
        if (target > customer.CurrentLevel)
        {
            if (policy.Pace.StraightToAgeLevel)
            {
                return Result(DunningOutcome.Send, target, DunningSkipReason.None);
            }
            if (customer.CurrentLevel > 0 && customer.LevelReachedOn is { } reached
                && runDay.DayNumber - reached.DayNumber < policy.Pace.DaysBetweenLevels)
            {
                return Result(DunningOutcome.Skip, customer.CurrentLevel, DunningSkipReason.WaitingForNextLevel);
            }
            var next = Enumerable.Range(customer.CurrentLevel + 1, target - customer.CurrentLevel)
                .First(n => Reached(policy, n, customer.Grade, oldest, totals, toPolicyCurrency) == true);
            return Result(DunningOutcome.Send, next, DunningSkipReason.None);
        }

        var reason = overdue.Count == 0 ? DunningSkipReason.NothingOverdue
            : counted.Count == 0 ? DunningSkipReason.OnlyDisputedOrBlocked
            : notChecked > customer.CurrentLevel ? DunningSkipReason.NoRateForMinimum
            : target == 0 && ReachesDays(policy, customer.Grade, oldest) ? DunningSkipReason.BelowMinimum
            : target == 0 ? DunningSkipReason.TooEarly
            : DunningSkipReason.LevelAlreadyReached;
        return Result(DunningOutcome.Skip, customer.CurrentLevel, reason);
    }

    private static Dictionary<string, long> Totals(IEnumerable<DunningItem> items, Func<DunningItem, long> amount) =>
        items.GroupBy(i => i.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(amount), StringComparer.Ordinal);

    /// <summary>
    /// The highest level (1-based) whose conditions hold, or 0; and the highest level whose minimum could not be checked
    /// for lack of a rate (0: none).
    /// </summary>
    private static (int Level, int NotChecked) Target(
        DunningPolicy policy, CreditGrade? grade, int oldestDaysOverdue, Dictionary<string, long> totals, ToPolicyCurrency? convert)
    {
        var notChecked = 0;
        for (var n = policy.Levels.Count; n >= 1; n--)
        {
            switch (Reached(policy, n, grade, oldestDaysOverdue, totals, convert))
            {
                case true:
                    return (n, notChecked);
                case null when notChecked == 0:
                    notChecked = n;
                    break;
            }
        }
        return (0, notChecked);
    }

    /// <summary>
    /// Whether a level's conditions hold: its grades, its days and its minimum amount, which is in the policy's currency
    /// and compared with the counted overdue total, other currencies converted. Null when the minimum is not reached by
    /// what could be converted and some currency has no rate: it cannot be told.
    /// </summary>
    private static bool? Reached(
        DunningPolicy policy, int number, CreditGrade? grade, int oldestDaysOverdue, Dictionary<string, long> totals, ToPolicyCurrency? convert)
    {
        var level = policy.Level(number);
        if (!level.AppliesTo(grade) || oldestDaysOverdue < level.MinDaysOverdue || totals.Count == 0)
        {
            return false;
        }
        if (level.MinOverdueMinor == 0)
        {
            return true;
        }
        long sum = 0;
        var missing = false;
        foreach (var (currency, minor) in totals)
        {
            var converted = currency == policy.Currency ? minor : convert?.Invoke(currency, minor);
            if (converted is { } c)
            {
                sum += c;
            }
            else
            {
                missing = true;
            }
        }
        return sum >= level.MinOverdueMinor ? true : missing ? null : false;
    }

    private static bool ReachesDays(DunningPolicy policy, CreditGrade? grade, int oldestDaysOverdue) =>
        policy.Levels.Any(l => l.AppliesTo(grade) && oldestDaysOverdue >= l.MinDaysOverdue);
}
