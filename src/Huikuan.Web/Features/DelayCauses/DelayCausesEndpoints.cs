namespace Huikuan.Web.Features.DelayCauses;

public static class DelayCausesEndpoints
{
    public static void MapDelayCauses(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/delay-causes").WithTags("DelayCauses");
        group.MapGet("/strategies", async (DelayCausesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.StrategiesAsync(ct)))
            .WithSummary("Each cause of delay with the strategy it calls for: the company's, else the default.");
        group.MapPut("/strategies/{cause}", async (string cause, SaveDelayStrategy request, DelayCausesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SaveStrategyAsync(cause, request, ct)));
        api.MapGet("/customers/{id:guid}/delay-cause", async (Guid id, DelayCausesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ForCustomerAsync(id, ct))).WithTags("DelayCauses");
        api.MapPost("/customers/{id:guid}/delay-cause", async (Guid id, SetDelayCause request, DelayCausesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SetAsync(id, request, ct))).WithTags("DelayCauses")
            .WithSummary("A collector records the customer's current cause of delay; earlier ones stay in the history.");
    }
}
