using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

/// <summary>
/// A live allocation on an invoice: money applied and not undone. Source is the receipt's or credit note's number;
/// WriteOffId is set when it was booked by an approved write-off, which is undone on the write-off.
/// </summary>
public sealed record InvoiceAllocationView(Guid Id, string Kind, int InstallmentSequence, string? Source, Guid? SourceId, decimal Amount,
    DateOnly AppliedOn, string? Reason, Guid? WriteOffId);

/// <summary>What stands in the way of reversing an invoice (红冲): the allocations on its installments that are still live.</summary>
public sealed class InvoiceAllocationsHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<IReadOnlyList<InvoiceAllocationView>> LiveAsync(Guid invoiceId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await (
            from a in db.Allocations.AsNoTracking()
            join i in db.Installments on new { a.CompanyId, Id = a.InstallmentId } equals new { i.CompanyId, i.Id }
            where a.CompanyId == company && i.InvoiceId == invoiceId && a.ReversesId == null
                && !db.Allocations.Any(r => r.CompanyId == company && r.ReversesId == a.Id)
            orderby a.AppliedOn, i.Sequence
            select new
            {
                A = a, i.Sequence, i.Currency,
                Receipt = db.Receipts.Where(r => r.CompanyId == company && r.Id == a.ReceiptId).Select(r => r.Number).FirstOrDefault(),
                Note = db.Invoices.Where(n => n.CompanyId == company && n.Id == a.CreditNoteId).Select(n => n.Number).FirstOrDefault(),
                WriteOff = db.WriteOffRequests.Where(w => w.CompanyId == company && w.AllocationId == a.Id).Select(w => (Guid?)w.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        return [.. rows.Select(r => new InvoiceAllocationView(r.A.Id, r.A.Kind.ToString(), r.Sequence, r.Receipt ?? r.Note,
            r.A.ReceiptId ?? r.A.CreditNoteId, Currency.Of(r.Currency).ToMajor(r.A.AmountMinor), r.A.AppliedOn, r.A.Reason, r.WriteOff))];
    }
}
