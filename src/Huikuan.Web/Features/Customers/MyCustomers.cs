using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

/// <summary>One of the salesperson's customers with what is overdue, in the company's currency.</summary>
public sealed record MyOverdueCustomer(Guid Id, string Code, string Name, decimal Overdue);

/// <summary>
/// A promise to pay of one of the salesperson's customers, in its own currency. <see cref="When"/> says where it stands:
/// today, tomorrow, thisWeek (promised for a later day of this week), grace (the promised day has passed and the money
/// may still be on its way) or broken (broken or partly kept, decided in the last <see cref="MyCustomersHandler.BrokenDays"/> days
/// or found so today).
/// </summary>
public sealed record MyPromise(
    Guid Id, Guid CustomerId, string CustomerCode, string CustomerName, DateOnly PromisedOn, string Currency, decimal Amount, decimal Paid, string When);

/// <summary>
/// A salesperson's home: their customers' overdue (the total and who owes the most), the promises due this week and the
/// broken ones, and what was collected on their customers' items this business month against the whole of last month.
/// Amounts in <see cref="Currency"/>, the company's, converted as the dashboard's are; <see cref="Conversion"/> names the
/// rates and the currencies without one.
/// </summary>
public sealed record MyCustomersView(
    DateOnly AsOf, string Currency, int CustomerCount, decimal Overdue, int OverdueCustomers, IReadOnlyList<MyOverdueCustomer> TopOverdue,
    IReadOnlyList<MyPromise> Promises, DateOnly MonthStart, decimal CollectedThisMonth, DateOnly LastMonthStart, DateOnly LastMonthEnd,
    decimal CollectedLastMonth, TotalsConversion Conversion);

/// <summary>
/// The figures of "My customers", for a salesperson only: the query filters narrow every row to their own customers, so a
/// manager's view would be the whole company's, which the dashboard and the worklist already give. A few grouped queries
/// whatever the number of customers: overdue by customer and currency, the open and lately broken promises, and receipt
/// allocations by currency and month. Overdue is what the customer page shows (open installments due before today);
/// collected is receipt allocations (not credit notes or write-offs) applied from the 1st of the business month to
/// today, an undone allocation netted by its counter-row on the day it was undone. Both months are converted at the
/// rate as of today, so that the comparison is not a change of rate.
/// </summary>
public sealed class MyCustomersHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, PromisesHandler promises)
{
    public const int TopCount = 10;

    /// <summary>How far back a broken promise is still shown: long enough to follow it up, short enough to stay a to-do list.</summary>
    public const int BrokenDays = 30;

    public async Task<MyCustomersView> HandleAsync(CancellationToken ct)
    {
        if (scope.Role != Role.Salesperson)
        {
            throw new ForbiddenException("MyCustomers");
        }
        var company = scope.CompanyId;
        var today = clock.Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var lastMonthStart = monthStart.AddMonths(-1);

        var customerCount = await db.Customers.AsNoTracking().CountAsync(c => c.CompanyId == company, ct);
        var overdue = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor != 0 && i.DueDate < today)
            .GroupBy(i => new { i.CustomerId, i.Currency })
            .Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(i => i.OpenMinor) }).ToListAsync(ct);
        var collected = await (
                from a in db.Allocations.AsNoTracking()
                where a.CompanyId == company && a.Kind == AllocationKind.Receipt && a.AppliedOn >= lastMonthStart && a.AppliedOn <= today
                join i in db.Installments.AsNoTracking() on new { a.CompanyId, Id = a.InstallmentId } equals new { i.CompanyId, i.Id }
                group a by new { i.Currency, ThisMonth = a.AppliedOn >= monthStart } into g
                select new { g.Key.Currency, g.Key.ThisMonth, Sum = g.Sum(x => x.AmountMinor) })
            .ToListAsync(ct);
        var totals = await CompanyTotals.LoadAsync(db, company, today,
            overdue.Select(o => o.Currency).Union(collected.Select(c => c.Currency)), ct);

        var byCustomer = new Dictionary<Guid, decimal>();
        foreach (var row in overdue.OrderBy(o => o.Currency, StringComparer.Ordinal))
        {
            if (totals.Convert(row.Currency, row.Sum) is { } converted)
            {
                byCustomer[row.CustomerId] = byCustomer.GetValueOrDefault(row.CustomerId) + converted;
            }
        }
        var top = byCustomer.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(TopCount).ToList();
        var topIds = top.Select(t => t.Key).ToList();
        var names = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && topIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var topOverdue = top.Select(t => new MyOverdueCustomer(t.Key, names[t.Key].Code, names[t.Key].Name, t.Value)).ToList();

        decimal Collected(bool thisMonth) => collected.Where(c => c.ThisMonth == thisMonth).OrderBy(c => c.Currency, StringComparer.Ordinal)
            .Sum(c => totals.Convert(c.Currency, c.Sum) ?? 0);
        var thisMonthCollected = Collected(true);
        var lastMonthCollected = Collected(false);

        return new MyCustomersView(today, totals.Target.Code, customerCount, byCustomer.Values.Sum(), byCustomer.Count(p => p.Value > 0), topOverdue,
            await PromisesAsync(company, today, ct), monthStart, thisMonthCollected, lastMonthStart, monthStart.AddDays(-1), lastMonthCollected,
            totals.Describe());
    }

    private async Task<IReadOnlyList<MyPromise>> PromisesAsync(Guid company, DateOnly today, CancellationToken ct)
    {
        // The week ends on Sunday; on a Sunday, tomorrow is still shown.
        var weekEnd = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        var until = weekEnd > today ? weekEnd : today.AddDays(1);
        var brokenSince = today.AddDays(-BrokenDays);
        var rows = await (
                from p in db.PaymentPromises.AsNoTracking()
                where p.CompanyId == company
                    && ((p.Status == PromiseStatus.Open && p.PromisedOn <= until)
                        || ((p.Status == PromiseStatus.Broken || p.Status == PromiseStatus.PartlyKept) && p.ResolvedOn >= brokenSince))
                join c in db.Customers.AsNoTracking() on new { p.CompanyId, Id = p.CustomerId } equals new { c.CompanyId, c.Id }
                select new { p.Id, p.CustomerId, c.Code, c.Name, p.PromisedOn, p.Currency, p.AmountMinor, p.PaidMinor, p.Status })
            .ToListAsync(ct);
        // A promise whose day has passed is read again from the receipts: the daily run may not have decided it yet.
        var pastDue = rows.Where(r => r.Status == PromiseStatus.Open && r.PromisedOn < today).Select(r => r.CustomerId).Distinct().ToList();
        var asOfToday = await promises.AsOfTodayAsync(pastDue, ct);

        string When(PromiseStatus status, DateOnly on) => status switch
        {
            PromiseStatus.Broken or PromiseStatus.PartlyKept => "broken",
            _ when on < today => "grace",
            _ when on == today => "today",
            _ when on == today.AddDays(1) => "tomorrow",
            _ => "thisWeek",
        };
        return rows
            .Select(r =>
            {
                var (status, paid) = asOfToday.TryGetValue(r.Id, out var outcome) ? (outcome.Status, outcome.PaidMinor) : (r.Status, r.PaidMinor);
                var currency = Domain.Money.Currency.Of(r.Currency);
                return new MyPromise(r.Id, r.CustomerId, r.Code, r.Name, r.PromisedOn, r.Currency, currency.ToMajor(r.AmountMinor),
                    currency.ToMajor(paid), When(status, r.PromisedOn));
            })
            .Where(p => p.When != "grace" || asOfToday.GetValueOrDefault(p.Id).Status is PromiseStatus.Open)
            .OrderBy(p => Order(p.When)).ThenBy(p => p.PromisedOn).ThenBy(p => p.CustomerCode, StringComparer.Ordinal)
            .ToList();
    }

    private static int Order(string when) => when switch
    {
        "broken" => 0,
        "grace" => 1,
        "today" => 2,
        "tomorrow" => 3,
        _ => 4,
    };
}
