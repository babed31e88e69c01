namespace Huikuan.Domain.Collections;

/// <summary>Where a payment plan (分期还款计划) stands.</summary>
public enum PaymentPlanStatus
{
    /// <summary>Agreed with the customer, waiting for a credit manager's approval; nothing is followed yet.</summary>
    Proposed,
    /// <summary>Approved: receipts count towards its lines, dunning of the covered items pauses.</summary>
    Running,
    /// <summary>Every line paid in full.</summary>
    Completed,
    /// <summary>A line was not paid in full by its due date and the grace after it.</summary>
    Broken,
    /// <summary>Withdrawn by hand (before or after approval).</summary>
    Cancelled,
}

/// <summary>One installment of a plan: an amount (minor units of the plan's currency) due on a day.</summary>
public readonly record struct PaymentPlanLine(DateOnly DueOn, long AmountMinor);

/// <summary>A plan's status as of a day, what has been paid towards it, each line's part, and the line that broke it.</summary>
public sealed record PaymentPlanOutcome(PaymentPlanStatus Status, long PaidMinor, IReadOnlyList<long> LinesPaidMinor, int? BrokenLine);

/// <summary>
/// Payment plans (分期还款计划, R18): a rescheduled set of installments agreed with a customer short of cash, covering part
/// or all of what is overdue in the customer's currency. Approved by someone other than the proposer, then followed like a
/// promise to pay: receipts dated from the day of approval count towards the lines, oldest line first; a line not paid in
/// full by its due date plus the company's grace in business days breaks the plan; every line paid completes it.
/// </summary>
public static class PaymentPlans
{
    public const int MaxLines = 36;

    /// <summary>The last installment falls due at most about three years ahead.</summary>
    public const int MaxDaysAhead = 3 * 366;

    /// <summary>
    /// Checks the lines a person proposes on <paramref name="today"/>: at least one and at most <see cref="MaxLines"/>,
    /// every amount above zero, no day before today nor beyond <see cref="MaxDaysAhead"/>, days strictly increasing, the
    /// total equal to <paramref name="coveredMinor"/> (the amount the plan says it covers) and at most
    /// <paramref name="openOverdueMinor"/> (what the customer has overdue in that currency).
    /// </summary>
    public static void Validate(IReadOnlyList<PaymentPlanLine> lines, long coveredMinor, long openOverdueMinor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new DomainRuleException("paymentPlan.noLines", "lines", "A payment plan needs at least one installment.");
        }
        if (lines.Count > MaxLines)
        {
            throw new DomainRuleException("paymentPlan.tooManyLines", "lines", $"A payment plan has at most {MaxLines} installments.", MaxLines);
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.AmountMinor <= 0)
            {
                throw new DomainRuleException("paymentPlan.lineAmount", $"lines[{i}].amount",
                    "Every installment's amount must be greater than zero.");
            }
            if (line.DueOn < today)
            {
                throw new DomainRuleException("paymentPlan.pastDate", $"lines[{i}].dueOn", "An installment cannot fall due before today.");
            }
            if (line.DueOn > today.AddDays(MaxDaysAhead))
            {
                throw new DomainRuleException("paymentPlan.tooFar", $"lines[{i}].dueOn",
                    $"An installment falls due at most {MaxDaysAhead} days ahead.", MaxDaysAhead);
            }
            if (i > 0 && line.DueOn <= lines[i - 1].DueOn)
            {
                throw new DomainRuleException("paymentPlan.dateOrder", $"lines[{i}].dueOn",
                    "Each installment falls due after the one before it.");
            }
        }
        var total = Total(lines);
        if (total != coveredMinor)
        {
            throw new DomainRuleException("paymentPlan.total", "amount", "The installments must add up to the amount the plan covers.");
        }
        if (total > openOverdueMinor)
        {
            throw new DomainRuleException("paymentPlan.overOverdue", "amount",
                "A payment plan covers at most what the customer has overdue in this currency.");
        }
    }

    public static long Total(IReadOnlyList<PaymentPlanLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Aggregate(0L, (sum, l) => checked(sum + l.AmountMinor));
    }

    /// <summary>
    /// Splits <paramref name="totalMinor"/> into <paramref name="count"/> monthly lines from <paramref name="firstDueOn"/>
    /// (the same day of each following month, or the month's last day), the remainder on the first lines so that they add up.
    /// </summary>
    public static IReadOnlyList<PaymentPlanLine> Even(long totalMinor, int count, DateOnly firstDueOn)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(totalMinor);
        var each = totalMinor / count;
        var rest = totalMinor % count;
        return [.. Enumerable.Range(0, count).Select(i => new PaymentPlanLine(firstDueOn.AddMonths(i), each + (i < rest ? 1 : 0)))];
    }

    /// <summary>
    /// A plan as of <paramref name="today"/>. <paramref name="stored"/> decided for good (completed with its last window
    /// over, broken or cancelled) is given back as it is; a proposed plan follows nothing. Otherwise the receipts in the
    /// plan's currency dated from <paramref name="approvedOn"/> to today count, oldest first, towards the lines in order
    /// (a reversal counts negative on its day, unless it takes back a receipt from before the approval). The plan breaks
    /// at the first line whose last day (due date plus <paramref name="graceDays"/> business days) has passed while
    /// what came in by then does not reach the lines up to it; it is completed once everything is paid.
    /// </summary>
    public static PaymentPlanOutcome Evaluate(
        IReadOnlyList<PaymentPlanLine> lines, PaymentPlanStatus stored, DateOnly approvedOn, IEnumerable<ReceivedPayment> receipts,
        DateOnly today, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(receipts);
        PromiseToPay.ValidateGraceDays(graceDays);
        if (stored is PaymentPlanStatus.Proposed or PaymentPlanStatus.Cancelled or PaymentPlanStatus.Broken)
        {
            return new PaymentPlanOutcome(stored, 0, [.. lines.Select(_ => 0L)], null);
        }
        var counted = receipts.Where(r => r.On >= approvedOn && r.On <= today).ToList();
        var before = receipts.Where(r => r.On < approvedOn && r.Id != Guid.Empty).Select(r => r.Id).ToHashSet();
        var days = counted.Where(r => !(r.AmountMinor < 0 && r.Reverses is { } of && before.Contains(of)))
            .GroupBy(r => r.On).OrderBy(g => g.Key).Select(g => (On: g.Key, Minor: g.Sum(r => r.AmountMinor))).ToList();

        long PaidBy(DateOnly day) => Math.Max(0, days.Where(d => d.On <= day).Sum(d => d.Minor));

        var due = 0L;
        int? broken = null;
        for (var i = 0; i < lines.Count; i++)
        {
            due += lines[i].AmountMinor;
            var last = PromiseToPay.LastDay(lines[i].DueOn, graceDays);
            if (last < today && PaidBy(last) < due)
            {
                broken = i;
                break;
            }
        }
        var paid = Math.Min(PaidBy(today), Total(lines));
        var parts = Spread(lines, paid);
        var status = broken is not null ? PaymentPlanStatus.Broken
            : paid >= Total(lines) ? PaymentPlanStatus.Completed
            : PaymentPlanStatus.Running;
        return new PaymentPlanOutcome(status, paid, parts, broken);
    }

    /// <summary>The last day money may still change a completed plan: its last line's due date plus the grace.</summary>
    public static DateOnly LastDay(IReadOnlyList<PaymentPlanLine> lines, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return PromiseToPay.LastDay(lines[^1].DueOn, graceDays);
    }

    private static long[] Spread(IReadOnlyList<PaymentPlanLine> lines, long paid)
    {
        var parts = new long[lines.Count];
        for (var i = 0; i < lines.Count && paid > 0; i++)
        {
            parts[i] = Math.Min(paid, lines[i].AmountMinor);
            paid -= parts[i];
        }
        return parts;
    }

    /// <summary>
    /// Which overdue items a plan of <paramref name="totalMinor"/> covers: the oldest due first, each up to what is open on
    /// it, the last one in part. While the plan runs, dunning leaves these amounts alone.
    /// </summary>
    public static IReadOnlyList<(Guid InstallmentId, long CoveredMinor)> Cover(
        IEnumerable<(Guid InstallmentId, DateOnly DueDate, long OpenMinor)> overdue, long totalMinor)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        var left = totalMinor;
        var covered = new List<(Guid, long)>();
        foreach (var item in overdue.Where(i => i.OpenMinor > 0).OrderBy(i => i.DueDate).ThenBy(i => i.InstallmentId))
        {
            if (left <= 0)
            {
                break;
            }
            var take = Math.Min(left, item.OpenMinor);
            covered.Add((item.InstallmentId, take));
            left -= take;
        }
        return covered;
    }
}
