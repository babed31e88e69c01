using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.NotesReceivable;

/// <summary>
/// What happened to a draft, on which business day (today when not given): endorsed to whom (被背书人), discounted at
/// which bank and for how much interest (贴现利息, a cost, in the note's currency), collected, or dishonoured (拒付) and why.
/// </summary>
public sealed record ChangeNoteStatus(
    NoteStatus Status, DateOnly? On = null, string? Note = null, string? Endorsee = null, string? Bank = null, decimal? DiscountCharge = null);

/// <summary>
/// Moves a note along <see cref="NoteRules"/> and appends its event, in one transaction. A dishonour re-opens what the
/// draft paid: the receipt is reversed by its counter-entries (<see cref="ReverseReceiptHandler"/>), so its allocations
/// are undone and the installments are open, aged and dunned again. The note's version makes two changes sent at once
/// count once: the second is a conflict.
/// </summary>
public sealed class ChangeNoteStatusHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, ReverseReceiptHandler reversals, QueryNotesHandler query)
{
    public async Task<NoteDetail> HandleAsync(Guid id, ChangeNoteStatus request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var on = BusinessDates.Optional(request.On, "on");
        var text = CompanyHandler.Optional(request.Note, "note", 2000);
        var endorsee = CompanyHandler.Optional(request.Endorsee, "endorsee", 200);
        var bank = CompanyHandler.Optional(request.Bank, "bank", 200);
        if (!Enum.IsDefined(request.Status))
        {
            throw new DomainRuleException("note.transition", "status",
                "An endorsed or discounted draft can only come back dishonoured; nothing else can happen to it.");
        }
        if (request.Status == NoteStatus.Dishonoured && text is null)
        {
            throw new DomainRuleException("note.dishonourReason", "note", "Say why the draft was not paid (the refusal's reason, 拒付理由).");
        }
        try
        {
            await Transactions.RunAsync(db, async token =>
            {
                var note = await db.NotesReceivable.SingleOrDefaultAsync(n => n.CompanyId == company && n.Id == id, token)
                    ?? throw new NotFoundException("NoteReceivable", id);
                if (note.VoidedOn is not null)
                {
                    throw new ConflictException("note.voided", "The receipt of this draft was reversed; the note counts no more.");
                }
                NoteRules.CheckTransition(note.Status, request.Status);
                var day = on ?? clock.Today;
                NoteRules.CheckDate(request.Status, day, note.ReceivedOn, note.StatusOn, note.MaturesOn, clock.Today);
                var charge = request.DiscountCharge is { } c ? Currency.Of(note.Currency).ToMinor(c, "discountCharge") : (long?)null;
                NoteRules.CheckDetails(request.Status, endorsee, bank, charge, note.FaceMinor);
                var change = new NoteReceivableEvent
                {
                    CompanyId = company, NoteId = id, Id = Ids.New(), FromStatus = note.Status, ToStatus = request.Status, On = day, Note = text,
                    Endorsee = request.Status == NoteStatus.Endorsed ? endorsee : null, Bank = request.Status == NoteStatus.Discounted ? bank : null,
                    DiscountChargeMinor = charge, At = clock.Now, By = scope.Actor,
                };
                note.Status = request.Status;
                note.StatusOn = day;
                note.Version++;
                note.UpdatedAt = change.At;
                // Saved first: the version check takes the note's row, so a second change waits here and then finds it changed.
                await db.SaveChangesAsync(token);
                if (request.Status == NoteStatus.Dishonoured)
                {
                    var reversal = await reversals.ReverseAsync(note.ReceiptId, "Draft dishonoured: " + text, $"Draft {note.Number} dishonoured: {text}",
                        day, token);
                    note.ReversalReceiptId = reversal.Id;
                    change.ReversalReceiptId = reversal.Id;
                }
                // The event is written once, complete: the history is append-only.
                db.NoteReceivableEvents.Add(change);
                await db.SaveChangesAsync(token);
                return 0;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("note.changed", "Someone changed this draft at the same moment; look at it again.");
        }
        return await query.GetAsync(id, ct);
    }
}
