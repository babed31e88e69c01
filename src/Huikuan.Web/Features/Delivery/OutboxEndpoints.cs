using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.Delivery;

public static class OutboxEndpoints
{
    public static void MapOutbox(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outbox").WithTags("Outbox");
        group.MapGet("", async (string? status, string? channel, Guid? customerId, string? q, int? page, int? pageSize, OutboxMessagesHandler h,
                CancellationToken ct) => TypedResults.Ok(await h.ListAsync(status, channel, customerId, q, PageRequest.From(page, pageSize), ct)))
            .WithSummary("E-mails and SMS with their delivery status (Pending, Sending, Sent, Failed), attempts and last error, newest first.");
        group.MapGet("/{id:guid}", async (Guid id, OutboxMessagesHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithSummary("One message, its text and the names and sizes of its attachments.");
        group.MapPost("/{id:guid}/retry", async (Guid id, OutboxMessagesHandler h, CancellationToken ct) => TypedResults.Ok(await h.RetryAsync(id, ct)))
            .WithSummary("Send a failed message again (409 unless it failed).");
    }
}
