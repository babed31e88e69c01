using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Escalations;

public static class EscalationEndpoints
{
    public static void MapEscalations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/escalations").WithTags("Escalations");
        group.MapGet("", async (string? status, string? kind, Guid? customerId, bool? open, EscalationCasesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(status, kind, customerId, open ?? false, ct)))
            .WithSummary("Escalation cases, newest first: kind (Management, Agency, Legal), status, owner, amounts claimed and recovered.");
        group.MapPost("", async Task<Created<EscalationDetail>> (OpenEscalation body, EscalationCasesHandler h, CancellationToken ct) =>
            {
                var d = await h.OpenAsync(body, ct);
                return TypedResults.Created($"/api/escalations/{d.Case.Id}", d);
            })
            .WithSummary("Open a case by hand; the claim defaults to what the customer owes overdue. Agency and legal cases: credit managers and admins.");
        group.MapGet("/{id:guid}", async (Guid id, EscalationCasesHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithSummary("One case with its history and documents.");
        group.MapPost("/{id:guid}/status", async (Guid id, ChangeEscalationStatus body, EscalationCasesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ChangeStatusAsync(id, body, ct)))
            .WithSummary("Move the case on: Open → InProgress → Settled, Recovered, WrittenOff or Closed.");
        group.MapPost("/{id:guid}/owner", async (Guid id, AssignEscalation body, EscalationCasesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.AssignAsync(id, body, ct)))
            .WithSummary("Set who works the case, and the agency or law firm and its reference.");
        group.MapPost("/{id:guid}/notes", async (Guid id, EscalationNote body, EscalationCasesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.AddNoteAsync(id, body, ct)))
            .WithSummary("Add a note to the case's history.");
        group.MapPost("/{id:guid}/recoveries", async (Guid id, EscalationAmount body, EscalationCasesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.RecoverAsync(id, body, ct)))
            .WithSummary("Record money recovered (negative to correct one); never more than claimed.");
        group.MapPost("/{id:guid}/claim", async (Guid id, EscalationAmount body, EscalationCasesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ClaimAsync(id, body, ct)))
            .WithSummary("Change the amount claimed; never below what was recovered.");
        group.MapPost("/{id:guid}/documents", async (Guid id, IFormFile file, EscalationCasesHandler h, CancellationToken ct) =>
            {
                CreditFile.DocumentsHandler.Check(file.Length);
                var bytes = new byte[file.Length];
                await using (var stream = file.OpenReadStream())
                {
                    await stream.ReadExactlyAsync(bytes, ct);
                }
                return TypedResults.Ok(await h.UploadAsync(id, new UploadEscalationDocument(file.FileName, bytes), ct));
            })
            .DisableAntiforgery().WithSummary("multipart/form-data: file; at most 10 MB; pdf, png, jpg, xlsx, docx.");
        group.MapGet("/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, EscalationCasesHandler h, CancellationToken ct) =>
            {
                var (name, type, content) = await h.DocumentAsync(id, documentId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithSummary("Download a document of the case.");
    }
}
