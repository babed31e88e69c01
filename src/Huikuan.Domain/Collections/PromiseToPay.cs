namespace Huikuan.Domain.Collections;

public enum PromiseStatus
{
    /// <summary>Not yet paid in full, and the promised day and its grace have not passed.</summary>
    Open,
    /// <summary>Receipts from the day it was made to the promised day and its grace add up to the amount.</summary>
    Kept,
    /// <summary>The promised day and its grace have passed without anything paid towards it.</summary>
    Broken,
    /// <summary>The promised day and its grace have passed with part of the amount paid.</summary>
    PartlyKept,
    /// <summary>Withdrawn by hand (a mistake, or replaced by a new promise).</summary>
    Cancelled,
}

/// <summary>
/// Money that came in from the customer on a day. A reversal counts negative and names the receipt it takes back
/// (<paramref name="Reverses"/>), so that it takes back from the promises that receipt served.
/// </summary>
public readonly record struct ReceivedPayment(DateOnly On, long AmountMinor, Guid Id = default, Guid? Reverses = null);

/// <summary>
/// One promise as stored: its terms, and its status and what was counted towards it when it was last decided. A promise
/// decided for good (broken, partly kept, or kept with its grace over) keeps what it was given; the others are read again.
/// </summary>
public sealed record PromiseTerms(
    Guid Id, long AmountMinor, DateOnly MadeOn, DateOnly PromisedOn, PromiseStatus Stored = PromiseStatus.Open, long StoredPaidMinor = 0);

/// <summary>A promise's status as of a day and what was counted towards it.</summary>
public readonly record struct PromiseOutcome(Guid Id, PromiseStatus Status, long PaidMinor);

/// <summary>
/// A customer's promise to pay (承诺付款, R16): an amount by a day. Whether it was kept is read from the receipts in the
/// promise's currency dated from the day the promise was made to its last day: the promised day plus a grace of
/// business days (Monday to Friday), for the money that is on its way. It is kept as soon as they reach the amount,
/// even before the day; once the last day has passed without that, it is partly kept when something was paid towards
/// it and broken when nothing was.
/// </summary>
public static class PromiseToPay
{
    public const int MaxDaysAhead = 366;
    public const int DefaultGraceDays = 2;
    public const int MaxGraceDays = 10;

    public static void Validate(long amountMinor, DateOnly madeOn, DateOnly promisedOn)
    {
        if (amountMinor <= 0)
        {
            throw new DomainRuleException("promise.amount", "amount", "The promised amount must be greater than zero.");
        }
        if (promisedOn < madeOn || promisedOn > madeOn.AddDays(MaxDaysAhead))
        {
            throw new DomainRuleException("promise.date", "promisedOn",
                $"The promised day is between today and {MaxDaysAhead} days ahead.", MaxDaysAhead);
        }
    }

    public static void ValidateGraceDays(int graceDays)
    {
        if (graceDays is < 0 or > MaxGraceDays)
        {
            throw new DomainRuleException("promise.graceDays", "graceDays",
                $"The grace after a promised day is between 0 and {MaxGraceDays} business days.", MaxGraceDays);
        }
    }

    /// <summary>The last day money counts towards a promise: the promised day plus <paramref name="graceDays"/> business days.</summary>
    public static DateOnly LastDay(DateOnly promisedOn, int graceDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        var day = promisedOn;
        for (var left = graceDays; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>
    /// The earliest promised day whose last day is on or after <paramref name="day"/>: an open promise for that day or
    /// later is still running on <paramref name="day"/>.
    /// </summary>
    public static DateOnly RunningFrom(DateOnly day, int graceDays)
    {
        var from = day;
        while (LastDay(from.AddDays(-1), graceDays) >= day)
        {
            from = from.AddDays(-1);
        }
        return from;
    }

    /// <summary>One promise alone, as of <paramref name="today"/>: its status and what has been paid towards it.</summary>
    public static (PromiseStatus Status, long PaidMinor) Evaluate(
        long amountMinor, DateOnly madeOn, DateOnly promisedOn, IEnumerable<ReceivedPayment> receipts, DateOnly today,
        int graceDays = DefaultGraceDays)
    {
        var outcome = EvaluateAll([new PromiseTerms(Guid.Empty, amountMinor, madeOn, promisedOn)], receipts, today, graceDays).Single();
        return (outcome.Status, outcome.PaidMinor);
    }

    /// <summary>
    /// All of one customer's promises in one currency, as of <paramref name="today"/>, in the order given. Promises are
    /// served oldest first (made earlier, then promised earlier, then as given); the receipts are taken day by day (as
    /// given within a day): each goes to the oldest promise it can serve that still needs money (a receipt counts for
    /// a promise when it is dated on or after the day the promise was made and on or before its last day), the rest to
    /// the next, and what no promise needs counts for none. A reversal takes back from the promises its receipt served,
    /// newest first, as far as their last day has not passed on the reversal's day; one that names no receipt takes back
    /// from those whose window holds its day. Cancelled promises take nothing.
    /// </summary>
    public static IReadOnlyList<PromiseOutcome> EvaluateAll(
        IReadOnlyList<PromiseTerms> promises, IEnumerable<ReceivedPayment> receipts, DateOnly today, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(promises);
        ArgumentNullException.ThrowIfNull(receipts);
        ValidateGraceDays(graceDays);
        var states = promises.Select((p, i) => new State(p, i, LastDay(p.PromisedOn, graceDays), today)).ToArray();
        var serving = states.Where(s => s.Terms.Stored != PromiseStatus.Cancelled)
            .OrderBy(s => s.Terms.MadeOn).ThenBy(s => s.Terms.PromisedOn).ThenBy(s => s.Index).ToArray();
        var served = new Dictionary<Guid, List<(State Promise, long Minor)>>();
        var ordered = receipts.Select((r, i) => (Receipt: r, Index: i)).Where(x => x.Receipt.On <= today)
            .OrderBy(x => x.Receipt.On).ThenBy(x => x.Index);
        foreach (var (receipt, _) in ordered)
        {
            if (receipt.AmountMinor > 0)
            {
                var left = receipt.AmountMinor;
                var given = new List<(State, long)>();
                foreach (var s in serving.Where(s => s.Covers(receipt.On)))
                {
                    var take = Math.Min(left, s.Room);
                    if (take <= 0)
                    {
                        continue;
                    }
                    s.Paid += take;
                    given.Add((s, take));
                    left -= take;
                    if (left == 0)
                    {
                        break;
                    }
                }
                if (receipt.Id != Guid.Empty)
                {
                    served[receipt.Id] = given;
                }
            }
            else if (receipt.AmountMinor < 0)
            {
                TakeBack(receipt, served, serving);
            }
        }
        return states.Select(s => s.Outcome(today)).ToList();
    }

    private static void TakeBack(ReceivedPayment reversal, Dictionary<Guid, List<(State Promise, long Minor)>> served, State[] serving)
    {
        var left = -reversal.AmountMinor;
        if (reversal.Reverses is { } original)
        {
            if (!served.TryGetValue(original, out var given))
            {
                return;
            }
            for (var i = given.Count - 1; i >= 0 && left > 0; i--)
            {
                var (s, minor) = given[i];
                if (s.Fixed || !s.Covers(reversal.On))
                {
                    continue;
                }
                var back = Math.Min(Math.Min(minor, left), s.Paid);
                s.Paid -= back;
                given[i] = (s, minor - back);
                left -= back;
            }
            return;
        }
        foreach (var s in serving.Reverse().Where(s => !s.Fixed && s.Covers(reversal.On)))
        {
            var back = Math.Min(left, s.Paid);
            s.Paid -= back;
            left -= back;
            if (left == 0)
            {
                return;
            }
        }
    }

    private sealed class State(PromiseTerms terms, int index, DateOnly lastDay, DateOnly today)
    {
        public PromiseTerms Terms { get; } = terms;
        public int Index { get; } = index;

        /// <summary>Decided for good: it keeps what it was given when it was decided, and no more.</summary>
        public bool Fixed { get; } = terms.Stored is PromiseStatus.Broken or PromiseStatus.PartlyKept
            || (terms.Stored == PromiseStatus.Kept && lastDay < today);

        public long Paid { get; set; }

        private long Cap => Fixed ? Math.Clamp(Terms.StoredPaidMinor, 0, Terms.AmountMinor) : Terms.AmountMinor;

        public long Room => Cap - Paid;

        public bool Covers(DateOnly day) => day >= Terms.MadeOn && day <= lastDay;

        public PromiseOutcome Outcome(DateOnly today)
        {
            if (Terms.Stored == PromiseStatus.Cancelled || Fixed)
            {
                return new PromiseOutcome(Terms.Id, Terms.Stored, Terms.StoredPaidMinor);
            }
            if (Paid >= Terms.AmountMinor)
            {
                return new PromiseOutcome(Terms.Id, PromiseStatus.Kept, Paid);
            }
            if (today > lastDay)
            {
                return new PromiseOutcome(Terms.Id, Paid > 0 ? PromiseStatus.PartlyKept : PromiseStatus.Broken, Paid);
            }
            return new PromiseOutcome(Terms.Id, PromiseStatus.Open, Paid);
        }
    }
}
