using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Allocations;

public static class AllocationsEndpoints
{
    public static void MapAllocations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/allocations").WithTags("Allocations");
        // Across currencies at a rate outside the tolerance, nothing is applied yet: 202 with the approval it waits for.
        group.MapPost("/", async Task<Results<Created<AllocationView>, Accepted<ExchangeRates.ExchangeApprovalView>>> (
            Allocate request, AllocateHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.ApplyAsync(request, allowApproval: true, ct);
            return outcome.Allocation is { } allocation
                ? TypedResults.Created($"/api/allocations/{allocation.Id}", allocation)
                : TypedResults.Accepted($"/api/exchange-approvals/{outcome.Approval!.Id}", outcome.Approval);
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
