using Huikuan.Domain.Aging;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dashboard;

public sealed record OverdueCustomer(Guid Id, string Code, string Name, decimal Overdue, decimal Receivable);

/// <summary>
/// The company's receivables today, in its base currency: what is owed and how much of it is overdue, by aging
/// bucket; who owes the most overdue; and this month's collection rate (本月到期回款率): of the installments that fell due
/// from the 1st of the month up to today, the share paid by receipts applied up to today, early payments included (null
/// when nothing fell due). Both sides are the same installments, so the rate is at most 100 %; the rest of the month is
/// left out, so on the 5th a month that is on track does not look 16 % collected, and payments of older debts do not
/// make a month look better than it is.
/// </summary>
public sealed record DashboardView(
    DateOnly AsOf, string Currency, decimal Receivables, decimal Overdue, decimal? OverdueShare,
    IReadOnlyList<string> BucketKeys, IReadOnlyList<decimal> Buckets, IReadOnlyList<OverdueCustomer> TopOverdue,
    DateOnly MonthStart, DateOnly Through, decimal CollectedThisMonth, decimal DueToDate, decimal? CollectionRate,
    long PartialFollowUps);

/// <summary>
/// The figures of the start page. Aging comes from the aging report's own per-customer sums (the same buckets,
/// the same rule for "overdue": due before today); the month's figures are two sums computed by the database.
/// A salesperson's figures cover their own customers, through the query filters.
/// </summary>
public sealed class DashboardHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, AgingReportHandler aging, PartialFollowUpsHandler followUps)
{
    public const int TopCount = 10;

    public async Task<DashboardView> HandleAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = clock.Today;
        var code = await db.Companies.Where(c => c.Id == company).Select(c => c.BaseCurrency).SingleAsync(ct);
        var currency = Currency.Of(code);

        var buckets = AgingBuckets.Default;
        var perCustomer = await aging.AmountsByCustomerAsync(company, code, today, buckets, AgingBasis.DueDate, ct);
        // Company totals in decimal: each customer's sums fit a long (Currency.MaxMinor), their total need not.
        var totals = new decimal[buckets.Count];
        foreach (var amounts in perCustomer.Values)
        {
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += amounts[i];
            }
        }
        // Bucket 0 is "not yet due"; every other bucket is overdue.
        var receivables = totals.Sum();
        var overdue = receivables - totals[0];
        var top = perCustomer
            .Select(p => (Id: p.Key, Overdue: p.Value.Sum(a => (decimal)a) - p.Value[0], Total: p.Value.Sum(a => (decimal)a)))
            .Where(p => p.Overdue > 0)
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.Id)
            .Take(TopCount).ToList();
        var ids = top.Select(t => t.Id).ToList();
        var names = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var topOverdue = top.Select(t => new OverdueCustomer(t.Id, names[t.Id].Code, names[t.Id].Name, currency.ToMajor(t.Overdue), currency.ToMajor(t.Total)))
            .ToList();

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var due = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.Currency == code && i.DueDate >= monthStart && i.DueDate <= today)
            .SumAsync(i => i.AmountMinor, ct);
        // Receipt allocations only (not credit notes or write-offs) to those same installments, whenever applied up to
        // today; an undone allocation's counter-row nets it out.
        var collectedQuery = db.Allocations.AsNoTracking()
            .Where(a => a.CompanyId == company && a.Kind == AllocationKind.Receipt && a.AppliedOn <= today
                && db.Installments.Any(i => i.CompanyId == company && i.Id == a.InstallmentId && i.Currency == code
                    && i.DueDate >= monthStart && i.DueDate <= today));
        long collected;
        if (db.IsSqlite || db.Database.CurrentTransaction is not null)
        {
            collected = await collectedQuery.SumAsync(a => a.AmountMinor, ct);
        }
        else
        {
            // A month's allocations are a few per cent of all; PostgreSQL would still hash every installment to find
            // their currencies (T1: 130-450 ms), where looking each one up by its key takes 65 ms.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(
                "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL max_parallel_workers_per_gather = 0", ct);
            collected = await collectedQuery.SumAsync(a => a.AmountMinor, ct);
            await tx.CommitAsync(ct);
        }
        var partial = await followUps.CountAsync(ct);

        return new DashboardView(today, code, currency.ToMajor(receivables), currency.ToMajor(overdue),
            receivables == 0 ? null : (decimal)overdue / receivables,
            buckets.Keys(), totals.Select(currency.ToMajor).ToList(), topOverdue,
            monthStart, today, currency.ToMajor(collected), currency.ToMajor(due), due == 0 ? null : (decimal)collected / due,
            partial);
    }
}

public static class DashboardEndpoints
{
    public static void MapDashboard(this RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (DashboardHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Dashboard").WithSummary("Receivables, overdue share, aging buckets, top overdue customers and this month's collection rate (applied from the 1st to today over what fell due from the 1st to today).");
}
