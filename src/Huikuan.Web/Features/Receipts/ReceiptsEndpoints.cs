using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Huikuan.Web.Features.Receipts;

public static class ReceiptsEndpoints
{
    public static void MapReceipts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/receipts").WithTags("Receipts");
        group.MapGet("/", async (QueryReceiptsHandler handler, Guid? customerId, bool? unappliedOnly, string? search, int? page, int? pageSize,
                CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(customerId, unappliedOnly ?? false, PageRequest.From(page, pageSize), ct, search)))
            .WithSummary("Receipts, newest first; search finds part of the number, customer, bank reference, payer's reference or draft number. Totals: cash and drafts per currency over all that match.");
        group.MapGet("/{id:guid}", async (Guid id, QueryReceiptsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)));
        group.MapPost("/", async Task<Created<ReceiptView>> (RecordReceipt request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            RecordReceiptHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(request, idempotencyKey, ct);
            if (result.Replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }
            return TypedResults.Created($"/api/receipts/{result.Receipt.Id}", result.Receipt);
        });
        group.MapPost("/{id:guid}/reverse", async Task<Created<ReceiptView>> (Guid id, ReverseReceipt request, ReverseReceiptHandler handler, CancellationToken ct) =>
        {
            var reversal = await handler.HandleAsync(id, request, ct);
            return TypedResults.Created($"/api/receipts/{reversal.Id}", reversal);
        });
        group.MapGet("/{id:guid}/suggestions", async (Guid id, AutoApplyHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SuggestForReceiptAsync(id, ct)));
        group.MapPost("/{id:guid}/apply", async (Guid id, AutoApplyHandler handler, QueryReceiptsHandler query, CancellationToken ct) =>
        {
            await handler.ApplyReceiptAsync(id, ct);
            return TypedResults.Ok(await query.GetAsync(id, ct));
        });
    }
}
