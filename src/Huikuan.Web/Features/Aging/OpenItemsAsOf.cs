using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Aging;

/// <summary>An installment with what was open on it at the as-of date.</summary>
public sealed class OpenAtDate
{
    public Guid InstallmentId { get; set; }
    public Guid InvoiceId { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public long Open { get; set; }
}

/// <summary>
/// What was open at a date, from the cached open amounts plus the movements after that date (items
/// settled by then come out as zero: sums ignore them, lists filter them out). Only
/// items open now, or settled after the date, are read: the cost follows the open items, not history.
/// </summary>
public static class OpenItemsAsOf
{
    public static async Task<IQueryable<OpenAtDate>> QueryAsync(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, CancellationToken ct) =>
        Query(db, company, currency, asOf, await MovedAfterAsync(db, company, asOf, ct));

    /// <summary>Whether anything was applied after the date: if not, what is open now is what was open then.</summary>
    public static Task<bool> MovedAfterAsync(HuikuanDbContext db, Guid company, DateOnly asOf, CancellationToken ct) =>
        db.Installments.AnyAsync(i => i.CompanyId == company && i.LastAppliedOn > asOf, ct);

    public static IQueryable<OpenAtDate> Query(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, bool movedLater)
    {
        ArgumentNullException.ThrowIfNull(db);
        var openNow = db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor != 0 && i.Currency == currency && i.InvoiceDate <= asOf);
        if (!movedLater)
        {
            return openNow.Select(i => new OpenAtDate
            {
                InstallmentId = i.Id, InvoiceId = i.InvoiceId, CustomerId = i.CustomerId, DueDate = i.DueDate, InvoiceDate = i.InvoiceDate, Open = i.OpenMinor,
            });
        }
        var touchedLater = db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.LastAppliedOn > asOf && i.Currency == currency && i.InvoiceDate <= asOf);
        return openNow.Where(i => i.LastAppliedOn == null || i.LastAppliedOn <= asOf)
            .Concat(touchedLater)
            .Select(i => new OpenAtDate
            {
                InstallmentId = i.Id, InvoiceId = i.InvoiceId, CustomerId = i.CustomerId, DueDate = i.DueDate, InvoiceDate = i.InvoiceDate,
                Open = i.OpenMinor + (i.LastAppliedOn > asOf
                    ? db.Allocations.Where(a => a.CompanyId == company && a.InstallmentId == i.Id && a.AppliedOn > asOf).Sum(a => a.AmountMinor)
                    : 0),
            });
    }

    /// <summary>Unapplied cash and credit per customer at the date (receipts and credit notes dated on or before it).</summary>
    public static async Task<Dictionary<Guid, long>> UnappliedAsync(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, CancellationToken ct)
    {
        var cash = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.Currency == currency && r.ReversalOfId == null && r.ReceivedOn <= asOf
                && (r.UnappliedMinor != 0 || r.LastAppliedOn > asOf))
            .Select(r => new
            {
                r.CustomerId,
                Amount = r.UnappliedMinor
                    + db.Allocations.Where(a => a.CompanyId == company && a.ReceiptId == r.Id && a.AppliedOn > asOf).Sum(a => a.SourceAmountMinor)
                    + db.Receipts.Where(x => x.CompanyId == company && x.ReversalOfId == r.Id && x.ReceivedOn > asOf).Sum(x => -x.AmountMinor),
            })
            .GroupBy(x => x.CustomerId).Select(g => new { CustomerId = g.Key, Amount = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var credit = await db.Invoices.AsNoTracking()
            .Where(n => n.CompanyId == company && n.Currency == currency && n.Kind == Huikuan.Domain.Ledger.DocumentKind.CreditNote && n.InvoiceDate <= asOf
                && (n.UnappliedMinor != 0 || db.Allocations.Any(a => a.CompanyId == company && a.CreditNoteId == n.Id && a.AppliedOn > asOf)))
            .Select(n => new
            {
                n.CustomerId,
                Amount = n.UnappliedMinor
                    + db.Allocations.Where(a => a.CompanyId == company && a.CreditNoteId == n.Id && a.AppliedOn > asOf).Sum(a => a.SourceAmountMinor),
            })
            .GroupBy(x => x.CustomerId).Select(g => new { CustomerId = g.Key, Amount = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, long>();
        foreach (var row in cash.Concat(credit).Where(x => x.Amount != 0))
        {
            result[row.CustomerId] = result.GetValueOrDefault(row.CustomerId) + row.Amount;
        }
        return result;
    }
}
