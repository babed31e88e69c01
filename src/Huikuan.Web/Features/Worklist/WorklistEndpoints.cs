namespace Huikuan.Web.Features.Worklist;

public static class WorklistEndpoints
{
    public static void MapWorklist(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/worklist").WithTags("Worklist");
        group.MapGet("/", async (Guid? collectorId, bool? team, bool? everything, WorklistHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.TodayAsync(new WorklistQuery(collectorId, team ?? false, everything ?? false), ct)))
            .WithSummary("Today's worklist: a collector's (yours by default; team=true for everyone's), ranked by points, with at most three reasons per row.");

        group.MapGet("/rules", async (WorklistRulesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("The rules that score the worklist (the defaults until the first change).");
        group.MapPost("/rules", async (SaveWorklistRule request, WorklistRulesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.AddAsync(request, ct)));
        group.MapPut("/rules/{id:guid}", async (Guid id, SaveWorklistRule request, WorklistRulesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, request, ct)));
        group.MapDelete("/rules/{id:guid}", async (Guid id, WorklistRulesHandler handler, CancellationToken ct) =>
        {
            await handler.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/rules/reset", async (WorklistRulesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ResetAsync(ct)))
            .WithSummary("Put the default rules back in place of the company's own.");

        group.MapGet("/collectors", async (CollectorAssignmentsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CollectorsAsync(ct)));
        group.MapPut("/collectors/{id:guid}/capacity", async (Guid id, SetCapacity request, CollectorAssignmentsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SetCapacityAsync(id, request, ct)));
        group.MapGet("/assignments", async (CollectorAssignmentsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        group.MapPost("/assignments", async (SaveCollectorAssignment request, CollectorAssignmentsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.AddAsync(request, ct)));
        group.MapDelete("/assignments/{id:guid}", async (Guid id, CollectorAssignmentsHandler handler, CancellationToken ct) =>
        {
            await handler.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        api.MapPut("/customers/{id:guid}/collector", async (Guid id, AssignCustomer request, CollectorAssignmentsHandler handler, CancellationToken ct) =>
        {
            await handler.AssignAsync(id, request, ct);
            return TypedResults.NoContent();
        }).WithTags("Worklist").WithSummary("Name the customer's collector (a reassignment); null hands it back to the assignment rules.");

        api.MapPost("/customers/{id:guid}/snoozes", async (Guid id, SnoozeCustomer request, WorklistSnoozesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SnoozeAsync(id, request, ct))).WithTags("Worklist").WithSummary("Take the customer off the worklist until a day.");
        api.MapGet("/customers/{id:guid}/snoozes", async (Guid id, WorklistSnoozesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ForCustomerAsync(id, ct))).WithTags("Worklist");
        group.MapPost("/snoozes/{id:guid}/end", async (Guid id, WorklistSnoozesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.EndAsync(id, ct))).WithSummary("End a snooze early: the customer is back on today's list.");
    }
}
