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
        group.MapGet("/{id:guid}/summary", async (Guid id, CustomerSummaryHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithSummary("The head of the customer page: the credit grade, the earliest open promise to pay and the latest contact with its next step.");
        group.MapGet("/{id:guid}/open-items", async (Guid id, CustomerStatementHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OpenItemsAsync(id, ct)));
        group.MapGet("/{id:guid}/statement", async (Guid id, DateOnly? from, DateOnly? to, string? currency, CustomerStatementHandler handler,
            CancellationToken ct) => TypedResults.Ok(await handler.StatementAsync(id, from, to, currency, ct)));
        group.MapPost("/", async Task<Created<CustomerView>> (CreateCustomer request, CreateCustomerHandler handler, CancellationToken ct) =>
        {
            var customer = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/customers/{customer.Id}", customer);
        });
        MapGroup(group);
        MapPayerAccounts(group);
        SalespersonHandler.Map(api);
        api.MapGet("/my-customers", async (MyCustomersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Customers")
            .WithSummary("A salesperson's home (salespeople only): their customers' overdue and who owes the most, the promises due this week and the broken ones, and what was collected on their items this business month and last month, in the company's currency.");
    }

    private static void MapGroup(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/group", async (Guid id, CustomerGroupHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithSummary("The customer's parent company, subsidiaries and other names.");
        group.MapPut("/{id:guid}/parent", async (Guid id, SetCustomerParent request, CustomerGroupHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SetParentAsync(id, request, ct)))
            .WithSummary("Sets (or, with parentId null, clears) the parent company: a customer of the same company, never a cycle.");
        group.MapPost("/{id:guid}/aliases", async Task<Created<CustomerAliasView>> (Guid id, AddCustomerAlias request, CustomerGroupHandler handler,
            CancellationToken ct) =>
        {
            var alias = await handler.AddAliasAsync(id, request, ct);
            return TypedResults.Created($"/api/customers/{id}/group", alias);
        }).WithSummary("Adds another name (ShortName, FormerName, EnglishName, BankName); alsoNameOf lists other customers of that name.");
        group.MapDelete("/{id:guid}/aliases/{aliasId:guid}", async (Guid id, Guid aliasId, CustomerGroupHandler handler, CancellationToken ct) =>
        {
            await handler.RemoveAliasAsync(id, aliasId, ct);
            return TypedResults.NoContent();
        });
    }

    private static void MapPayerAccounts(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/payer-accounts", async (Guid id, PayerAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.ListAsync(id, ct)));
        group.MapPost("/{id:guid}/payer-accounts", async Task<Created<PayerAccountView>> (Guid id, AddPayerAccount request, PayerAccounts accounts,
            CancellationToken ct) =>
        {
            var account = await accounts.AddAsync(id, request, ct);
            return TypedResults.Created($"/api/customers/{id}/payer-accounts", account);
        }).WithSummary("Adds a bank account that pays for the customer (付款账户); the same account may pay for several customers.");
        group.MapPut("/{id:guid}/payer-accounts/{accountId:guid}/blocked", async (Guid id, Guid accountId, BlockPayerAccount request,
            PayerAccounts accounts, CancellationToken ct) => TypedResults.Ok(await accounts.SetBlockedAsync(id, accountId, request, ct)))
            .WithSummary("Blocks (this account is NOT this customer's) or unblocks the account for the customer.");
        group.MapDelete("/{id:guid}/payer-accounts/{accountId:guid}", async (Guid id, Guid accountId, PayerAccounts accounts, CancellationToken ct) =>
        {
            await accounts.RemoveAsync(id, accountId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Removes an account entered by hand; a learned one is blocked instead.");
    }
}
