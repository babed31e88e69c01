namespace Huikuan.Domain.Credit;

/// <summary>What a customer already owes or will owe, in minor units, before the order being confirmed.</summary>
/// <param name="OpenReceivablesMinor">Open invoice balances; negative when the customer is in credit.</param>
/// <param name="UnbilledOrdersMinor">Confirmed orders not yet invoiced.</param>
/// <param name="UnbilledMilestonesMinor">Milestones reached but not yet invoiced.</param>
public sealed record CreditExposure(long OpenReceivablesMinor, long UnbilledOrdersMinor, long UnbilledMilestonesMinor)
{
    public long TotalMinor => checked(OpenReceivablesMinor + UnbilledOrdersMinor + UnbilledMilestonesMinor);
}

/// <summary>
/// The rules for one grade. <see cref="PrepaymentOnly"/> holds every order that is not prepaid (款到发货).
/// An invoice more than <see cref="MaxDaysOverdue"/> days overdue holds the order; more than
/// <see cref="WarnDaysOverdue"/> warns. Exposure after the order above <see cref="WarnShareOfLimit"/> of
/// the limit warns; above the limit holds.
/// </summary>
public sealed record CreditGradePolicy(bool PrepaymentOnly, int MaxDaysOverdue, int WarnDaysOverdue, decimal WarnShareOfLimit)
{
    public void Validate(CreditGrade grade)
    {
        if (MaxDaysOverdue < 0 || WarnDaysOverdue < 0 || WarnDaysOverdue > MaxDaysOverdue)
        {
            throw new DomainRuleException("creditCheck.policy", $"policy.{grade}.maxDaysOverdue",
                "Overdue days must not be negative and the warning must come before the hold.");
        }
        if (WarnShareOfLimit is <= 0 or > 1)
        {
            throw new DomainRuleException("creditCheck.policy", $"policy.{grade}.warnShareOfLimit",
                "The warning threshold must be a share of the limit above 0 and at most 1.");
        }
    }
}

/// <summary>A policy per grade. Default: the better the grade, the later overdue invoices stop deliveries; E only against prepayment.</summary>
public sealed record CreditPolicy(CreditGradePolicy A, CreditGradePolicy B, CreditGradePolicy C, CreditGradePolicy D, CreditGradePolicy E)
{
    public static readonly CreditPolicy Default = new(
        A: new(PrepaymentOnly: false, MaxDaysOverdue: 60, WarnDaysOverdue: 30, WarnShareOfLimit: 0.9m),
        B: new(PrepaymentOnly: false, MaxDaysOverdue: 45, WarnDaysOverdue: 15, WarnShareOfLimit: 0.9m),
        C: new(PrepaymentOnly: false, MaxDaysOverdue: 30, WarnDaysOverdue: 0, WarnShareOfLimit: 0.85m),
        D: new(PrepaymentOnly: false, MaxDaysOverdue: 15, WarnDaysOverdue: 0, WarnShareOfLimit: 0.8m),
        E: new(PrepaymentOnly: true, MaxDaysOverdue: 0, WarnDaysOverdue: 0, WarnShareOfLimit: 0.8m));

    public CreditGradePolicy For(CreditGrade grade) => grade switch
    {
        CreditGrade.A => A,
        CreditGrade.B => B,
        CreditGrade.C => C,
        CreditGrade.D => D,
        CreditGrade.E => E,
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };
}

public enum CreditDecision
{
    Pass,
    Warn,
    Hold,
}

/// <summary>Why a check warned or held: a stable code (see <see cref="CreditCheck"/>) and the values its message names, in order.</summary>
public sealed record CreditReason(string Code, CreditDecision Severity, IReadOnlyList<long> Values);

/// <summary>
/// The outcome of a credit check. <see cref="ReleasableMinor"/> is, for a hold, the most that can be
/// released (限量供货) without taking exposure over the limit (the whole order when there is no limit), and nothing
/// when the hold is one that no quantity satisfies (prepayment only, a dunning hold); 0 when nothing is held.
/// </summary>
public sealed record CreditCheckResult(CreditDecision Decision, IReadOnlyList<CreditReason> Reasons, long ExposureAfterMinor, long ReleasableMinor);

/// <summary>
/// The credit check when an order is confirmed. Prepaid orders always pass. Reason codes and their values:
/// <list type="bullet">
/// <item>grade.prepaymentOnly (hold): none;</item>
/// <item>limit.exceeded (hold): exposure after the order, limit;</item>
/// <item>limit.warn (warn): exposure after the order, warning threshold, limit;</item>
/// <item>overdue.tooOld (hold): oldest days overdue, the most allowed;</item>
/// <item>overdue.open (warn): oldest days overdue, the most without warning;</item>
/// <item>dunning.hold (hold): none; a dunning level put the customer on credit hold and no payment has lowered it since.</item>
/// </list>
/// </summary>
public static class CreditCheck
{
    public const string PrepaymentOnly = "grade.prepaymentOnly";
    public const string LimitExceeded = "limit.exceeded";
    public const string LimitWarn = "limit.warn";
    public const string OverdueTooOld = "overdue.tooOld";
    public const string OverdueOpen = "overdue.open";
    public const string DunningHold = "dunning.hold";

    /// <param name="creditLimitMinor">Null means no limit.</param>
    /// <param name="oldestDaysOverdue">Days the oldest open invoice is past its due date; 0 when none is overdue.</param>
    public static CreditCheckResult Evaluate(
        long orderAmountMinor, bool prepaid, CreditExposure exposure, long? creditLimitMinor,
        int oldestDaysOverdue, CreditGrade grade, CreditPolicy? policy = null, bool dunningHold = false)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        Validate(orderAmountMinor, exposure, creditLimitMinor, oldestDaysOverdue);
        var rules = (policy ?? CreditPolicy.Default).For(grade);
        rules.Validate(grade);

        var before = exposure.TotalMinor;
        var after = checked(before + orderAmountMinor);
        if (prepaid)
        {
            return new CreditCheckResult(CreditDecision.Pass, [], after, 0);
        }

        var reasons = new List<CreditReason>();
        if (rules.PrepaymentOnly)
        {
            reasons.Add(new(PrepaymentOnly, CreditDecision.Hold, []));
        }
        if (creditLimitMinor is { } limit)
        {
            // Exposure is whole minor units, so "above limit × share" is "above its whole part".
            var warnAt = (long)decimal.Floor(limit * rules.WarnShareOfLimit);
            if (after > limit)
            {
                reasons.Add(new(LimitExceeded, CreditDecision.Hold, [after, limit]));
            }
            else if (after > warnAt)
            {
                reasons.Add(new(LimitWarn, CreditDecision.Warn, [after, warnAt, limit]));
            }
        }
        if (oldestDaysOverdue > rules.MaxDaysOverdue)
        {
            reasons.Add(new(OverdueTooOld, CreditDecision.Hold, [oldestDaysOverdue, rules.MaxDaysOverdue]));
        }
        else if (oldestDaysOverdue > rules.WarnDaysOverdue)
        {
            reasons.Add(new(OverdueOpen, CreditDecision.Warn, [oldestDaysOverdue, rules.WarnDaysOverdue]));
        }
        // Last: the overdue items that led to the dunning level are the cause, and read first.
        if (dunningHold)
        {
            reasons.Add(new(DunningHold, CreditDecision.Hold, []));
        }

        var decision = reasons.Count == 0 ? CreditDecision.Pass : reasons.Max(r => r.Severity);
        var releasable = decision != CreditDecision.Hold ? 0 : Releasable(reasons, orderAmountMinor, before, creditLimitMinor);
        return new CreditCheckResult(decision, reasons, after, releasable);
    }

    /// <summary>
    /// What part of a held order may still go out, by why it is held: nothing when the customer must pay first
    /// (prepayment only, a dunning hold: any delivery on credit breaks the rule); what fits under the limit when the
    /// limit is exceeded; the whole order when only old debt holds it (a credit manager's call, capped by the limit).
    /// </summary>
    public static long Releasable(IReadOnlyList<CreditReason> reasons, long orderAmountMinor, long exposureBeforeMinor, long? creditLimitMinor)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Any(r => r.Code is PrepaymentOnly or DunningHold))
        {
            return 0;
        }
        return creditLimitMinor is { } cap ? Math.Clamp(cap - exposureBeforeMinor, 0, orderAmountMinor) : orderAmountMinor;
    }

    /// <summary>The reason that limits a release: the first that allows nothing, else the limit, else none (old debt only).</summary>
    public static string? ReleaseCappedBy(IReadOnlyList<CreditReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.FirstOrDefault(r => r.Code is PrepaymentOnly or DunningHold)?.Code
            ?? reasons.FirstOrDefault(r => r.Code == LimitExceeded)?.Code;
    }

    private static void Validate(long orderAmountMinor, CreditExposure exposure, long? creditLimitMinor, int oldestDaysOverdue)
    {
        if (orderAmountMinor < 0)
        {
            throw new DomainRuleException("creditCheck.amount", "orderAmount", "The order amount must not be negative.");
        }
        if (exposure.UnbilledOrdersMinor < 0 || exposure.UnbilledMilestonesMinor < 0)
        {
            throw new DomainRuleException("creditCheck.amount", "exposure", "Unbilled orders and milestones must not be negative.");
        }
        if (creditLimitMinor < 0)
        {
            throw new DomainRuleException("creditCheck.amount", "creditLimit", "The credit limit must not be negative.");
        }
        if (oldestDaysOverdue < 0)
        {
            throw new DomainRuleException("creditCheck.overdue", "oldestDaysOverdue", "Days overdue must not be negative.");
        }
    }
}
