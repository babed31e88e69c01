using Huikuan.Domain.Drafts;
using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.NotesReceivable;

public static class NotesReceivableEndpoints
{
    public static void MapNotesReceivable(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notes-receivable").WithTags("NotesReceivable");
        group.MapGet("/", async (QueryNotesHandler handler, NoteStatus? status, DateOnly? maturingBefore, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(status, maturingBefore, PageRequest.From(page, pageSize), ct)))
            .WithSummary("Drafts received (应收票据), earliest maturity first: kind (Bank, Commercial), status (Held, Endorsed, Discounted, Collected, Dishonoured), acceptor, maturity; maturingBefore is exclusive.");
        group.MapGet("/{id:guid}", async (Guid id, QueryNotesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithSummary("One note with its events.");
        group.MapPost("/{id:guid}/status", async (Guid id, ChangeNoteStatus body, ChangeNoteStatusHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, body, ct)))
            .WithSummary("Held → Endorsed (endorsee), Discounted (bank, discountCharge), Collected (from maturity) or Dishonoured (note: why; re-opens what the draft paid); Endorsed or Discounted → Dishonoured.");
    }
}
