using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Allocations;

public static class AllocationsEndpoints
{
    public static void MapAllocations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/allocations").WithTags("Allocations");
        group.MapPost("/", async Task<Created<AllocationView>> (Allocate request, AllocateHandler handler, CancellationToken ct) =>
        {
            var allocation = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/allocations/{allocation.Id}", allocation);
        });
        group.MapPost("/{id:guid}/reverse", async Task<Created<AllocationView>> (Guid id, ReverseAllocation request, ReverseAllocationHandler handler, CancellationToken ct) =>
        {
            var reversal = await handler.HandleAsync(id, request, ct);
            return TypedResults.Created($"/api/allocations/{reversal.Id}", reversal);
        });
        api.MapPost("/write-offs", async Task<Created<AllocationView>> (WriteOff request, WriteOffHandler handler, CancellationToken ct) =>
        {
            var writeOff = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/allocations/{writeOff.Id}", writeOff);
        }).WithTags("Allocations");
        api.MapGet("/follow-ups/partial", async (PartialFollowUpsHandler handler, Guid? customerId, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(customerId, PageRequest.From(page, pageSize), ct))).WithTags("Allocations");
    }
}
