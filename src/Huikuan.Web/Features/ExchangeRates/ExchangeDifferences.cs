using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.ExchangeRates;

public sealed record ExchangeDifferenceView(Guid Id, Guid AllocationId, Guid CustomerId, Guid? ReceiptId, DateOnly On, string Currency, decimal Amount);

public sealed record ExchangeDifferenceTotal(string Currency, decimal Gains, decimal Losses, decimal Net);

public sealed record ExchangeDifferenceReport(DateOnly? From, DateOnly? To, IReadOnlyList<ExchangeDifferenceTotal> Totals, IReadOnlyList<ExchangeDifferenceView> Rows);

/// <summary>Realised exchange differences (汇兑损益) of cross-currency allocations, for a receipt or a period, and their sums.</summary>
public sealed class ExchangeDifferencesHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<ExchangeDifferenceReport> HandleAsync(Guid? receiptId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = db.ExchangeDifferences.AsNoTracking().Where(d => d.CompanyId == scope.CompanyId);
        if (receiptId is { } rid)
        {
            query = query.Where(d => d.ReceiptId == rid);
        }
        if (from is { } f)
        {
            query = query.Where(d => d.On >= f);
        }
        if (to is { } t)
        {
            query = query.Where(d => d.On <= t);
        }
        var totals = await query.GroupBy(d => d.Currency)
            .Select(g => new { Currency = g.Key, Gains = g.Sum(d => d.AmountMinor > 0 ? d.AmountMinor : 0), Losses = g.Sum(d => d.AmountMinor < 0 ? -d.AmountMinor : 0) })
            .ToListAsync(ct);
        var rows = await query.OrderByDescending(d => d.On).ThenByDescending(d => d.Id).Take(500).ToListAsync(ct);
        return new ExchangeDifferenceReport(from, to,
            totals.OrderBy(x => x.Currency, StringComparer.Ordinal).Select(x =>
            {
                var c = Currency.Of(x.Currency);
                return new ExchangeDifferenceTotal(x.Currency, c.ToMajor(x.Gains), c.ToMajor(x.Losses), c.ToMajor(x.Gains - x.Losses));
            }).ToList(),
            rows.Select(d => new ExchangeDifferenceView(d.Id, d.AllocationId, d.CustomerId, d.ReceiptId, d.On, d.Currency, Currency.Of(d.Currency).ToMajor(d.AmountMinor))).ToList());
    }
}
