using Huikuan.Domain;
using Huikuan.Domain.Credit;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>A customer's payment behaviour for the credit file and the score: how punctually they paid over the last year.</summary>
public sealed record PaymentBehaviourView(
    Guid CustomerId, DateOnly AsOf, int Months, int ItemsDue, int PaidOnTime, decimal? OnTimeShare, decimal? AverageDaysLate,
    decimal? RecentDaysLate, decimal? EarlierDaysLate, decimal? Trend);

public sealed class PaymentBehaviourHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int Months = 12;

    public async Task<PaymentBehaviourView> ForCustomerAsync(Guid customerId, DateOnly? asOf, CancellationToken ct)
    {
        var company = scope.CompanyId;
        // The customers' filter hides other owners' customers from a salesperson: theirs is then not found.
        if (!await db.Customers.AnyAsync(c => c.CompanyId == company && c.Id == customerId, ct))
        {
            throw new NotFoundException("Customer", customerId);
        }
        var date = asOf ?? clock.Today;
        var from = date.AddMonths(-Months);
        // Settled items carry the day of their last application; that is the day they were paid in full. They are
        // reached through the customer's invoices (indexed by customer), not by due date: a year of every customer's
        // installments is most of the table (T1 SQLite: 410 ms by due date, 24 ms through the invoices).
        var invoices = db.Invoices.Where(n => n.CompanyId == company && n.CustomerId == customerId).Select(n => n.Id);
        var items = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && invoices.Contains(i.InvoiceId) && i.DueDate > from && i.DueDate <= date)
            .Select(i => new DueItem(i.DueDate, i.AmountMinor, i.OpenMinor, i.LastAppliedOn))
            .ToListAsync(ct);
        return View(customerId, date, items);
    }

    /// <summary>Every customer's items due in the 12 months to <paramref name="date"/>, in one read (the daily run).</summary>
    internal async Task<Dictionary<Guid, List<DueItem>>> ItemsOfAllAsync(DateOnly date, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var from = date.AddMonths(-Months);
        var rows = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.DueDate > from && i.DueDate <= date)
            .Select(i => new { i.CustomerId, Item = new DueItem(i.DueDate, i.AmountMinor, i.OpenMinor, i.LastAppliedOn) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToList());
    }

    internal static PaymentBehaviourView View(Guid customerId, DateOnly date, IEnumerable<DueItem> items)
    {
        var b = PaymentBehaviour.From(items, date, Months);
        return new PaymentBehaviourView(customerId, date, Months, b.ItemsDue, b.PaidOnTime, b.OnTimeShare, b.AverageDaysLate,
            b.RecentDaysLate, b.EarlierDaysLate, b.Trend);
    }
}
