using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Contacts;

public static class ContactsEndpoints
{
    public static void MapContacts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers/{id:guid}").WithTags("Contacts");
        group.MapPost("/contact-log", async Task<Created<LoggedContactView>> (Guid id, LogContact body, ContactLogHandler handler, CancellationToken ct) =>
            {
                var contact = await handler.LogAsync(id, body, ct);
                return TypedResults.Created($"/api/customers/{id}/contact-log", contact);
            })
            .WithSummary("Log a call, visit, e-mail, SMS, letter or note with its outcome and next step; a promise made in it is recorded with it.");
        group.MapGet("/contact-log", async (Guid id, int? take, ContactLogHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, take ?? 200, ct)))
            .WithSummary("The customer's contacts, newest first (take: at most 500).");
        group.MapGet("/timeline", async (Guid id, DateOnly? before, int? take, CustomerTimelineHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, before, take, ct)))
            .WithSummary("The customer's history newest first: contacts, dunning messages, promises, disputes, receipts and invoices before a day "
                + "(nextBefore asks for the ones before those).");
    }
}
