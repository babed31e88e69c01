using Huikuan.Domain.Aging;
using Huikuan.Domain;
using Huikuan.Domain.Credit;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>What the ledger and the credit row say about a customer's credit, before any grade is derived from a score.</summary>
public sealed record CustomerExposure(
    string Currency, long? LimitMinor, CreditGrade? Grade, int? ManualRating, DateOnly? NextReviewOn,
    CreditExposure Exposure, int OldestDaysOverdue, IReadOnlyList<string> OtherCurrencies);

/// <summary>
/// A customer's exposure in the limit's currency: open installments less unapplied cash and credit notes, plus every
/// <see cref="IUnbilledExposure"/>. Open items in other currencies are not converted (there are no rates); they are
/// named in <see cref="CustomerExposure.OtherCurrencies"/>. Both the credit standing and the score (exposure against
/// the limit) read it, so it depends on neither.
/// </summary>
public sealed class CreditExposureHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IEnumerable<IUnbilledExposure> unbilled)
{
    public async Task<CustomerExposure> ReadAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId)
            .Select(c => new { c.Currency }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        var credit = await db.CustomerCredit.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId, ct);
        var currency = credit?.Currency ?? customer.Currency;
        var today = clock.Today;

        var open = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.CustomerId == customerId && i.OpenMinor != 0)
            .GroupBy(i => i.Currency)
            .Select(g => new { Currency = g.Key, Open = g.Sum(i => i.OpenMinor), OldestDue = g.Min(i => i.OpenMinor > 0 ? (DateOnly?)i.DueDate : null) })
            .ToListAsync(ct);
        var cash = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.CustomerId == customerId && r.UnappliedMinor != 0 && r.Currency == currency)
            .SumAsync(r => r.UnappliedMinor, ct);
        var credits = await db.Invoices.AsNoTracking()
            .Where(n => n.CompanyId == company && n.CustomerId == customerId && n.UnappliedMinor != 0 && n.Currency == currency)
            .SumAsync(n => n.UnappliedMinor, ct);
        var oldestDue = open.Select(o => o.OldestDue).Where(d => d is not null).Min();
        var oldestDaysOverdue = oldestDue is { } d ? AgingBuckets.DaysOverdue(d, today) : 0;

        long orders = 0, milestones = 0;
        foreach (var source in unbilled)
        {
            var amount = await source.UnbilledMinorAsync(customerId, currency, ct);
            if (source.Source == UnbilledSource.Orders) { orders += amount; } else { milestones += amount; }
        }
        var openHere = open.Where(o => o.Currency == currency).Sum(o => o.Open);
        return new CustomerExposure(currency, credit?.LimitMinor, credit?.Grade is { } g ? Enum.Parse<CreditGrade>(g) : null,
            credit?.ManualRating, credit?.NextReviewOn, new CreditExposure(openHere - cash - credits, orders, milestones), oldestDaysOverdue,
            open.Select(o => o.Currency).Where(c => c != currency).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The exposure of the given customers from a few company-wide reads (the daily run, the credit desk): one per table
    /// and one per unbilled source. The oldest days overdue are not read (0): the score does not use them.
    /// </summary>
    internal async Task<Dictionary<Guid, CustomerExposure>> ReadAllAsync(IReadOnlySet<Guid> customerIds, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company).Select(c => new { c.Id, c.Currency }).ToListAsync(ct);
        var credits = await db.CustomerCredit.AsNoTracking().Where(x => x.CompanyId == company).ToDictionaryAsync(x => x.CustomerId, ct);
        var open = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && i.OpenMinor != 0)
            .GroupBy(i => new { i.CustomerId, i.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(i => i.OpenMinor) })
            .ToListAsync(ct);
        var cash = await db.Receipts.AsNoTracking().Where(r => r.CompanyId == company && r.UnappliedMinor != 0)
            .GroupBy(r => new { r.CustomerId, r.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(r => r.UnappliedMinor) })
            .ToListAsync(ct);
        var notes = await db.Invoices.AsNoTracking().Where(n => n.CompanyId == company && n.UnappliedMinor != 0)
            .GroupBy(n => new { n.CustomerId, n.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum(n => n.UnappliedMinor) })
            .ToListAsync(ct);
        var openBy = open.ToLookup(o => o.CustomerId);
        var cashBy = cash.ToDictionary(x => (x.CustomerId, x.Currency), x => x.Sum);
        var notesBy = notes.ToDictionary(x => (x.CustomerId, x.Currency), x => x.Sum);
        var sources = new List<(UnbilledSource Source, Dictionary<(Guid CustomerId, string Currency), long> Amounts)>();
        foreach (var source in unbilled)
        {
            sources.Add((source.Source, await source.UnbilledMinorByCustomerAsync(ct)));
        }
        var result = new Dictionary<Guid, CustomerExposure>();
        foreach (var c in customers.Where(c => customerIds.Contains(c.Id)))
        {
            var credit = credits.GetValueOrDefault(c.Id);
            var currency = credit?.Currency ?? c.Currency;
            long orders = 0, milestones = 0;
            foreach (var (source, amounts) in sources)
            {
                var amount = amounts.GetValueOrDefault((c.Id, currency));
                if (source == UnbilledSource.Orders) { orders += amount; } else { milestones += amount; }
            }
            var openHere = openBy[c.Id].Where(o => o.Currency == currency).Sum(o => o.Sum);
            var exposure = new CreditExposure(openHere - cashBy.GetValueOrDefault((c.Id, currency)) - notesBy.GetValueOrDefault((c.Id, currency)), orders, milestones);
            result[c.Id] = new CustomerExposure(currency, credit?.LimitMinor, credit?.Grade is { } g ? Enum.Parse<CreditGrade>(g) : null,
                credit?.ManualRating, credit?.NextReviewOn, exposure, 0,
                openBy[c.Id].Select(o => o.Currency).Where(x => x != currency).Distinct().Order(StringComparer.Ordinal).ToList());
        }
        return result;
    }
}
