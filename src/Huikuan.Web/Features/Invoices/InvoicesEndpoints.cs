using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Invoices;

public static class InvoicesEndpoints
{
    public static void MapInvoices(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/", async (QueryInvoicesHandler handler, Guid? customerId, string? kind, string? state, string? search, int? page, int? pageSize,
            CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(customerId, kind, state, search, PageRequest.From(page, pageSize), ct)));
        invoices.MapGet("/{id:guid}", async (Guid id, QueryInvoicesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)));
        invoices.MapPost("/", async Task<Created<InvoiceView>> (IssueInvoice request, IssueInvoiceHandler handler, CancellationToken ct) =>
        {
            var invoice = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/api/invoices/{invoice.Id}", invoice);
        });
        invoices.MapPost("/{id:guid}/reverse", async Task<Created<InvoiceView>> (Guid id, ReverseInvoice request, CreditNoteHandler handler, CancellationToken ct) =>
        {
            var note = await handler.ReverseAsync(id, request, ct);
            return TypedResults.Created($"/api/invoices/{note.Id}", note);
        });

        var notes = api.MapGroup("/credit-notes").WithTags("Credit notes");
        notes.MapGet("/", async (QueryInvoicesHandler handler, Guid? customerId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(customerId, "creditNote", null, search, PageRequest.From(page, pageSize), ct)));
        notes.MapPost("/", async Task<Created<InvoiceView>> (IssueCreditNote request, CreditNoteHandler handler, CancellationToken ct) =>
        {
            var note = await handler.IssueAsync(request, ct);
            return TypedResults.Created($"/api/invoices/{note.Id}", note);
        });
    }
}
