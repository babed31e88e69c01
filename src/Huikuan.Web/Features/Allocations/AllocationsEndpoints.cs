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
        var writeOffs = api.MapGroup("/write-offs").WithTags("Write-offs");
        writeOffs.MapPost("", async Task<Created<WriteOffView>> (WriteOff request, WriteOffsHandler handler, CancellationToken ct) =>
        {
            var writeOff = await handler.RequestAsync(request, ct);
            return TypedResults.Created($"/api/write-offs/{writeOff.Id}", writeOff);
        }).WithSummary("Ask to write off part or all of an installment, with a reason; it takes effect only when approved by others.");
        writeOffs.MapGet("", async (string? status, Guid? customerId, Guid? invoiceId, WriteOffsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(status, customerId, invoiceId, ct))).WithSummary("Write-off requests, newest first; status=Requested lists those awaiting approval.");
        writeOffs.MapGet("/settings", async (WriteOffsHandler h, CancellationToken ct) => TypedResults.Ok(await h.SettingsAsync(ct)))
            .WithSummary("The band: write-offs up to this amount in the company's currency need one approver, larger ones two.");
        writeOffs.MapPut("/settings", async (ChangeWriteOffSettings body, WriteOffsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ChangeSettingsAsync(body, ct)))
            .WithSummary("Change the band limit (admins).");
        writeOffs.MapGet("/{id:guid}", async (Guid id, WriteOffsHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)));
        writeOffs.MapPost("/{id:guid}/approve", async (Guid id, DecideWriteOff body, WriteOffsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.ApproveAsync(id, body, ct)))
            .WithSummary("Approve (credit managers and admins, not the one who asked); the last approval needed books the write-off.");
        writeOffs.MapPost("/{id:guid}/reject", async (Guid id, DecideWriteOff body, WriteOffsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.RejectAsync(id, body, ct))).WithSummary("Reject a request; nothing is written off.");
        writeOffs.MapPost("/{id:guid}/reverse", async (Guid id, ReverseWriteOff body, WriteOffsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.ReverseAsync(id, body, ct))).WithSummary("Reverse an approved write-off with a reason (坏账核销冲回): the installment is open again.");
        api.MapGet("/follow-ups/partial", async (PartialFollowUpsHandler handler, Guid? customerId, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(customerId, PageRequest.From(page, pageSize), ct))).WithTags("Allocations");
    }
}
