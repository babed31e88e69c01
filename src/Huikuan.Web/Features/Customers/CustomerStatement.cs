using Huikuan.Domain.Aging;
using Huikuan.Domain;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Customers;

public sealed record OpenItemView(Guid InstallmentId, Guid InvoiceId, string InvoiceNumber, int Sequence, DateOnly InvoiceDate, DateOnly DueDate,
    int DaysOverdue, decimal Amount, decimal Open, bool Partial, string Currency = "");

public sealed record MovementView(DateOnly Date, string Kind, string Document, Guid DocumentId, decimal Debit, decimal Credit, decimal Balance, string? Note);

/// <summary>A customer's account in one currency between two dates: what they owed, what happened, what they owe.</summary>
public sealed record StatementView(Guid CustomerId, string Currency, DateOnly From, DateOnly To, decimal OpeningBalance,
    IReadOnlyList<MovementView> Movements, decimal ClosingBalance);

/// <summary>
/// The customer's open items, and their account as movements (对账): invoices are debits; credit notes,
/// receipts and write-offs are credits; reversals mirror what they reverse. Applying money moves
/// nothing on the account, so it is not a movement.
/// </summary>
public sealed class CustomerStatementHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<IReadOnlyList<OpenItemView>> OpenItemsAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await EnsureCustomerAsync(customerId, ct);
        var today = clock.Today;
        var rows = await (
            from i in db.Installments.AsNoTracking()
            where i.CompanyId == company && i.CustomerId == customerId && i.OpenMinor != 0
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            orderby i.DueDate, inv.Number, i.Sequence
            select new { i.Id, i.InvoiceId, inv.Number, i.Sequence, i.InvoiceDate, i.DueDate, i.Currency, i.AmountMinor, i.OpenMinor })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new OpenItemView(r.Id, r.InvoiceId, r.Number, r.Sequence, r.InvoiceDate, r.DueDate, AgingBuckets.DaysOverdue(r.DueDate, today),
                cur.ToMajor(r.AmountMinor), cur.ToMajor(r.OpenMinor), r.OpenMinor < r.AmountMinor, cur.Code);
        }).ToList();
    }

    public async Task<StatementView> StatementAsync(Guid customerId, DateOnly? from, DateOnly? to, string? currency, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var customerCurrency = await EnsureCustomerAsync(customerId, ct);
        var cur = Currency.Of(currency ?? customerCurrency);
        var end = BusinessDates.Optional(to, "to") ?? clock.Today;
        var start = BusinessDates.Optional(from, "from") ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end)
        {
            throw new DomainRuleException("statement.period", "from", "from must be on or before to.");
        }
        var documents = await db.Invoices.AsNoTracking()
            .Where(i => i.CompanyId == company && i.CustomerId == customerId && i.Currency == cur.Code && i.InvoiceDate <= end)
            .Select(i => new Movement(i.InvoiceDate, i.Kind == DocumentKind.Invoice ? "invoice" : i.ReversalOfId != null ? "invoiceReversal" : "creditNote",
                i.Number, i.Id, i.Kind == DocumentKind.Invoice ? i.TotalMinor : -i.TotalMinor, i.Note, i.PostedAt))
            .ToListAsync(ct);
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.CustomerId == customerId && r.Currency == cur.Code && r.ReceivedOn <= end)
            .Select(r => new Movement(r.ReceivedOn, r.ReversalOfId == null ? "receipt" : "receiptReversal", r.Number, r.Id, -r.AmountMinor,
                r.PayerReference, r.RecordedAt))
            .ToListAsync(ct);
        var writeOffs = await db.Allocations.AsNoTracking()
            .Where(a => a.CompanyId == company && a.CustomerId == customerId && (a.Kind == AllocationKind.WriteOff || a.Kind == AllocationKind.Discount) && a.AppliedOn <= end
                && db.Installments.Any(i => i.CompanyId == company && i.Id == a.InstallmentId && i.Currency == cur.Code))
            .Select(a => new Movement(a.AppliedOn,
                a.Kind == AllocationKind.Discount ? (a.ReversesId == null ? "discount" : "discountReversal") : a.ReversesId == null ? "writeOff" : "writeOffReversal", "", a.Id, -a.AmountMinor, a.Reason, a.CreatedAt))
            .ToListAsync(ct);

        var all = documents.Concat(receipts).Concat(writeOffs).ToList();
        var opening = all.Where(m => m.Date < start).Sum(m => m.AmountMinor);
        var balance = opening;
        var movements = new List<MovementView>();
        foreach (var m in all.Where(m => m.Date >= start).OrderBy(m => m.Date).ThenBy(m => m.PostedAt).ThenBy(m => m.Document, StringComparer.Ordinal))
        {
            balance += m.AmountMinor;
            movements.Add(new MovementView(m.Date, m.Kind, m.Document, m.Id, cur.ToMajor(Math.Max(m.AmountMinor, 0)), cur.ToMajor(Math.Max(-m.AmountMinor, 0)),
                cur.ToMajor(balance), m.Note));
        }
        return new StatementView(customerId, cur.Code, start, end, cur.ToMajor(opening), movements, cur.ToMajor(balance));
    }

    private async Task<string> EnsureCustomerAsync(Guid customerId, CancellationToken ct) =>
        await db.Customers.AsNoTracking().Where(c => c.CompanyId == scope.CompanyId && c.Id == customerId).Select(c => c.Currency).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Customer", customerId);

    private sealed record Movement(DateOnly Date, string Kind, string Document, Guid Id, long AmountMinor, string? Note, DateTimeOffset PostedAt);
}
