using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Receipts;

public sealed record ReceiptAllocationView(
    Guid Id, string Kind, Guid InstallmentId, string InvoiceNumber, DateOnly DueDate, decimal Amount, decimal SourceAmount,
    DateOnly AppliedOn, Guid? ReversesId, bool Reversed, string? Reason, string Currency = "");

public sealed record ReceiptView(
    Guid Id, string Number, Guid CustomerId, DateOnly ReceivedOn, string Method, string Currency, decimal Amount, decimal Unapplied,
    string Status, string? PayerName, string? PayerReference, string? BankReference, string? Note, Guid? ReversalOfId, Guid? ReversedById,
    IReadOnlyList<ReceiptAllocationView> Allocations, string? DraftNumber = null, DateOnly? DraftMaturesOn = null);

public sealed record ReceiptListItem(Guid Id, string Number, Guid CustomerId, string CustomerName, DateOnly ReceivedOn, string Method,
    string Currency, decimal Amount, decimal Unapplied, string? PayerReference, bool IsReversal);

public sealed class QueryReceiptsHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<ReceiptView> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var r = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == id, ct)
            ?? throw new NotFoundException("Receipt", id);
        var reversedBy = await db.Receipts.AsNoTracking().Where(x => x.CompanyId == company && x.ReversalOfId == id).Select(x => (Guid?)x.Id)
            .SingleOrDefaultAsync(ct);
        var rows = await (
            from a in db.Allocations.AsNoTracking()
            where a.CompanyId == company && a.ReceiptId == id
            join i in db.Installments on new { a.CompanyId, Id = a.InstallmentId } equals new { i.CompanyId, i.Id }
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            orderby a.CreatedAt, a.Id
            select new { a.Id, a.Kind, a.InstallmentId, inv.Number, i.DueDate, a.AmountMinor, a.SourceAmountMinor, a.AppliedOn, a.ReversesId, a.Reason, i.Currency })
            .ToListAsync(ct);
        var reversed = rows.Where(x => x.ReversesId is not null).Select(x => x.ReversesId!.Value).ToHashSet();
        var cur = Currency.Of(r.Currency);
        var status = r.ReversalOfId is not null ? "reversal"
            : reversedBy is not null ? "reversed"
            : r.UnappliedMinor == 0 ? "applied" : r.UnappliedMinor == r.AmountMinor ? "unapplied" : "partlyApplied";
        return new ReceiptView(r.Id, r.Number, r.CustomerId, r.ReceivedOn, r.Method.ToString(), r.Currency, cur.ToMajor(r.AmountMinor),
            cur.ToMajor(r.UnappliedMinor), status, r.PayerName, r.PayerReference, r.BankReference, r.Note, r.ReversalOfId, reversedBy,
            rows.Select(x => new ReceiptAllocationView(x.Id, x.Kind.ToString(), x.InstallmentId, x.Number, x.DueDate,
                Currency.Of(x.Currency).ToMajor(x.AmountMinor), cur.ToMajor(x.SourceAmountMinor), x.AppliedOn, x.ReversesId,
                reversed.Contains(x.Id), x.Reason, x.Currency)).ToList(), r.DraftNumber, r.DraftMaturesOn);
    }

    public async Task<Page<ReceiptListItem>> ListAsync(Guid? customerId, bool unappliedOnly, PageRequest page, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.Receipts.AsNoTracking().Where(r => r.CompanyId == company);
        if (customerId is { } c)
        {
            query = query.Where(r => r.CustomerId == c);
        }
        if (unappliedOnly)
        {
            query = query.Where(r => r.UnappliedMinor != 0);
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Number).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new
            {
                r.Id, r.Number, r.CustomerId, r.ReceivedOn, r.Method, r.Currency, r.AmountMinor, r.UnappliedMinor, r.PayerReference, r.ReversalOfId,
                CustomerName = db.Customers.Where(x => x.CompanyId == company && x.Id == r.CustomerId).Select(x => x.Name).First(),
            }).ToListAsync(ct);
        return new Page<ReceiptListItem>(rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new ReceiptListItem(r.Id, r.Number, r.CustomerId, r.CustomerName, r.ReceivedOn, r.Method.ToString(), r.Currency,
                cur.ToMajor(r.AmountMinor), cur.ToMajor(r.UnappliedMinor), r.PayerReference, r.ReversalOfId is not null);
        }).ToList(), page.Page, page.PageSize, total);
    }
}
