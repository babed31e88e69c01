using Huikuan.Domain;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.NotesReceivable;

/// <summary>The note a draft receipt brings, wherever receipts are written (by hand, the API, an import).</summary>
public static class NoteWriter
{
    /// <summary>The held note of a receipt by draft, with the receipt's id, amount and currency; null for other methods.</summary>
    public static NoteReceivable? For(Receipt receipt, DraftDetails draft)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(draft);
        if (NoteRules.KindOf(receipt.Method) is not { } kind)
        {
            return null;
        }
        return new NoteReceivable
        {
            CompanyId = receipt.CompanyId, Id = receipt.Id, ReceiptId = receipt.Id, CustomerId = receipt.CustomerId, Kind = kind,
            Number = draft.Number!, AcceptorName = draft.Acceptor, DrawerName = draft.Drawer, IssuedOn = draft.IssuedOn,
            MaturesOn = draft.MaturesOn!.Value, ReceivedOn = receipt.ReceivedOn, FaceMinor = receipt.AmountMinor, Currency = receipt.Currency,
            Status = NoteStatus.Held, CreatedAt = receipt.RecordedAt, CreatedBy = receipt.RecordedBy, UpdatedAt = receipt.RecordedAt,
        };
    }

    /// <summary>A draft is received once: its number is refused while a note of the same kind with it counts.</summary>
    public static async Task EnsureNumberFreeAsync(HuikuanDbContext db, Guid company, ReceiptMethod method, string? number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (number is null || NoteRules.KindOf(method) is not { } kind)
        {
            return;
        }
        var existing = await db.NotesReceivable.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.CompanyId == company && n.Kind == kind && n.Number == number && n.VoidedOn == null)
            .Select(n => db.Receipts.IgnoreQueryFilters().Where(r => r.CompanyId == company && r.Id == n.ReceiptId).Select(r => r.Number).First())
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new ConflictException("receipt.duplicateDraft", $"Draft {number} is already recorded, with receipt {existing}.", number, existing);
        }
    }
}
