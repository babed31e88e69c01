using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Orders;

public static class OrdersEndpoints
{
    public static void MapOrders(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Sales orders");
        orders.MapGet("/", async (QueryOrdersHandler handler, Guid? customerId, string? status, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(customerId, status, PageRequest.From(page, pageSize), ct)));
        orders.MapGet("/holds", async (QueryOrdersHandler handler, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(null, "held", PageRequest.From(page, pageSize), ct)));
        orders.MapGet("/to-invoice", async (QueryOrdersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ToInvoiceAsync(ct)));
        orders.MapGet("/{id:guid}", async (Guid id, QueryOrdersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)));
        orders.MapPost("/", async Task<Created<OrderView>> (CreateOrder request, CreateOrderHandler handler, CancellationToken ct) =>
        {
            var order = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/orders/{order.Id}", order);
        });
        orders.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ConfirmAsync(id, ct)));
        orders.MapPost("/{id:guid}/recheck", async (Guid id, ConfirmOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RecheckAsync(id, ct)));
        orders.MapPost("/{id:guid}/release", async (Guid id, ReleaseOrderPart request, ReleaseOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ReleasePartAsync(id, request, ct)));
        orders.MapPost("/{id:guid}/override", async (Guid id, OverrideHold request, ReleaseOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OverrideAsync(id, request, ct)));
        orders.MapPost("/{id:guid}/override/approve", async (Guid id, DecideOverride? request, ReleaseOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.DecideOverrideAsync(id, true, request, ct)));
        orders.MapPost("/{id:guid}/override/reject", async (Guid id, DecideOverride? request, ReleaseOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.DecideOverrideAsync(id, false, request, ct)));
        orders.MapPost("/{id:guid}/deliveries", async (Guid id, RecordDelivery request, RecordDeliveryHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct)));
        orders.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/invoice", async (Guid id, Guid deliveryId, InvoiceDeliveryHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, deliveryId, ct)));
        orders.MapPost("/{id:guid}/cancel", async (Guid id, CancelOrder request, CancelOrderHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct)));
    }
}
