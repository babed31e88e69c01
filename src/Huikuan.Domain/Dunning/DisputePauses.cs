using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Dunning;

/// <summary>An installment of one invoice as a dispute's pause sees it.</summary>
public sealed record PausedItem(Guid Id, DateOnly DueDate, long AmountMinor, IReadOnlyList<Payment> Payments);

/// <summary>A dispute on the invoice: its amount, the day it was opened and the day it was resolved (null while open).</summary>
public sealed record PausingDispute(long AmountMinor, DateOnly OpenedOn, DateOnly? ResolvedOn);

/// <summary>
/// Late interest pauses on what is disputed (R17). The rule: an item's disputed part accrues no interest for the days
/// its dispute was open, from the day it was opened through the day it was resolved (both included), or through the
/// letter's day while it is still open. A dispute covers the invoice's oldest items first, as dunning leaves them out,
/// each up to what was still open on it the day the dispute was opened less what disputes open that day cover. The
/// pause stays whatever the outcome: a rejected dispute does not charge the interest of its days afterwards (a
/// business choice: the customer was told the amount was under review).
/// </summary>
public static class DisputePauses
{
    public static IReadOnlyDictionary<Guid, IReadOnlyList<InterestPause>> Cover(IReadOnlyList<PausedItem> items, IEnumerable<PausingDispute> disputes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(disputes);
        var result = items.ToDictionary(i => i.Id, _ => new List<InterestPause>());
        var ordered = items.OrderBy(i => i.DueDate).ThenBy(i => i.Id).ToList();
        var placed = new List<(PausingDispute Dispute, Guid Item, long Minor)>();
        foreach (var d in disputes.OrderBy(d => d.OpenedOn))
        {
            var left = d.AmountMinor;
            var through = d.ResolvedOn ?? DateOnly.MaxValue;
            foreach (var i in ordered)
            {
                if (left <= 0)
                {
                    break;
                }
                var open = i.AmountMinor - i.Payments.Where(p => p.On < d.OpenedOn).Sum(p => p.AmountMinor);
                var taken = placed.Where(x => x.Item == i.Id && (x.Dispute.ResolvedOn ?? DateOnly.MaxValue) >= d.OpenedOn).Sum(x => x.Minor);
                var minor = Math.Min(left, Math.Max(0, open - taken));
                if (minor <= 0)
                {
                    continue;
                }
                placed.Add((d, i.Id, minor));
                result[i.Id].Add(new InterestPause(d.OpenedOn, through, minor));
                left -= minor;
            }
        }
        return result.ToDictionary(x => x.Key, x => (IReadOnlyList<InterestPause>)x.Value);
    }
}
