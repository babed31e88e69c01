using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Customers;

public static class CustomersEndpoints
{
    public static void MapCustomers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers");
        group.MapGet("/", async (ListCustomersHandler handler, string? search, Guid? salespersonId, string? sort, bool? desc, int? page, int? pageSize,
            CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(
                new CustomerListRequest(search, salespersonId, ListCustomersHandler.ParseSort(sort), desc ?? false), PageRequest.From(page, pageSize), ct)))
            .WithSummary("Customers by code (default), name or outstanding amount (sort=code|name|outstanding, desc=true for descending).");
        group.MapGet("/{id:guid}", async (Guid id, GetCustomerHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        group.MapGet("/{id:guid}/open-items", async (Guid id, CustomerStatementHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OpenItemsAsync(id, ct)));
        group.MapGet("/{id:guid}/statement", async (Guid id, DateOnly? from, DateOnly? to, string? currency, CustomerStatementHandler handler,
            CancellationToken ct) => TypedResults.Ok(await handler.StatementAsync(id, from, to, currency, ct)));
        group.MapPost("/", async Task<Created<CustomerView>> (CreateCustomer request, CreateCustomerHandler handler, CancellationToken ct) =>
        {
            var customer = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/customers/{customer.Id}", customer);
        });
        SalespersonHandler.Map(api);
    }
}
