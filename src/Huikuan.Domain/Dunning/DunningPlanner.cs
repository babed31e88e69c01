using Huikuan.Domain.Aging;
using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Dunning;

/// <summary>An open item as the dunning run sees it. Disputed amounts and items blocked by hand are not dunned.</summary>
public sealed record DunningItem(Guid InstallmentId, string Currency, DateOnly DueDate, long OpenMinor, long DisputedMinor = 0, bool Blocked = false)
{
    /// <summary>What may be dunned: the open amount less what is in dispute, nothing when blocked.</summary>
    public long CountedMinor => Blocked ? 0 : Math.Max(0, OpenMinor - Math.Max(0, DisputedMinor));
}

/// <summary>
/// A customer's state going into a run. <paramref name="CurrentLevel"/> is the level last reached (0: none);
/// <paramref name="PaidSinceLevel"/> says a payment was applied since it was reached, which lets the level fall.
/// </summary>
public sealed record DunningCustomer(
    Guid CustomerId, CreditGrade? Grade, int CurrentLevel, bool PaidSinceLevel, bool Blocked, bool PromiseToPay, IReadOnlyList<DunningItem> Items);

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
/// Plans a dunning run as a pure function of the policy, the customers' states and the day. The target level is the
/// highest level whose days, amount and grade conditions hold for what may be dunned; a customer never dunned before
/// who is already 40 days late gets the level for 40 days, not a friendly reminder first. A level only rises: without
/// a payment since the current level, a lower target changes nothing; after a payment the level falls to the target.
/// </summary>
public static class DunningPlanner
{
    public static string Key(Guid customerId, int level, DateOnly runDay) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dun:{customerId:N}:{level}:{runDay:yyyy-MM-dd}");

    public static DunningProposal Plan(DunningPolicy policy, DunningCustomer customer, DateOnly runDay)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.CurrentLevel < 0 || customer.CurrentLevel > policy.Levels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(customer), customer.CurrentLevel, "The current level is not a level of this policy.");
        }

        var overdue = customer.Items.Where(i => i.DueDate < runDay && i.OpenMinor > 0).ToList();
        var counted = overdue.Where(i => i.CountedMinor > 0).OrderBy(i => i.DueDate).ThenBy(i => i.InstallmentId).ToList();
        var totals = counted.GroupBy(i => i.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.CountedMinor), StringComparer.Ordinal);
        var oldest = counted.Count == 0 ? 0 : AgingBuckets.DaysOverdue(counted[0].DueDate, runDay);

        DunningProposal Result(DunningOutcome outcome, int level, DunningSkipReason reason) =>
            new(customer.CustomerId, outcome, level, reason, outcome == DunningOutcome.Send ? counted : [], totals, oldest);

        if (customer.Blocked)
        {
            return Result(DunningOutcome.Skip, customer.CurrentLevel, DunningSkipReason.CustomerBlocked);
        }
        if (customer.PromiseToPay)
        {
            return Result(DunningOutcome.Skip, customer.CurrentLevel, DunningSkipReason.PromiseToPay);
        }

        var target = Target(policy, customer.Grade, oldest, totals);
        if (customer.PaidSinceLevel && target < customer.CurrentLevel)
        {
            return Result(DunningOutcome.Lower, target, DunningSkipReason.None);
        }
        if (target > customer.CurrentLevel)
        {
            return Result(DunningOutcome.Send, target, DunningSkipReason.None);
        }

        var reason = overdue.Count == 0 ? DunningSkipReason.NothingOverdue
            : counted.Count == 0 ? DunningSkipReason.OnlyDisputedOrBlocked
            : target == 0 && ReachesDays(policy, customer.Grade, oldest) ? DunningSkipReason.BelowMinimum
            : target == 0 ? DunningSkipReason.TooEarly
            : DunningSkipReason.LevelAlreadyReached;
        return Result(DunningOutcome.Skip, customer.CurrentLevel, reason);
    }

    /// <summary>
    /// The highest level (1-based) whose conditions hold, or 0. A level's minimum amount is in the policy's currency and
    /// is compared with the counted overdue total in that currency; a level without a minimum takes any currency.
    /// </summary>
    private static int Target(DunningPolicy policy, CreditGrade? grade, int oldestDaysOverdue, Dictionary<string, long> totals)
    {
        var inPolicyCurrency = totals.GetValueOrDefault(policy.Currency);
        for (var n = policy.Levels.Count; n >= 1; n--)
        {
            var level = policy.Level(n);
            var amountReached = level.MinOverdueMinor == 0 ? totals.Count > 0 : inPolicyCurrency >= level.MinOverdueMinor;
            if (level.AppliesTo(grade) && oldestDaysOverdue >= level.MinDaysOverdue && amountReached)
            {
                return n;
            }
        }
        return 0;
    }

    private static bool ReachesDays(DunningPolicy policy, CreditGrade? grade, int oldestDaysOverdue) =>
        policy.Levels.Any(l => l.AppliesTo(grade) && oldestDaysOverdue >= l.MinDaysOverdue);
}
