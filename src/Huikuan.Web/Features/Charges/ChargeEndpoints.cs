namespace Huikuan.Web.Features.Charges;

public static class ChargeEndpoints
{
    public static void MapCharges(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:guid}/charges", async (Guid id, CustomerChargesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ForCustomerAsync(id, ct)))
            .WithTags("Charges").WithSummary("The customer's interest and fees charged by dunning letters, their waivers, and what is still owed per currency.");
        api.MapPost("/charges/{id:guid}/waivers", async (Guid id, RequestWaiver body, ChargeWaiversHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.RequestAsync(id, body, ct)))
            .WithTags("Charges").WithSummary("Ask to waive part or all of a charge, with a reason; someone else approves it.");
        var waivers = api.MapGroup("/charge-waivers").WithTags("Charges");
        waivers.MapGet("", async (string? status, ChargeWaiversHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(status, ct)))
            .WithSummary("Waivers, newest first; status=Requested lists those awaiting a decision.");
        waivers.MapPost("/{id:guid}/approve", async (Guid id, DecideWaiver body, ChargeWaiversHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ApproveAsync(id, body, ct)))
            .WithSummary("Approve a waiver (credit managers and admins, not the one who asked): the charge's balance goes down by it.");
        waivers.MapPost("/{id:guid}/reject", async (Guid id, DecideWaiver body, ChargeWaiversHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.RejectAsync(id, body, ct)))
            .WithSummary("Reject a waiver: the charge stays as it is.");
    }
}
