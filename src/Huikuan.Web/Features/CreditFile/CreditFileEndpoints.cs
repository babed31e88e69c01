using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Huikuan.Web.Features.CreditFile;

/// <summary>The credit file under /api/customers/{id}/…: contacts, business data, financials, ratings, documents, history.</summary>
public static class CreditFileEndpoints
{
    public static void MapCreditFile(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers/{id:guid}").WithTags("Credit file");
        group.MapGet("/contacts", async (Guid id, bool? includeInactive, ContactsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(id, includeInactive ?? false, ct)));
        group.MapGet("/contacts/dunning", async Task<Results<Ok<ContactView>, NoContent>> (Guid id, ContactsHandler h, CancellationToken ct) =>
            await h.ForDunningAsync(id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NoContent())
            .WithSummary("The contact reminders go to: the finance contact with an e-mail, primary first; 204 when nobody has an e-mail.");
        group.MapPost("/contacts", async Task<Created<ContactView>> (Guid id, ContactInput input, ContactsHandler h, CancellationToken ct) =>
        {
            var c = await h.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/customers/{id}/contacts/{c.Id}", c);
        });
        group.MapPut("/contacts/{contactId:guid}", async (Guid id, Guid contactId, ContactInput input, ContactsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.UpdateAsync(id, contactId, input, ct)));
        group.MapDelete("/contacts/{contactId:guid}", async (Guid id, Guid contactId, ContactsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.RemoveAsync(id, contactId, ct))).WithSummary("Marks the contact inactive; nothing is deleted.");

        group.MapGet("/business-data", async (Guid id, BusinessDataHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)));
        group.MapPut("/business-data", async (Guid id, ProfileInput input, BusinessDataHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.SaveProfileAsync(id, input, ct)));
        group.MapPut("/financials", async (Guid id, FinancialsInput input, BusinessDataHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.SaveFinancialsAsync(id, input, ct))).WithSummary("Adds or replaces one fiscal year's figures.");
        group.MapPost("/ratings", async (Guid id, RatingInput input, BusinessDataHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.AddRatingAsync(id, input, ct)));

        group.MapGet("/documents", async (Guid id, DocumentsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(id, ct)));
        // Called with the sign-in cookie or an API key; the cookie is SameSite, so a cross-site form cannot carry it.
        group.MapPost("/documents", async Task<Created<DocumentView>> (Guid id, [FromForm] string kind, [FromForm] string title,
            [FromForm] DateOnly? validUntil, IFormFile file, DocumentsHandler h, CancellationToken ct) =>
        {
            DocumentsHandler.Check(file.Length);
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }
            var d = await h.UploadAsync(id, new UploadDocument(kind, title, validUntil, file.FileName, bytes), ct);
            return TypedResults.Created($"/api/customers/{id}/documents/{d.Id}", d);
        }).DisableAntiforgery().WithSummary("multipart/form-data: file, kind (licence|financials|contract|guarantee|other), title, validUntil; at most 10 MB; pdf, png, jpg, xlsx, docx.");
        group.MapGet("/documents/{documentId:guid}", async (Guid id, Guid documentId, DocumentsHandler h, CancellationToken ct) =>
        {
            var f = await h.DownloadAsync(id, documentId, ct);
            return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
        });
        group.MapDelete("/documents/{documentId:guid}", async (Guid id, Guid documentId, DocumentsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.DeleteAsync(id, documentId, ct))).WithSummary("Marks the document deleted; it is kept.");

        group.MapGet("/credit-file/history", async (Guid id, int? take, CreditFileHistoryHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(id, take, ct))).WithSummary("Every change to the customer's credit file, newest first.");
    }
}
