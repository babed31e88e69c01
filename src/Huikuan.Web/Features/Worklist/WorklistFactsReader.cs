using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.ExchangeRates;
using Microsoft.EntityFrameworkCore;
using Causes = Huikuan.Domain.Collections.DelayCauses;

namespace Huikuan.Web.Features.Worklist;

/// <summary>A customer as the worklist names and assigns it.</summary>
internal sealed record WorklistCustomer(Guid Id, string Code, string Name, Guid? SalespersonId, string? Region, Guid? CollectorId);

/// <summary>
/// What the worklist knows of every customer of a company on a day, read in one query per source (open items, payment
/// habits, promises, disputes, payment plans, causes of delay, contacts, receipts, bank lines, blocks, snoozes, limits and
/// held orders), each grouped by customer in SQL, so that a company of 50,000 customers is read in a few queries. Amounts are converted into the company's currency at the
/// rate table's rate of the day; an amount in a currency without a rate is left out of the figures.
/// </summary>
internal sealed class WorklistFactsReader(HuikuanDbContext db, Guid company, DateOnly today)
{
    /// <summary>
    /// The least number of the last year's items on which a customer's habit is judged; a habitual late payer paid at
    /// least half of them late (or not yet).
    /// </summary>
    public const int HabitMinimumItems = 4;

    /// <summary>Unapplied cash sinks a customer when it is at least this share of what is overdue.</summary>
    public const decimal UnappliedShare = 0.1m;

    public async Task<(IReadOnlyList<WorklistCustomer> Customers, Dictionary<Guid, WorklistFacts> Facts, CompanyTotals Totals)> ReadAsync(
        IReadOnlyList<WorklistRuleSpec> rules, Guid? owner, CancellationToken ct)
    {
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && (owner == null || c.SalespersonId == owner))
            .Select(c => new WorklistCustomer(c.Id, c.Code, c.Name, c.SalespersonId, c.Region, c.CollectorId)).ToListAsync(ct);
        var known = owner is null ? null : customers.Select(c => c.Id).ToHashSet();

        var recentFrom = today.AddDays(-Huikuan.Domain.Collections.Worklist.RecentlyDueDays);
        var open = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && i.OpenMinor != 0)
            .GroupBy(i => new { i.CustomerId, i.Currency })
            .Select(g => new
            {
                g.Key.CustomerId, g.Key.Currency,
                Open = g.Sum(i => i.OpenMinor),
                Overdue = g.Sum(i => i.DueDate < today ? i.OpenMinor : 0),
                Recent = g.Sum(i => i.DueDate < today && i.DueDate >= recentFrom ? i.OpenMinor : 0),
                OldestDue = g.Min(i => i.DueDate < today ? (DateOnly?)i.DueDate : null),
            }).ToListAsync(ct);
        // Every currency with a rate, not only those of the open items: promises and disputes may be in others.
        var rated = await db.ExchangeRates.AsNoTracking().Where(r => r.CompanyId == company).Select(r => r.Currency).Distinct().ToListAsync(ct);
        var currencies = open.Select(o => o.Currency).Concat(rated).ToHashSet(StringComparer.Ordinal);
        var totals = await CompanyTotals.LoadAsync(db, company, today, currencies, ct);
        var facts = new Dictionary<Guid, WorklistFacts>();
        WorklistFacts For(Guid id) => facts.TryGetValue(id, out var f) ? f : new WorklistFacts();
        void Set(Guid id, WorklistFacts f)
        {
            if (known is null || known.Contains(id))
            {
                facts[id] = f;
            }
        }

        // The habit is the daily credit run's finding (payment behaviour of the last 12 months), stored per customer.
        var habits = await db.CustomerPaymentHabits.AsNoTracking().Where(h => h.CompanyId == company && h.ItemsDue >= HabitMinimumItems)
            .Select(h => new { h.CustomerId, h.ItemsDue, h.PaidOnTime, h.AverageDaysLate }).ToListAsync(ct);
        var latePayers = habits.Where(h => h.PaidOnTime * 2 <= h.ItemsDue).Select(h => h.CustomerId).ToHashSet();
        var daysLate = habits.Where(h => h.AverageDaysLate is not null).ToDictionary(h => h.CustomerId, h => h.AverageDaysLate);
        foreach (var o in open.Where(o => o.Overdue > 0))
        {
            var f = For(o.CustomerId);
            Set(o.CustomerId, f with
            {
                OverdueMinor = f.OverdueMinor + Minor(totals, o.Currency, o.Overdue),
                OldestDueDate = f.OldestDueDate is { } d && d < o.OldestDue!.Value ? d : o.OldestDue,
                AverageDaysLate = daysLate.GetValueOrDefault(o.CustomerId),
                // Part of the overdue amount: an amount without a rate is named as left out once, by the line above.
                RecentlyDueMinor = f.RecentlyDueMinor + (o.Recent != 0 && totals.CanConvert(o.Currency) ? Minor(totals, o.Currency, o.Recent) : 0),
            });
        }

        await LargeItemsDueAsync(rules, totals, latePayers, For, Set, ct);
        await PromisesAsync(rules, totals, For, Set, ct);
        await DisputesAsync(totals, For, Set, ct);
        await PaymentPlansAsync(rules, totals, For, Set, ct);
        await CausesAsync(For, Set, ct);
        await CreditAsync(open.Select(o => (o.CustomerId, o.Currency, o.Open)).ToList(), For, Set, ct);

        var contacts = await db.CollectionActivities.AsNoTracking()
            .Where(a => a.CompanyId == company && a.Kind != ContactKind.Note && a.OccurredOn <= today)
            .GroupBy(a => a.CustomerId).Select(g => new { CustomerId = g.Key, Last = g.Max(a => a.OccurredOn) }).ToListAsync(ct);
        foreach (var c in contacts)
        {
            Set(c.CustomerId, For(c.CustomerId) with { LastContactOn = c.Last });
        }

        var since = today.AddDays(-Huikuan.Domain.Collections.Worklist.JustPaidDays);
        var paid = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.ReceivedOn >= since && r.ReceivedOn <= today && r.AmountMinor > 0 && r.ReversalOfId == null)
            .GroupBy(r => new { r.CustomerId, r.Currency })
            .Select(g => new { g.Key.CustomerId, g.Key.Currency, Last = g.Max(r => r.ReceivedOn), Sum = g.Sum(r => r.AmountMinor) }).ToListAsync(ct);
        foreach (var p in paid.GroupBy(p => p.CustomerId).Where(p => facts.ContainsKey(p.Key)))
        {
            // Not part of the list's figures: a currency without a rate counts as nothing paid, and is not named as left out.
            var sum = p.Where(x => totals.CanConvert(x.Currency)).Sum(x => Minor(totals, x.Currency, x.Sum));
            Set(p.Key, For(p.Key) with { LastReceiptOn = p.Max(x => x.Last), JustPaidMinor = sum });
        }

        // unapplied_minor <> 0, not > 0: so SQLite sees that the partial index of unapplied receipts applies.
        var unapplied = await db.Receipts.AsNoTracking().Where(r => r.CompanyId == company && r.UnappliedMinor != 0)
            .GroupBy(r => new { r.CustomerId, r.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(r => r.UnappliedMinor) })
            .ToListAsync(ct);
        foreach (var u in unapplied.GroupBy(u => u.CustomerId).Where(g => facts.ContainsKey(g.Key)))
        {
            var f = For(u.Key);
            var sum = u.Sum(x => Minor(totals, x.Currency, x.Sum));
            // A few cents left on an old receipt must not hide a customer for ever: only cash that could matter counts.
            if (sum > 0 && sum >= f.OverdueMinor * UnappliedShare)
            {
                Set(u.Key, f with { UnappliedMinor = sum });
            }
        }

        var pending = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.CompanyId == company && l.AmountMinor > 0 && l.MatchedCustomerId != null
                        && (l.Status == BankLineStatus.ToReview || l.Status == BankLineStatus.Unmatched) && l.ReceiptId == null)
            .Select(l => l.MatchedCustomerId!.Value).Distinct().ToListAsync(ct);
        foreach (var id in pending.Where(facts.ContainsKey))
        {
            Set(id, For(id) with { RemittancePending = true });
        }

        var blocked = await db.DunningBlocks.AsNoTracking()
            .Where(b => b.CompanyId == company && b.InvoiceId == null && b.ReleasedAt == null && b.BlockedOn <= today && (b.Until == null || b.Until >= today))
            .Select(b => b.CustomerId).Distinct().ToListAsync(ct);
        foreach (var id in blocked.Where(facts.ContainsKey))
        {
            Set(id, For(id) with { Blocked = true });
        }

        var snoozed = await db.WorklistSnoozes.AsNoTracking().Where(s => s.CompanyId == company && s.EndedAt == null && s.Until >= today)
            .GroupBy(s => s.CustomerId).Select(g => new { CustomerId = g.Key, Until = g.Max(s => s.Until) }).ToListAsync(ct);
        foreach (var s in snoozed.Where(s => facts.ContainsKey(s.CustomerId)))
        {
            Set(s.CustomerId, For(s.CustomerId) with { SnoozedUntil = s.Until });
        }
        return (customers, facts, totals);
    }

    /// <summary>The largest open item falling due within the rules' window, for customers who paid most of last year's items late.</summary>
    private async Task LargeItemsDueAsync(IReadOnlyList<WorklistRuleSpec> rules, CompanyTotals totals, HashSet<Guid> latePayers,
        Func<Guid, WorklistFacts> get, Action<Guid, WorklistFacts> set, CancellationToken ct)
    {
        var large = rules.Where(r => r.Enabled && r.Kind == WorklistRuleKind.LargeItemDue).ToList();
        if (large.Count == 0 || latePayers.Count == 0)
        {
            return;
        }
        var until = today.AddDays(large.Max(r => r.Days ?? 0));
        var least = large.Min(r => r.AmountMinor ?? 0);
        var items = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor != 0 && i.DueDate >= today && i.DueDate <= until)
            .Select(i => new { i.CustomerId, i.Currency, i.OpenMinor, i.DueDate }).ToListAsync(ct);
        var largest = items.Where(i => latePayers.Contains(i.CustomerId))
            .Select(i => (i.CustomerId, i.DueDate, Amount: Minor(totals, i.Currency, i.OpenMinor)))
            .Where(i => i.Amount >= least && i.Amount > 0)
            .GroupBy(i => i.CustomerId).Select(g => g.MaxBy(i => i.Amount));
        foreach (var item in largest)
        {
            set(item.CustomerId, get(item.CustomerId) with { LargeItemDueOn = item.DueDate, LargeItemMinor = item.Amount });
        }
    }

    private async Task PromisesAsync(IReadOnlyList<WorklistRuleSpec> rules, CompanyTotals totals, Func<Guid, WorklistFacts> get,
        Action<Guid, WorklistFacts> set, CancellationToken ct)
    {
        var window = rules.Where(r => r.Kind == WorklistRuleKind.PromiseBroken).Select(r => r.Days ?? 0).DefaultIfEmpty(0).Max();
        var brokenFrom = today.AddDays(-window);
        var rows = await db.PaymentPromises.AsNoTracking()
            .Where(p => p.CompanyId == company && (p.Status == PromiseStatus.Open
                || ((p.Status == PromiseStatus.Broken || p.Status == PromiseStatus.PartlyKept) && p.ResolvedOn >= brokenFrom)))
            .Select(p => new { p.CustomerId, p.Status, p.Currency, p.AmountMinor, p.PaidMinor, p.MadeOn, p.PromisedOn, p.ResolvedOn })
            .ToListAsync(ct);
        foreach (var customer in rows.GroupBy(p => p.CustomerId))
        {
            var f = get(customer.Key);
            var running = customer.Where(p => p.Status == PromiseStatus.Open).OrderBy(p => p.PromisedOn).ToList();
            if (running.Count > 0)
            {
                var first = running[0].PromisedOn;
                f = f with
                {
                    PromiseDueOn = first,
                    PromiseDueMinor = running.Where(p => p.PromisedOn == first).Sum(p => Minor(totals, p.Currency, p.AmountMinor)),
                };
            }
            // A broken promise counts until a new one is made.
            var broken = customer.Where(p => p.Status != PromiseStatus.Open).MaxBy(p => p.ResolvedOn);
            if (broken is not null && !running.Any(p => p.MadeOn >= broken.ResolvedOn))
            {
                f = f with { PromiseBrokenOn = broken.ResolvedOn, BrokenPromiseMinor = Minor(totals, broken.Currency, broken.AmountMinor - broken.PaidMinor) };
            }
            set(customer.Key, f);
        }
    }

    /// <summary>Running and proposed plans (nothing to offer then), and the latest broken one until a newer plan is made.</summary>
    private async Task PaymentPlansAsync(IReadOnlyList<WorklistRuleSpec> rules, CompanyTotals totals, Func<Guid, WorklistFacts> get,
        Action<Guid, WorklistFacts> set, CancellationToken ct)
    {
        var window = rules.Where(r => r.Kind == WorklistRuleKind.PlanBroken).Select(r => r.Days ?? 0).DefaultIfEmpty(0).Max();
        var brokenFrom = today.AddDays(-window);
        var rows = await db.PaymentPlans.AsNoTracking()
            .Where(p => p.CompanyId == company && (p.Status == PaymentPlanStatus.Proposed || p.Status == PaymentPlanStatus.Running
                || (p.Status == PaymentPlanStatus.Broken && p.ResolvedOn >= brokenFrom)))
            .Select(p => new { p.CustomerId, p.Status, p.Currency, p.AmountMinor, p.PaidMinor, p.ProposedOn, p.ResolvedOn })
            .ToListAsync(ct);
        foreach (var customer in rows.GroupBy(p => p.CustomerId))
        {
            var f = get(customer.Key);
            var live = customer.Where(p => p.Status != PaymentPlanStatus.Broken).ToList();
            f = f with { PlanMade = live.Count > 0, PlanRunning = live.Any(p => p.Status == PaymentPlanStatus.Running) };
            var broken = customer.Where(p => p.Status == PaymentPlanStatus.Broken).MaxBy(p => p.ResolvedOn);
            if (broken is not null && !live.Any(p => p.ProposedOn >= broken.ResolvedOn))
            {
                f = f with { PlanBrokenOn = broken.ResolvedOn, BrokenPlanMinor = Minor(totals, broken.Currency, broken.AmountMinor - broken.PaidMinor) };
            }
            set(customer.Key, f);
        }
    }

    /// <summary>
    /// Each customer's current cause of delay (the newest row; keys are time-ordered) and the strategy it calls for: the
    /// company's, else the default. One read of the causes, one of the company's strategies.
    /// </summary>
    private async Task CausesAsync(Func<Guid, WorklistFacts> get, Action<Guid, WorklistFacts> set, CancellationToken ct)
    {
        var causes = await db.CustomerDelayCauses.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new { c.CustomerId, c.Id, c.Cause }).ToListAsync(ct);
        if (causes.Count == 0)
        {
            return;
        }
        var saved = await db.DelayCauseStrategies.AsNoTracking().Where(s => s.CompanyId == company)
            .ToDictionaryAsync(s => s.Cause, s => s.Strategy, StringComparer.Ordinal, ct);
        foreach (var current in causes.GroupBy(c => c.CustomerId).Select(g => g.MaxBy(c => c.Id)!))
        {
            var strategy = saved.TryGetValue(current.Cause, out var code) ? Causes.Parse<CollectionStrategy>(code)
                : Causes.Parse<DelayCause>(current.Cause) is { } cause ? Causes.DefaultStrategy(cause) : null;
            if (strategy is not null)
            {
                set(current.CustomerId, get(current.CustomerId) with { Strategy = strategy });
            }
        }
    }

    private async Task DisputesAsync(CompanyTotals totals, Func<Guid, WorklistFacts> get, Action<Guid, WorklistFacts> set, CancellationToken ct)
    {
        var rows = await db.Disputes.AsNoTracking().Where(d => d.CompanyId == company && d.Status == DisputeStatus.Open)
            .Select(d => new { d.CustomerId, d.Currency, d.AmountMinor, d.OpenedOn }).ToListAsync(ct);
        foreach (var customer in rows.GroupBy(d => d.CustomerId))
        {
            set(customer.Key, get(customer.Key) with
            {
                OldestDisputeOn = customer.Min(d => d.OpenedOn),
                DisputedMinor = customer.Sum(d => Minor(totals, d.Currency, d.AmountMinor)),
            });
        }
    }

    /// <summary>Over the limit (open items and unbilled orders in the limit's currency) or orders held by the credit check.</summary>
    private async Task CreditAsync(List<(Guid CustomerId, string Currency, long Open)> open, Func<Guid, WorklistFacts> get,
        Action<Guid, WorklistFacts> set, CancellationToken ct)
    {
        var held = await db.SalesOrders.AsNoTracking().Where(o => o.CompanyId == company && o.HeldMinor > 0)
            .Select(o => o.CustomerId).Distinct().ToListAsync(ct);
        var limits = await db.CustomerCredit.AsNoTracking().Where(c => c.CompanyId == company && c.LimitMinor != null)
            .Select(c => new { c.CustomerId, c.Currency, Limit = c.LimitMinor!.Value }).ToListAsync(ct);
        var unbilled = await db.SalesOrders.AsNoTracking().Where(o => o.CompanyId == company && o.UnbilledMinor > 0)
            .GroupBy(o => new { o.CustomerId, o.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(o => o.UnbilledMinor) })
            .ToListAsync(ct);
        var openBy = open.ToDictionary(o => (o.CustomerId, o.Currency), o => o.Open);
        var unbilledBy = unbilled.ToDictionary(u => (u.CustomerId, u.Currency), u => u.Sum);
        var over = limits.Where(l => openBy.GetValueOrDefault((l.CustomerId, l.Currency)) + unbilledBy.GetValueOrDefault((l.CustomerId, l.Currency)) > l.Limit)
            .Select(l => l.CustomerId);
        foreach (var id in held.Concat(over).Distinct())
        {
            set(id, get(id) with { OverLimitOrHeld = true });
        }
    }

    private static long Minor(CompanyTotals totals, string currency, long minor) =>
        totals.Convert(currency, minor) is { } major ? totals.Target.ToMinor(major, "amount") : 0;
}
