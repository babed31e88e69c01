namespace Huikuan.Domain.Collections;

/// <summary>What a worklist rule looks at (R14). Each kind has at most one threshold of days and one of amount.</summary>
public enum WorklistRuleKind
{
    /// <summary>What is overdue is at least <c>AmountMinor</c> (company currency).</summary>
    OverdueAmount,
    /// <summary>The oldest overdue item is at least <c>Days</c> past due.</summary>
    DaysPastDue,
    /// <summary>A promise was broken (or only partly kept) in the last <c>Days</c> days and no new one runs.</summary>
    PromiseBroken,
    /// <summary>A promise falls due within <c>Days</c> days (0: today, 1: today or tomorrow).</summary>
    PromiseDue,
    /// <summary>A dispute has been open at least <c>Days</c> days.</summary>
    DisputeOpen,
    /// <summary>The customer is over the credit limit or has orders held by the credit check.</summary>
    OverLimit,
    /// <summary>Something is overdue and nobody has been in touch for at least <c>Days</c> days.</summary>
    NoContact,
    /// <summary>
    /// A habitual late payer (at least half of the last year's items paid late) has an item of at least
    /// <c>AmountMinor</c> falling due within <c>Days</c> days.
    /// </summary>
    LargeItemDue,
    /// <summary>
    /// A customer who pays on average at least <c>Days</c> days late (the last year's items, weighted by amount) has at
    /// least <c>AmountMinor</c> open in items that fell due in the last <see cref="Worklist.RecentlyDueDays"/> days: left
    /// alone, it will be a month overdue; called now, it is still the easiest to collect.
    /// </summary>
    LatePayerRecentlyDue,
    /// <summary>A payment plan was broken in the last <c>Days</c> days and no new plan has been made since.</summary>
    PlanBroken,
}

/// <summary>A rule as the scoring sees it.</summary>
public sealed record WorklistRuleSpec(Guid Id, WorklistRuleKind Kind, int? Days, long? AmountMinor, int Points, bool Enabled = true)
{
    public const int MaxPoints = 1000;
    public const int MaxDays = 3660;

    /// <summary>Whether the kind takes a day threshold, an amount threshold, or both.</summary>
    public static (bool Days, bool Amount) Takes(WorklistRuleKind kind) => kind switch
    {
        WorklistRuleKind.OverdueAmount => (false, true),
        WorklistRuleKind.OverLimit => (false, false),
        WorklistRuleKind.LargeItemDue or WorklistRuleKind.LatePayerRecentlyDue => (true, true),
        _ => (true, false),
    };

    /// <summary>Refuses a rule whose thresholds do not fit its kind or whose points are out of range.</summary>
    public void Validate()
    {
        var (days, amount) = Takes(Kind);
        if (Points is < 0 or > MaxPoints)
        {
            throw new DomainRuleException("worklistRule.points", "points", $"Points are between 0 and {MaxPoints}.", MaxPoints);
        }
        if (!days && Days.HasValue)
        {
            throw new DomainRuleException("worklistRule.noDays", "days", "This rule takes no number of days.");
        }
        if (days && Days is not (>= 0 and <= MaxDays))
        {
            throw new DomainRuleException("worklistRule.days", "days", $"This rule needs a number of days between 0 and {MaxDays}.", MaxDays);
        }
        if (!amount && AmountMinor.HasValue)
        {
            throw new DomainRuleException("worklistRule.noAmount", "amount", "This rule takes no amount.");
        }
        if (amount && AmountMinor is not >= 0)
        {
            throw new DomainRuleException("worklistRule.amount", "amount", "This rule needs an amount of zero or more.");
        }
    }
}

/// <summary>Why a customer is set aside today: dropped from the list, or sunk below everyone else.</summary>
public enum SetAsideReason
{
    /// <summary>Snoozed by hand until a day (dropped).</summary>
    Snoozed,
    /// <summary>A promise runs and is not due yet (dropped).</summary>
    PromiseRunning,
    /// <summary>Money came in in the last few days, at least as much as is still overdue (sunk).</summary>
    JustPaid,
    /// <summary>Money received and not yet applied: it may cover what is overdue (sunk).</summary>
    UnappliedCash,
    /// <summary>A bank line names the customer and waits for an accountant (sunk).</summary>
    RemittancePending,
    /// <summary>Dunning is blocked for the customer (sunk).</summary>
    Blocked,
    /// <summary>An approved payment plan runs: its installments are the collection now (dropped).</summary>
    PaymentPlanRunning,
}

/// <summary>What the collector should do with a row.</summary>
public enum SuggestedAction
{
    /// <summary>Call: nobody has been in touch, or it is simply overdue.</summary>
    Call,
    /// <summary>Call about the broken promise and ask for a new date.</summary>
    ChaseBrokenPromise,
    /// <summary>Remind the customer of a promise due today or tomorrow.</summary>
    ConfirmPromise,
    /// <summary>Get the dispute resolved: nothing disputed is paid until it is.</summary>
    ResolveDispute,
    /// <summary>Talk about the held orders and the limit.</summary>
    DiscussCredit,
    /// <summary>Remind before a large item falls due.</summary>
    RemindBeforeDue,
    /// <summary>Ask the accountant to apply the unapplied cash or post the waiting bank line.</summary>
    ApplyCash,
    /// <summary>Call about the missed installment of the broken payment plan.</summary>
    ChaseBrokenPlan,
    /// <summary>The customer is short of cash: offer a payment plan.</summary>
    OfferPaymentPlan,
    /// <summary>The customer will not pay: escalate (management, agency, legal) rather than remind again.</summary>
    Escalate,
    /// <summary>The customer says the invoice never arrived: send it again.</summary>
    ResendInvoice,
    /// <summary>The payment waits in the customer's own approval: follow it and ask for the approver.</summary>
    FollowApproval,
}

/// <summary>What is known of a customer on the day the list is built, in the company's currency (minor units).</summary>
public sealed record WorklistFacts
{
    public long OverdueMinor { get; init; }

    /// <summary>The due date of the oldest overdue item.</summary>
    public DateOnly? OldestDueDate { get; init; }

    /// <summary>The latest promise broken or partly kept, with its amount; none when a newer promise has been made.</summary>
    public DateOnly? PromiseBrokenOn { get; init; }
    public long BrokenPromiseMinor { get; init; }

    /// <summary>The earliest day of a promise still running (made, not yet kept or broken).</summary>
    public DateOnly? PromiseDueOn { get; init; }
    public long PromiseDueMinor { get; init; }

    /// <summary>When the oldest open dispute was opened, and what is disputed.</summary>
    public DateOnly? OldestDisputeOn { get; init; }
    public long DisputedMinor { get; init; }
    public bool OverLimitOrHeld { get; init; }

    /// <summary>The last day someone was in touch (notes do not count).</summary>
    public DateOnly? LastContactOn { get; init; }

    /// <summary>The largest item falling due soon, when the customer pays late as a habit (see <see cref="WorklistRuleKind.LargeItemDue"/>).</summary>
    public DateOnly? LargeItemDueOn { get; init; }
    public long LargeItemMinor { get; init; }

    /// <summary>The amount-weighted average days late of the last year's items (the daily credit run's finding); null when unknown.</summary>
    public decimal? AverageDaysLate { get; init; }

    /// <summary>What is open in items that fell due in the last <see cref="Worklist.RecentlyDueDays"/> days (before today).</summary>
    public long RecentlyDueMinor { get; init; }
    public DateOnly? LastReceiptOn { get; init; }

    /// <summary>What the customer paid in the last <see cref="Worklist.JustPaidDays"/> days.</summary>
    public long JustPaidMinor { get; init; }
    public long UnappliedMinor { get; init; }
    public bool RemittancePending { get; init; }
    public bool Blocked { get; init; }
    public DateOnly? SnoozedUntil { get; init; }

    /// <summary>The day the latest payment plan broke and what it left unpaid; none when a newer plan has been made.</summary>
    public DateOnly? PlanBrokenOn { get; init; }
    public long BrokenPlanMinor { get; init; }

    /// <summary>An approved payment plan runs.</summary>
    public bool PlanRunning { get; init; }

    /// <summary>A payment plan is proposed or runs (so offering one makes no sense).</summary>
    public bool PlanMade { get; init; }

    /// <summary>The strategy the customer's current cause of delay calls for (the company's, else the default).</summary>
    public CollectionStrategy? Strategy { get; init; }
}

/// <summary>A rule that held, with the figure that made it hold (an amount in minor units, a number of days, a date).</summary>
public sealed record WorklistReason(WorklistRuleKind Kind, Guid RuleId, int Points, long? Amount, int? Days, DateOnly? On);

/// <summary>A customer's place on the list: points, the reasons (most points first), the amount at stake and what to do.</summary>
public sealed record WorklistScore(
    int Points, IReadOnlyList<WorklistReason> Reasons, long AtStakeMinor, SuggestedAction Action, SetAsideReason? SetAside)
{
    /// <summary>The reasons a row shows: at most three.</summary>
    public const int ShownReasons = 3;

    /// <summary>Whether the customer drops out of today's list (snoozed, or a promise is running) rather than sinking.</summary>
    public bool Dropped => SetAside is SetAsideReason.Snoozed or SetAsideReason.PromiseRunning or SetAsideReason.PaymentPlanRunning;
}

/// <summary>
/// The collections worklist's score (R14), after SAP's collection strategies: every enabled rule that holds adds its
/// points, only the strongest of each kind (bands), and the sum ranks the customer; the rules that held are the reasons.
/// A customer whom chasing today would wrong — snoozed, a promise running, money just in or not yet applied, a bank line
/// waiting, dunning blocked — is set aside with that reason: dropped or sunk below the rest.
/// </summary>
public static class Worklist
{
    /// <summary>Money in during this many days before today sinks the customer: the payment may already cover them.</summary>
    public const int JustPaidDays = 3;

    /// <summary>The window of <see cref="WorklistRuleKind.LatePayerRecentlyDue"/>: items overdue for less than a month.</summary>
    public const int RecentlyDueDays = 30;

    /// <summary>The rules a company starts with (amounts in major units of its currency, converted by the caller).</summary>
    public static IReadOnlyList<(WorklistRuleKind Kind, int? Days, decimal? Amount, int Points)> Defaults { get; } =
    [
        (WorklistRuleKind.OverdueAmount, null, 1_000m, 10),
        (WorklistRuleKind.OverdueAmount, null, 10_000m, 20),
        (WorklistRuleKind.OverdueAmount, null, 100_000m, 35),
        (WorklistRuleKind.OverdueAmount, null, 1_000_000m, 50),
        (WorklistRuleKind.DaysPastDue, 1, null, 5),
        (WorklistRuleKind.DaysPastDue, 30, null, 15),
        (WorklistRuleKind.DaysPastDue, 60, null, 25),
        (WorklistRuleKind.DaysPastDue, 90, null, 35),
        // Above every other default rule together: a broken promise is the first call of the next morning.
        (WorklistRuleKind.PromiseBroken, 30, null, 400),
        (WorklistRuleKind.PromiseDue, 1, null, 30),
        (WorklistRuleKind.DisputeOpen, 14, null, 15),
        (WorklistRuleKind.DisputeOpen, 30, null, 25),
        (WorklistRuleKind.OverLimit, null, null, 20),
        (WorklistRuleKind.NoContact, 14, null, 10),
        (WorklistRuleKind.NoContact, 30, null, 20),
        (WorklistRuleKind.LargeItemDue, 7, 50_000m, 15),
        (WorklistRuleKind.LatePayerRecentlyDue, 20, 10_000m, 30),
        (WorklistRuleKind.LatePayerRecentlyDue, 20, 100_000m, 60),
        (WorklistRuleKind.LatePayerRecentlyDue, 20, 1_000_000m, 90),
        (WorklistRuleKind.LatePayerRecentlyDue, 45, 100_000m, 90),
        (WorklistRuleKind.LatePayerRecentlyDue, 45, 1_000_000m, 120),
        // Last, so that the ids of the earlier defaults (derived from their place) stay as they were.
        (WorklistRuleKind.PlanBroken, 30, null, 400),
    ];

    public static WorklistScore Score(WorklistFacts facts, IReadOnlyList<WorklistRuleSpec> rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        var fired = new List<WorklistReason>();
        foreach (var kind in rules.Where(r => r.Enabled).GroupBy(r => r.Kind))
        {
            var best = kind.Select(r => Holds(r, facts, today)).Where(r => r is not null).MaxBy(r => (r!.Points, r.Days ?? 0, r.Amount ?? 0));
            if (best is not null)
            {
                fired.Add(best);
            }
        }
        fired.Sort((a, b) => b.Points != a.Points ? b.Points.CompareTo(a.Points) : a.Kind.CompareTo(b.Kind));
        var points = fired.Sum(r => r.Points);
        return new WorklistScore(points, fired, AtStake(facts, fired), ActionFor(facts, fired), SetAsideFor(facts, fired, today));
    }

    private static WorklistReason? Holds(WorklistRuleSpec rule, WorklistFacts f, DateOnly today)
    {
        var days = rule.Days ?? 0;
        WorklistReason Reason(long? amount = null, int? d = null, DateOnly? on = null) => new(rule.Kind, rule.Id, rule.Points, amount, d, on);
        switch (rule.Kind)
        {
            case WorklistRuleKind.OverdueAmount when f.OverdueMinor > 0 && f.OverdueMinor >= (rule.AmountMinor ?? 0):
                return Reason(amount: f.OverdueMinor);
            case WorklistRuleKind.DaysPastDue when f.OverdueMinor > 0 && f.OldestDueDate is { } due && today.DayNumber - due.DayNumber >= Math.Max(1, days):
                return Reason(d: today.DayNumber - due.DayNumber, on: due);
            case WorklistRuleKind.PromiseBroken when f.PromiseBrokenOn is { } broken && today.DayNumber - broken.DayNumber <= days:
                return Reason(amount: f.BrokenPromiseMinor, on: broken);
            case WorklistRuleKind.PlanBroken when f.PlanBrokenOn is { } planBroken && today.DayNumber - planBroken.DayNumber <= days:
                return Reason(amount: f.BrokenPlanMinor, on: planBroken);
            case WorklistRuleKind.PromiseDue when f.PromiseDueOn is { } due && due >= today && due.DayNumber - today.DayNumber <= days:
                return Reason(amount: f.PromiseDueMinor, on: due);
            case WorklistRuleKind.DisputeOpen when f.OldestDisputeOn is { } opened && today.DayNumber - opened.DayNumber >= days:
                return Reason(amount: f.DisputedMinor, d: today.DayNumber - opened.DayNumber, on: opened);
            case WorklistRuleKind.OverLimit when f.OverLimitOrHeld:
                return Reason();
            case WorklistRuleKind.NoContact when f.OverdueMinor > 0:
                if (f.LastContactOn is not { } last)
                {
                    return Reason();
                }
                return today.DayNumber - last.DayNumber >= days ? Reason(d: today.DayNumber - last.DayNumber, on: last) : null;
            case WorklistRuleKind.LargeItemDue when f.LargeItemDueOn is { } on && on >= today && on.DayNumber - today.DayNumber <= days
                                                   && f.LargeItemMinor >= (rule.AmountMinor ?? 0):
                return Reason(amount: f.LargeItemMinor, on: on);
            case WorklistRuleKind.LatePayerRecentlyDue when f.AverageDaysLate is { } late && late >= days && f.RecentlyDueMinor > 0
                                                           && f.RecentlyDueMinor >= (rule.AmountMinor ?? 0):
                return Reason(amount: f.RecentlyDueMinor, d: (int)Math.Round(late, MidpointRounding.AwayFromZero));
            default:
                return null;
        }
    }

    /// <summary>The overdue amount; before anything is overdue, the promise or the large item the row is about.</summary>
    private static long AtStake(WorklistFacts f, List<WorklistReason> fired)
    {
        if (f.OverdueMinor > 0)
        {
            return f.OverdueMinor;
        }
        return fired.Select(r => r.Kind switch
        {
            WorklistRuleKind.PromiseBroken => f.BrokenPromiseMinor,
            WorklistRuleKind.PlanBroken => f.BrokenPlanMinor,
            WorklistRuleKind.PromiseDue => f.PromiseDueMinor,
            WorklistRuleKind.LargeItemDue => f.LargeItemMinor,
            WorklistRuleKind.DisputeOpen => f.DisputedMinor,
            _ => 0,
        }).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// Money waiting to be applied comes first; then a promise or plan that broke or falls due (the event is the reason to
    /// call); then the strategy the customer's cause of delay calls for; then what the strongest reason asks.
    /// </summary>
    private static SuggestedAction ActionFor(WorklistFacts f, List<WorklistReason> fired)
    {
        if (f.UnappliedMinor > 0 || f.RemittancePending)
        {
            return SuggestedAction.ApplyCash;
        }
        var top = fired.FirstOrDefault()?.Kind;
        switch (top)
        {
            case WorklistRuleKind.PromiseBroken:
                return SuggestedAction.ChaseBrokenPromise;
            case WorklistRuleKind.PlanBroken:
                return SuggestedAction.ChaseBrokenPlan;
            case WorklistRuleKind.PromiseDue:
                return SuggestedAction.ConfirmPromise;
        }
        if (ByStrategy(f) is { } byCause)
        {
            return byCause;
        }
        return top switch
        {
            WorklistRuleKind.DisputeOpen => SuggestedAction.ResolveDispute,
            WorklistRuleKind.OverLimit => SuggestedAction.DiscussCredit,
            WorklistRuleKind.LargeItemDue when f.OverdueMinor == 0 => SuggestedAction.RemindBeforeDue,
            _ => SuggestedAction.Call,
        };
    }

    /// <summary>What the cause's strategy asks for; null when it asks for nothing beyond the usual call.</summary>
    private static SuggestedAction? ByStrategy(WorklistFacts f) => f.Strategy switch
    {
        CollectionStrategy.OfferPaymentPlan when !f.PlanMade => SuggestedAction.OfferPaymentPlan,
        CollectionStrategy.ResolveDisputeFirst => SuggestedAction.ResolveDispute,
        CollectionStrategy.Escalate => SuggestedAction.Escalate,
        CollectionStrategy.ResendInvoice => SuggestedAction.ResendInvoice,
        CollectionStrategy.FollowApproval => SuggestedAction.FollowApproval,
        _ => null,
    };

    private static SetAsideReason? SetAsideFor(WorklistFacts f, List<WorklistReason> fired, DateOnly today)
    {
        if (f.SnoozedUntil is { } until && until >= today)
        {
            return SetAsideReason.Snoozed;
        }
        if (f.PlanRunning)
        {
            return SetAsideReason.PaymentPlanRunning;
        }
        // A running promise drops the customer, unless it falls due now (then the promise is the reason to call).
        if (f.PromiseDueOn is { } due && due >= today && !fired.Any(r => r.Kind == WorklistRuleKind.PromiseDue))
        {
            return SetAsideReason.PromiseRunning;
        }
        if (f.UnappliedMinor > 0)
        {
            return SetAsideReason.UnappliedCash;
        }
        if (f.RemittancePending)
        {
            return SetAsideReason.RemittancePending;
        }
        // Paying at least what is still overdue: the rest may be on its way. A small payment against a large debt is no reason to wait.
        if (f.LastReceiptOn is { } paid && today.DayNumber - paid.DayNumber <= JustPaidDays && f.JustPaidMinor >= f.OverdueMinor)
        {
            return SetAsideReason.JustPaid;
        }
        return f.Blocked ? SetAsideReason.Blocked : null;
    }
}
