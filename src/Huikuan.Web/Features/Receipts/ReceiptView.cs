using Huikuan.Domain;
using Huikuan.Domain.Ledger;
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
    IReadOnlyList<ReceiptAllocationView> Allocations, string? DraftNumber = null, DateOnly? DraftMaturesOn = null, string? DraftAcceptor = null,
    string? DraftStatus = null);

public sealed record ReceiptListItem(Guid Id, string Number, Guid CustomerId, string CustomerName, DateOnly ReceivedOn, string Method,
    string Currency, decimal Amount, decimal Unapplied, string? PayerReference, bool IsReversal, string? BankReference = null, bool IsDraft = false);

/// <summary>What the receipts that match came to in one currency: cash (every method but drafts) and drafts, reversals netted.</summary>
public sealed record ReceiptTotal(string Currency, decimal Cash, decimal Drafts);

/// <summary>A page of receipts, and the totals of all that match the filters (not only this page).</summary>
public sealed record ReceiptListPage(IReadOnlyList<ReceiptListItem> Items, int PageNumber, int PageSize, long Total, IReadOnlyList<ReceiptTotal> Totals);

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
        var draft = await db.NotesReceivable.AsNoTracking().Where(n => n.CompanyId == company && n.ReceiptId == (r.ReversalOfId ?? r.Id))
            .Select(n => new { n.AcceptorName, n.Status, n.VoidedOn }).SingleOrDefaultAsync(ct);
        var status = r.ReversalOfId is not null ? "reversal"
            : reversedBy is not null ? "reversed"
            : r.UnappliedMinor == 0 ? "applied" : r.UnappliedMinor == r.AmountMinor ? "unapplied" : "partlyApplied";
        return new ReceiptView(r.Id, r.Number, r.CustomerId, r.ReceivedOn, r.Method.ToString(), r.Currency, cur.ToMajor(r.AmountMinor),
            cur.ToMajor(r.UnappliedMinor), status, r.PayerName, r.PayerReference, r.BankReference, r.Note, r.ReversalOfId, reversedBy,
            rows.Select(x => new ReceiptAllocationView(x.Id, x.Kind.ToString(), x.InstallmentId, x.Number, x.DueDate,
                Currency.Of(x.Currency).ToMajor(x.AmountMinor), cur.ToMajor(x.SourceAmountMinor), x.AppliedOn, x.ReversesId,
                reversed.Contains(x.Id), x.Reason, x.Currency)).ToList(), r.DraftNumber, r.DraftMaturesOn, draft?.AcceptorName,
            draft is null || draft.VoidedOn is not null ? null : draft.Status.ToString());
    }

    /// <param name="search">
    /// Part of the receipt's number, the customer's name or code, the bank reference (银行流水号), the payer's reference or
    /// the draft's number.
    /// </param>
    public async Task<ReceiptListPage> ListAsync(Guid? customerId, bool unappliedOnly, PageRequest page, CancellationToken ct, string? search = null)
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
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            if (s.Length > 200)
            {
                throw new DomainRuleException("receipt.search", "search", "Search for at most 200 characters.");
            }
            query = query.Where(r => r.Number.Contains(s) || (r.BankReference != null && r.BankReference.Contains(s))
                || (r.PayerReference != null && r.PayerReference.Contains(s)) || (r.DraftNumber != null && r.DraftNumber.Contains(s))
                || db.Customers.Any(x => x.CompanyId == company && x.Id == r.CustomerId && (x.Name.Contains(s) || x.Code.Contains(s))));
        }
        var total = await query.LongCountAsync(ct);
        var drafts = Drafts;
        var sums = await query.GroupBy(r => new { r.Currency, Draft = drafts.Contains(r.Method) })
            .Select(g => new { g.Key.Currency, g.Key.Draft, Sum = g.Sum(r => r.AmountMinor) }).ToListAsync(ct);
        var rows = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Number).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new
            {
                r.Id, r.Number, r.CustomerId, r.ReceivedOn, r.Method, r.Currency, r.AmountMinor, r.UnappliedMinor, r.PayerReference, r.ReversalOfId,
                r.BankReference, CustomerName = db.Customers.Where(x => x.CompanyId == company && x.Id == r.CustomerId).Select(x => x.Name).First(),
            }).ToListAsync(ct);
        var totals = sums.GroupBy(x => x.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var cur = Currency.Of(g.Key);
            return new ReceiptTotal(g.Key, cur.ToMajor(g.Where(x => !x.Draft).Sum(x => x.Sum)), cur.ToMajor(g.Where(x => x.Draft).Sum(x => x.Sum)));
        }).ToList();
        return new ReceiptListPage(rows.Select(r =>
        {
            var cur = Currency.Of(r.Currency);
            return new ReceiptListItem(r.Id, r.Number, r.CustomerId, r.CustomerName, r.ReceivedOn, r.Method.ToString(), r.Currency,
                cur.ToMajor(r.AmountMinor), cur.ToMajor(r.UnappliedMinor), r.PayerReference, r.ReversalOfId is not null, r.BankReference,
                drafts.Contains(r.Method));
        }).ToList(), page.Page, page.PageSize, total, totals);
    }

    /// <summary>The methods that bring a draft rather than cash.</summary>
    public static readonly ReceiptMethod[] Drafts = [.. Enum.GetValues<ReceiptMethod>().Where(Huikuan.Domain.Drafts.NoteRules.IsDraft)];
}
