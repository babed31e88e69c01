using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.Drafts;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Receipts;

public sealed record ReverseReceipt(string Reason, DateOnly? Date = null);

/// <summary>
/// Takes a receipt back (a bounced cheque, a payment recorded twice): every live allocation gets its
/// counter-entry, then a receipt row with the negated amount is appended. Nothing is deleted. A draft receipt taken back
/// by hand was a mistake while its draft is held, and its note is voided with it; a draft that was passed on, discounted
/// or collected comes back only as a dishonour, on its note.
/// </summary>
public sealed class ReverseReceiptHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, LedgerWriter ledger, QueryReceiptsHandler query, Promises.PromisesHandler promises)
{
    public async Task<ReceiptView> HandleAsync(Guid id, ReverseReceipt request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var reason = CompanyHandler.Required(request.Reason, "reason", 2000);
        var date = BusinessDates.Optional(request.Date, "date");
        var reversalId = await Transactions.RunAsync(db, async token =>
        {
            var note = await db.NotesReceivable.SingleOrDefaultAsync(n => n.CompanyId == company && n.ReceiptId == id, token);
            if (note is not null && note.VoidedOn is null && note.Status != NoteStatus.Held)
            {
                throw new ConflictException("receipt.draftNotHeld",
                    "The draft this receipt brought is no longer held; a draft that comes back unpaid is dishonoured on its note (应收票据).");
            }
            var reversal = await ReverseAsync(id, "Receipt reversed: " + reason, reason, date, token);
            if (note is not null)
            {
                note.VoidedOn = reversal.ReceivedOn;
                note.ReversalReceiptId = reversal.Id;
                note.Version++;
                note.UpdatedAt = clock.Now;
                await db.SaveChangesAsync(token);
            }
            return reversal.Id;
        }, ct);
        return await query.GetAsync(reversalId, ct);
    }

    /// <summary>
    /// The counter-entries of a receipt, inside the caller's transaction: each live allocation reversed (so its
    /// installment is open again), the receipt emptied, and the negated receipt row appended and saved.
    /// </summary>
    internal async Task<Receipt> ReverseAsync(Guid id, string allocationReason, string note, DateOnly? requestedDate, CancellationToken token)
    {
        var company = scope.CompanyId;
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.CompanyId == company && r.Id == id, token)
            ?? throw new NotFoundException("Receipt", id);
        if (receipt.ReversalOfId is not null)
        {
            throw new ConflictException("receipt.isReversal", "This receipt is itself a reversal.");
        }
        if (await db.Receipts.AnyAsync(r => r.CompanyId == company && r.ReversalOfId == id, token))
        {
            throw new ConflictException("receipt.alreadyReversed", $"Receipt {receipt.Number} has already been reversed.", receipt.Number);
        }
        var date = requestedDate ?? ledger.Today;
        if (date < receipt.ReceivedOn)
        {
            throw new DomainRuleException("receipt.reversalDate", "date", "A reversal cannot be dated before the receipt.");
        }
        ledger.MustNotBeInTheFuture(date, "date");
        var live = await db.Allocations.AsNoTracking()
            .Where(a => a.CompanyId == company && a.ReceiptId == id && a.ReversesId == null
                && !db.Allocations.Any(r => r.CompanyId == company && r.ReversesId == a.Id))
            .ToListAsync(token);
        foreach (var allocation in live)
        {
            await ledger.ReverseAsync(allocation, allocationReason, date, token);
        }
        // With every allocation undone the whole amount is unapplied again; the reversal consumes it.
        var emptied = await ledger.EmptyReversedReceiptAsync(id, date, token);
        if (!emptied)
        {
            throw new ConflictException("receipt.changed", "The receipt changed while it was being reversed; please retry.");
        }
        var reversal = new Receipt
        {
            CompanyId = company, Id = Ids.New(), Number = await Numbering.NextAsync(db, company, "RC", token),
            CustomerId = receipt.CustomerId, ReceivedOn = date, Method = receipt.Method, Currency = receipt.Currency,
            AmountMinor = -receipt.AmountMinor, UnappliedMinor = 0, PayerName = receipt.PayerName, PayerReference = receipt.PayerReference,
            BankReference = receipt.BankReference, Note = note, ReversalOfId = receipt.Id, RecordedAt = clock.Now, RecordedBy = scope.Actor,
        };
        db.Receipts.Add(reversal);
        await db.SaveChangesAsync(token);
        // A promise this receipt kept while its grace still runs is short again.
        await promises.ResolveCustomersAsync([receipt.CustomerId], token);
        return reversal;
    }
}
