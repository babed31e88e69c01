namespace Huikuan.Domain.Collections;

public enum PromiseStatus
{
    /// <summary>Not yet paid in full, and the promised day has not passed.</summary>
    Open,
    /// <summary>Receipts from the day it was made to the promised day add up to the amount.</summary>
    Kept,
    /// <summary>The promised day and its grace have passed without that much coming in.</summary>
    Broken,
    /// <summary>The promised day and its grace have passed with part of the amount paid.</summary>
    PartlyKept,
    /// <summary>Withdrawn by hand (a mistake, or replaced by a new promise).</summary>
    Cancelled,
}

/// <summary>Money that came in from the customer on a day (a reversal counts negative).</summary>
public readonly record struct ReceivedPayment(DateOnly On, long AmountMinor);

/// <summary>
/// A customer's promise to pay (承诺付款, R16): an amount by a day. Whether it was kept is read from the receipts: what
/// came in from the day the promise was made up to and including the promised day. It is kept as soon as that reaches
/// the amount, and broken the day after the promised day if it has not.
/// </summary>
public static class PromiseToPay
{
    public const int MaxDaysAhead = 366;

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

    /// <summary>The status as of <paramref name="today"/> and what has been paid towards the promise so far.</summary>
    public static (PromiseStatus Status, long PaidMinor) Evaluate(
        long amountMinor, DateOnly madeOn, DateOnly promisedOn, IEnumerable<ReceivedPayment> receipts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var paid = receipts.Where(r => r.On >= madeOn && r.On <= promisedOn && r.On <= today).Sum(r => r.AmountMinor);
        if (paid >= amountMinor)
        {
            return (PromiseStatus.Kept, paid);
        }
        return (today > promisedOn ? PromiseStatus.Broken : PromiseStatus.Open, Math.Max(0, paid));
    }
}
