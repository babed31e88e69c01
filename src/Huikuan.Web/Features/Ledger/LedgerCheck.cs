using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Ledger;

public sealed record LedgerMismatch(string Table, Guid CompanyId, Guid Id, string What, long Stored, long FromHistory);

public sealed record LedgerCheckResult(long Installments, long Receipts, long CreditNotes, long Allocations, IReadOnlyList<LedgerMismatch> Mismatches)
{
    public bool Ok => Mismatches.Count == 0;
}

/// <summary>
/// Recomputes every cached balance from the append-only history and lists what differs: open amounts
/// and last movement dates of installments, unapplied amounts of receipts and credit notes, installments
/// that do not add up to their invoice, and reversals that do not mirror what they reverse. For one
/// company (the API) or all of them (the command line).
/// </summary>
public sealed class LedgerCheckHandler(HuikuanDbContext db)
{
    private const int MaxListed = 1000;

    public async Task<LedgerCheckResult> HandleAsync(Guid? company, CancellationToken ct)
    {
        var installmentRows = db.Installments.AsNoTracking().Where(x => company == null || x.CompanyId == company);
        var receiptRows = db.Receipts.AsNoTracking().Where(x => company == null || x.CompanyId == company);
        var invoiceRows = db.Invoices.AsNoTracking().Where(x => company == null || x.CompanyId == company);
        var allocationRows = db.Allocations.AsNoTracking().Where(x => company == null || x.CompanyId == company);
        var mismatches = new List<LedgerMismatch>();

        var installments = await installmentRows
            .Select(i => new
            {
                i.CompanyId, i.Id, i.OpenMinor, i.AmountMinor, i.LastAppliedOn,
                Applied = db.Allocations.Where(a => a.CompanyId == i.CompanyId && a.InstallmentId == i.Id).Sum(a => a.AmountMinor),
                Last = db.Allocations.Where(a => a.CompanyId == i.CompanyId && a.InstallmentId == i.Id).Max(a => (DateOnly?)a.AppliedOn),
            })
            .Where(x => x.OpenMinor != x.AmountMinor - x.Applied || x.LastAppliedOn != x.Last || x.OpenMinor < 0 || x.OpenMinor > x.AmountMinor)
            .OrderBy(x => x.Id).Take(MaxListed).ToListAsync(ct);
        mismatches.AddRange(installments.Select(x => new LedgerMismatch("installments", x.CompanyId, x.Id,
            x.LastAppliedOn != x.Last && x.OpenMinor == x.AmountMinor - x.Applied ? "last_applied_on" : "open_minor", x.OpenMinor, x.AmountMinor - x.Applied)));

        var receipts = await receiptRows
            .Select(r => new
            {
                r.CompanyId, r.Id, r.UnappliedMinor, r.AmountMinor, r.ReversalOfId,
                Applied = db.Allocations.Where(a => a.CompanyId == r.CompanyId && a.ReceiptId == r.Id).Sum(a => a.SourceAmountMinor),
                Reversed = db.Receipts.Where(x => x.CompanyId == r.CompanyId && x.ReversalOfId == r.Id).Sum(x => -x.AmountMinor),
            })
            .Where(x => x.ReversalOfId == null ? x.UnappliedMinor != x.AmountMinor - x.Applied - x.Reversed || x.UnappliedMinor < 0 : x.UnappliedMinor != 0)
            .OrderBy(x => x.Id).Take(MaxListed).ToListAsync(ct);
        mismatches.AddRange(receipts.Select(x => new LedgerMismatch("receipts", x.CompanyId, x.Id, "unapplied_minor", x.UnappliedMinor,
            x.ReversalOfId == null ? x.AmountMinor - x.Applied - x.Reversed : 0)));

        var notes = await invoiceRows
            .Select(n => new
            {
                n.CompanyId, n.Id, n.Kind, n.UnappliedMinor, n.TotalMinor,
                Applied = db.Allocations.Where(a => a.CompanyId == n.CompanyId && a.CreditNoteId == n.Id).Sum(a => a.SourceAmountMinor),
                Scheduled = n.Installments.Sum(i => i.AmountMinor),
            })
            .Where(x => x.Kind == DocumentKind.CreditNote
                ? x.UnappliedMinor != x.TotalMinor - x.Applied || x.UnappliedMinor < 0
                : x.UnappliedMinor != 0 || x.Scheduled != x.TotalMinor)
            .OrderBy(x => x.Id).Take(MaxListed).ToListAsync(ct);
        mismatches.AddRange(notes.Select(x => x.Kind == DocumentKind.CreditNote
            ? new LedgerMismatch("invoices", x.CompanyId, x.Id, "unapplied_minor", x.UnappliedMinor, x.TotalMinor - x.Applied)
            : new LedgerMismatch("invoices", x.CompanyId, x.Id, "installments_total", x.Scheduled, x.TotalMinor)));

        var badReversals = await allocationRows
            .Where(r => r.ReversesId != null)
            .Join(db.Allocations, r => new { r.CompanyId, Id = r.ReversesId!.Value }, o => new { o.CompanyId, o.Id }, (r, o) => new { r, o })
            .Where(x => x.r.AmountMinor != -x.o.AmountMinor || x.r.SourceAmountMinor != -x.o.SourceAmountMinor || x.r.InstallmentId != x.o.InstallmentId)
            .Select(x => new { x.r.CompanyId, x.r.Id, x.r.AmountMinor, Expected = -x.o.AmountMinor })
            .OrderBy(x => x.Id).Take(MaxListed).ToListAsync(ct);
        mismatches.AddRange(badReversals.Select(x => new LedgerMismatch("allocations", x.CompanyId, x.Id, "reversal_amount", x.AmountMinor, x.Expected)));

        return new LedgerCheckResult(
            await installmentRows.LongCountAsync(ct), await receiptRows.LongCountAsync(ct),
            await invoiceRows.LongCountAsync(i => i.Kind == DocumentKind.CreditNote, ct), await allocationRows.LongCountAsync(ct), mismatches);
    }
}
