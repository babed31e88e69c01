using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Contracts;

public static class ContractsEndpoints
{
    public static void MapContracts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contracts").WithTags("Contracts");
        group.MapGet("/", async (ContractQueryHandler handler, Guid? customerId, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(customerId, ct)))
            .WithSummary("Contracts, newest signed first (customerId to narrow to one customer).");
        group.MapGet("/{id:guid}", async (Guid id, ContractQueryHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)));
        group.MapPost("/", async Task<Created<ContractView>> (CreateContract request, CreateContractHandler handler, CancellationToken ct) =>
        {
            var contract = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/contracts/{contract.Id}", contract);
        });
        group.MapPost("/{id:guid}/status", async (Guid id, ChangeContractStatus request, ChangeContractStatusHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct)));
        group.MapPost("/{id:guid}/stages/{stageId:guid}/reached", async (Guid id, Guid stageId, MarkStageReached request,
            MarkStageReachedHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, stageId, request, ct)))
            .WithSummary("Mark a stage reached: raises its invoice at once, or a billing request for the accountants.");
        group.MapGet("/unbilled", async (UnbilledStagesHandler handler, Guid? customerId, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(customerId, ct)))
            .WithSummary("Reached but unbilled stages (billing requests), oldest first.");
        group.MapPost("/stages/{stageId:guid}/invoice", async (Guid stageId, BillStage request, BillStageHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(stageId, request, ct)))
            .WithSummary("Raise the invoice of a billing request.");
    }
}
