namespace Huikuan.Domain.Credit;

/// <summary>An installment as payment behaviour sees it: when it fell due, how much, and when it was settled if it was.</summary>
public readonly record struct DueItem(DateOnly DueDate, long AmountMinor, long OpenMinor, DateOnly? SettledOn);

/// <summary>
/// How a customer has paid, from the installments that fell due in a look-back window: the share paid on time, the
/// amount-weighted average days late, and its trend (the last three months against the three before). Items still
/// open past their due date count as late by the days so far, so a customer who stops paying does not look punctual.
/// </summary>
public sealed record PaymentBehaviour(
    int ItemsDue, int PaidOnTime, decimal? OnTimeShare, decimal? AverageDaysLate, decimal? RecentDaysLate, decimal? EarlierDaysLate)
{
    /// <summary>Positive when the customer pays later than before (days), negative when sooner; null without both periods.</summary>
    public decimal? Trend => RecentDaysLate is { } recent && EarlierDaysLate is { } earlier ? recent - earlier : null;

    /// <summary>Items that fell due in the <paramref name="months"/> up to <paramref name="asOf"/> (not those due later).</summary>
    public static PaymentBehaviour From(IEnumerable<DueItem> items, DateOnly asOf, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(items);
        var from = asOf.AddMonths(-months);
        var recentFrom = asOf.AddMonths(-3);
        var earlierFrom = asOf.AddMonths(-6);
        int due = 0, onTime = 0;
        decimal weighted = 0, amount = 0, recentWeighted = 0, recentAmount = 0, earlierWeighted = 0, earlierAmount = 0;
        foreach (var item in items.Where(i => i.DueDate > from && i.DueDate <= asOf && i.AmountMinor > 0))
        {
            var settled = item.OpenMinor == 0 && item.SettledOn is { } on && on <= asOf ? on : (DateOnly?)null;
            var daysLate = Math.Max(0, (settled ?? asOf).DayNumber - item.DueDate.DayNumber);
            due++;
            if (settled is not null && daysLate == 0)
            {
                onTime++;
            }
            weighted += (decimal)item.AmountMinor * daysLate;
            amount += item.AmountMinor;
            if (item.DueDate > recentFrom)
            {
                recentWeighted += (decimal)item.AmountMinor * daysLate;
                recentAmount += item.AmountMinor;
            }
            else if (item.DueDate > earlierFrom)
            {
                earlierWeighted += (decimal)item.AmountMinor * daysLate;
                earlierAmount += item.AmountMinor;
            }
        }
        return new PaymentBehaviour(due, onTime,
            due == 0 ? null : Math.Round((decimal)onTime / due, 4, MidpointRounding.AwayFromZero),
            Average(weighted, amount), Average(recentWeighted, recentAmount), Average(earlierWeighted, earlierAmount));
    }

    private static decimal? Average(decimal weighted, decimal amount) =>
        amount == 0 ? null : Math.Round(weighted / amount, 1, MidpointRounding.AwayFromZero);
}
