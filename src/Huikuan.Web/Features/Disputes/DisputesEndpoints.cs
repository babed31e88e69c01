using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Disputes;

public static class DisputesEndpoints
{
    public static void MapDisputes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/disputes").WithTags("Disputes");
        group.MapGet("/", async (bool? openOnly, DisputesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(openOnly ?? false, ct)))
            .WithSummary("The company's disputes, open ones first (openOnly=true for those alone).");
        group.MapPost("/", async Task<Created<DisputeView>> (OpenDispute request, DisputesHandler handler, CancellationToken ct) =>
        {
            var dispute = await handler.OpenAsync(request, ct);
            return TypedResults.Created($"/api/disputes/{dispute.Id}", dispute);
        });
        group.MapPost("/{id:guid}/resolve", async (Guid id, ResolveDispute request, DisputesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ResolveAsync(id, request, ct)));
        group.MapPost("/{id:guid}/assign", async (Guid id, AssignDispute request, DisputesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.AssignAsync(id, request, ct)))
            .WithSummary("A new owner or target date, by those who may resolve disputes.");
        api.MapGet("/customers/{id:guid}/disputes", async (Guid id, DisputesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ForCustomerAsync(id, ct))).WithTags("Disputes");
    }
}
