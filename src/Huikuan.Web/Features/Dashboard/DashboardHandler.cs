using Huikuan.Domain.Aging;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dashboard;

public sealed record OverdueCustomer(Guid Id, string Code, string Name, decimal Overdue, decimal Receivable);

/// <summary>
/// The company's receivables today, in its currency: what is owed and how much of it is overdue, by aging
/// bucket; who owes the most overdue; and this month's collection rate (本月到期回款率): of the installments that fell due
/// from the 1st of the month up to today, the share paid by receipts applied up to today, early payments included (null
/// when nothing fell due). Both sides are the same installments, so the rate is at most 100 %; the rest of the month is
/// left out, so on the 5th a month that is on track does not look 16 % collected, and payments of older debts do not
/// make a month look better than it is. Every currency counts: <see cref="Conversion"/> says at which rates the others
/// were converted and which had no rate, and so are not in the figures. The month's receipts (from the 1st to today,
/// reversals netted) are split into cash (<see cref="ReceivedCash"/>, every method but drafts) and acceptance drafts
/// (<see cref="ReceivedDrafts"/>), which are not money yet; <see cref="DraftsHeld"/> is the face amount of the drafts
/// held that have not matured, what the company's notes receivable will bring in if nothing else happens to them.
/// </summary>
public sealed record DashboardView(
    DateOnly AsOf, string Currency, decimal Receivables, decimal Overdue, decimal? OverdueShare,
    IReadOnlyList<string> BucketKeys, IReadOnlyList<decimal> Buckets, IReadOnlyList<OverdueCustomer> TopOverdue,
    DateOnly MonthStart, DateOnly Through, decimal CollectedThisMonth, decimal DueToDate, decimal? CollectionRate,
    long PartialFollowUps, TotalsConversion Conversion, decimal ReceivedCash = 0, decimal ReceivedDrafts = 0, decimal DraftsHeld = 0);

/// <summary>
/// The figures of the start page. Aging comes from the aging report's own per-customer sums (the same buckets,
/// the same rule for "overdue": due before today); the month's figures are two sums computed by the database.
/// Each is summed per currency by the database and converted into the company's currency at the rate table's rate as
/// of today, once per customer, currency and bucket as the aging report's rows are, so the two agree to the fen: one
/// query per currency, however many items. A salesperson's figures cover their own customers, through the query filters.
/// </summary>
public sealed class DashboardHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, AgingReportHandler aging, PartialFollowUpsHandler followUps)
{
    public const int TopCount = 10;

    public async Task<DashboardView> HandleAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = clock.Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var buckets = AgingBuckets.Default;

        var movedLater = await OpenItemsAsOf.MovedAfterAsync(db, company, today, ct);
        var openCurrencies = await OpenItemsAsOf.CurrenciesAsync(db, company, today, movedLater, ct);
        var dueByCurrency = (await db.Installments.AsNoTracking()
                .Where(i => i.CompanyId == company && i.DueDate >= monthStart && i.DueDate <= today)
                .GroupBy(i => i.Currency).Select(g => new { Currency = g.Key, Due = g.Sum(i => i.AmountMinor) }).ToListAsync(ct))
            .ToDictionary(d => d.Currency, d => (decimal)d.Due, StringComparer.Ordinal);
        var drafts = QueryReceiptsHandler.Drafts;
        var received = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.ReceivedOn >= monthStart && r.ReceivedOn <= today)
            .GroupBy(r => new { r.Currency, Draft = drafts.Contains(r.Method) })
            .Select(g => new { g.Key.Currency, g.Key.Draft, Sum = g.Sum(r => r.AmountMinor) }).ToListAsync(ct);
        var held = await db.NotesReceivable.AsNoTracking()
            .Where(n => n.CompanyId == company && n.Status == NoteStatus.Held && n.VoidedOn == null && n.MaturesOn > today)
            .GroupBy(n => n.Currency).Select(g => new { Currency = g.Key, Sum = g.Sum(n => n.FaceMinor) }).ToListAsync(ct);
        var totalsIn = await CompanyTotals.LoadAsync(db, company, today,
            openCurrencies.Union(dueByCurrency.Keys).Union(received.Select(r => r.Currency)).Union(held.Select(h => h.Currency)), ct);

        // Per currency, each customer's bucket amounts converted once each, as the aging report's rows are, so that the
        // dashboard's figures are the aging report's totals to the fen (in decimal: each customer's sums fit a long, the
        // company's need not).
        var totals = new decimal[buckets.Count];
        var byCustomer = new Dictionary<Guid, (decimal Overdue, decimal Total)>();
        foreach (var currency in openCurrencies)
        {
            var perCustomer = await aging.AmountsByCustomerAsync(company, currency, today, buckets, AgingBasis.DueDate, movedLater, ct);
            if (!totalsIn.CanConvert(currency))
            {
                totalsIn.LeaveOut(currency, perCustomer.Values.Sum(amounts => amounts.Sum(a => (decimal)a)));
                continue;
            }
            foreach (var (id, amounts) in perCustomer)
            {
                var (late, owed) = byCustomer.GetValueOrDefault(id);
                for (var i = 0; i < amounts.Length && i < totals.Length; i++)
                {
                    var converted = amounts[i] == 0 ? 0 : totalsIn.Convert(currency, amounts[i])!.Value;
                    totals[i] += converted;
                    owed += converted;
                    late += i == 0 ? 0 : converted;
                }
                byCustomer[id] = (late, owed);
            }
        }
        // Bucket 0 is "not yet due"; every other bucket is overdue.
        var receivables = totals.Sum();
        var overdue = receivables - totals[0];
        var top = byCustomer
            .Where(p => p.Value.Overdue > 0)
            .OrderByDescending(p => p.Value.Overdue).ThenBy(p => p.Key)
            .Take(TopCount).ToList();
        var ids = top.Select(t => t.Key).ToList();
        var names = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var topOverdue = top.Select(t => new OverdueCustomer(t.Key, names[t.Key].Code, names[t.Key].Name, t.Value.Overdue, t.Value.Total)).ToList();

        decimal due = 0, collected = 0;
        foreach (var (currency, dueMinor) in dueByCurrency.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (!totalsIn.CanConvert(currency))
            {
                // Named with what is open in it; a currency with nothing open is named with what fell due this month.
                if (!openCurrencies.Contains(currency))
                {
                    totalsIn.LeaveOut(currency, dueMinor);
                }
                continue;
            }
            due += totalsIn.Convert(currency, dueMinor)!.Value;
            collected += totalsIn.Convert(currency, await CollectedAsync(company, currency, monthStart, today, ct))!.Value;
        }
        var partial = await followUps.CountAsync(ct);

        // A currency without a rate is named once, with what is open or fell due in it, else with these sums.
        decimal Convert(string currency, long sumMinor)
        {
            if (totalsIn.CanConvert(currency))
            {
                return totalsIn.Convert(currency, sumMinor)!.Value;
            }
            if (!openCurrencies.Contains(currency) && !dueByCurrency.ContainsKey(currency))
            {
                totalsIn.LeaveOut(currency, sumMinor);
            }
            return 0;
        }
        var receivedCash = received.Where(r => !r.Draft).Sum(r => Convert(r.Currency, r.Sum));
        var receivedDrafts = received.Where(r => r.Draft).Sum(r => Convert(r.Currency, r.Sum));
        var draftsHeld = held.Sum(h => Convert(h.Currency, h.Sum));

        return new DashboardView(today, totalsIn.Target.Code, receivables, overdue, receivables == 0 ? null : overdue / receivables,
            buckets.Keys(), totals, topOverdue, monthStart, today, collected, due, due == 0 ? null : collected / due, partial, totalsIn.Describe(),
            receivedCash, receivedDrafts, draftsHeld);
    }

    /// <summary>
    /// Receipt allocations only (not credit notes or write-offs) to the installments of one currency that fell due from the
    /// 1st to today, whenever applied up to today; an undone allocation's counter-row nets it out.
    /// </summary>
    private async Task<long> CollectedAsync(Guid company, string code, DateOnly monthStart, DateOnly today, CancellationToken ct)
    {
        var collectedQuery = db.Allocations.AsNoTracking()
            .Where(a => a.CompanyId == company && a.Kind == AllocationKind.Receipt && a.AppliedOn <= today
                && db.Installments.Any(i => i.CompanyId == company && i.Id == a.InstallmentId && i.Currency == code
                    && i.DueDate >= monthStart && i.DueDate <= today));
        if (db.IsSqlite || db.Database.CurrentTransaction is not null)
        {
            return await collectedQuery.SumAsync(a => a.AmountMinor, ct);
        }
        // A month's allocations are a few per cent of all; PostgreSQL would still hash every installment to find
        // their currencies (T1: 130-450 ms), where looking each one up by its key takes 65 ms.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL max_parallel_workers_per_gather = 0", ct);
        var collected = await collectedQuery.SumAsync(a => a.AmountMinor, ct);
        await tx.CommitAsync(ct);
        return collected;
    }
}

public static class DashboardEndpoints
{
    public static void MapDashboard(this RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (DashboardHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Dashboard").WithSummary("Receivables, overdue share, the month's receipts in cash and in drafts, drafts held not yet matured, aging buckets, top overdue customers and this month's collection rate (applied from the 1st to today over what fell due from the 1st to today), every currency converted into the company's at the rate table as of today; conversion names the rates used and the currencies without one.");
}
