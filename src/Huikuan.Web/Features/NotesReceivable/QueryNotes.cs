using Huikuan.Domain;
using Huikuan.Domain.Drafts;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.NotesReceivable;

/// <param name="Maturity">For a held draft: "overdue" past its maturity day, "dueSoon" within <see cref="QueryNotesHandler.DueSoonDays"/> days.</param>
/// <param name="Voided">Its receipt was reversed by hand: the draft was never really received.</param>
public sealed record NoteListItem(
    Guid Id, string Number, string Kind, string Status, Guid CustomerId, string CustomerName, Guid ReceiptId, string ReceiptNumber,
    string? Acceptor, string? Drawer, DateOnly? IssuedOn, DateOnly MaturesOn, DateOnly ReceivedOn, string Currency, decimal Face,
    bool Voided, string? Maturity, IReadOnlyList<string> NextStatuses);

public sealed record NoteEventView(
    Guid Id, string From, string To, DateOnly On, string? Note, string? Endorsee, string? Bank, decimal? DiscountCharge, Guid? ReversalReceiptId,
    DateTimeOffset At, string By);

public sealed record NoteDetail(NoteListItem Note, IReadOnlyList<NoteEventView> Events);

/// <summary>The notes receivable (应收票据): every draft received, newest maturity last, with where each stands.</summary>
public sealed class QueryNotesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int DueSoonDays = 30;

    /// <param name="maturingBefore">Only drafts that mature before this day.</param>
    public async Task<Page<NoteListItem>> ListAsync(NoteStatus? status, DateOnly? maturingBefore, PageRequest page, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.NotesReceivable.AsNoTracking().Where(n => n.CompanyId == company);
        if (status is { } s)
        {
            query = query.Where(n => n.Status == s);
        }
        if (BusinessDates.Optional(maturingBefore, "maturingBefore") is { } before)
        {
            query = query.Where(n => n.MaturesOn < before);
        }
        var total = await query.LongCountAsync(ct);
        var rows = await Rows(query.OrderBy(n => n.MaturesOn).ThenBy(n => n.Number).Skip(page.Skip).Take(page.PageSize)).ToListAsync(ct);
        var today = clock.Today;
        return new Page<NoteListItem>([.. rows.Select(r => Item(r, today))], page.Page, page.PageSize, total);
    }

    public async Task<NoteDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var row = await Rows(db.NotesReceivable.AsNoTracking().Where(n => n.CompanyId == company && n.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("NoteReceivable", id);
        var money = Currency.Of(row.Note.Currency);
        var events = await db.NoteReceivableEvents.AsNoTracking().Where(e => e.CompanyId == company && e.NoteId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return new NoteDetail(Item(row, clock.Today), [.. events.Select(e => new NoteEventView(e.Id, e.FromStatus.ToString(), e.ToStatus.ToString(), e.On,
            e.Note, e.Endorsee, e.Bank, e.DiscountChargeMinor is { } c ? money.ToMajor(c) : null, e.ReversalReceiptId, e.At, e.By))]);
    }

    private sealed record Row(NoteReceivable Note, string CustomerName, string ReceiptNumber);

    private IQueryable<Row> Rows(IQueryable<NoteReceivable> notes) =>
        from n in notes
        join c in db.Customers on new { n.CompanyId, Id = n.CustomerId } equals new { c.CompanyId, c.Id }
        join r in db.Receipts on new { n.CompanyId, Id = n.ReceiptId } equals new { r.CompanyId, r.Id }
        select new Row(n, c.Name, r.Number);

    private static NoteListItem Item(Row row, DateOnly today)
    {
        var n = row.Note;
        var voided = n.VoidedOn is not null;
        var maturity = voided || n.Status != NoteStatus.Held ? null
            : n.MaturesOn < today ? "overdue"
            : n.MaturesOn <= today.AddDays(DueSoonDays) ? "dueSoon" : null;
        return new NoteListItem(n.Id, n.Number, n.Kind.ToString(), n.Status.ToString(), n.CustomerId, row.CustomerName, n.ReceiptId, row.ReceiptNumber,
            n.AcceptorName, n.DrawerName, n.IssuedOn, n.MaturesOn, n.ReceivedOn, n.Currency, Currency.Of(n.Currency).ToMajor(n.FaceMinor), voided, maturity,
            voided ? [] : [.. NoteRules.Allowed(n.Status).Select(s => s.ToString())]);
    }
}
