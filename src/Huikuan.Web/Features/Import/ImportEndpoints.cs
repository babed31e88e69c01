using Huikuan.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// POST /api/import/{customers|invoices|receipts} with a multipart file field "file"; ?dryRun=true
/// validates only. All rows or none: a 422 problem lists every bad row (up to a limit) and nothing is written.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImport(this RouteGroupBuilder api)
    {
        // A file-upload API called by programs and by the UI with no cookie sign-in: there is no ambient
        // credential for a cross-site form to borrow, so antiforgery tokens would protect nothing here.
        var group = api.MapGroup("/import").WithTags("Import").DisableAntiforgery();
        Describe(group.MapPost("/customers", (HttpRequest request, bool? dryRun, ImportCustomersHandler handler, CancellationToken ct) =>
            RunAsync(request, "customers", (table, token) => handler.HandleAsync(table, dryRun ?? false, null, token), ct)));
        Describe(group.MapPost("/invoices", (HttpRequest request, bool? dryRun, ImportInvoicesHandler handler, CancellationToken ct) =>
            RunAsync(request, "invoices", (table, token) => handler.HandleAsync(table, dryRun ?? false, null, token), ct)));
        Describe(group.MapPost("/receipts", (HttpRequest request, bool? dryRun, ImportReceiptsHandler handler, CancellationToken ct) =>
            RunAsync(request, "receipts", (table, token) => handler.HandleAsync(table, dryRun ?? false, null, token), ct)));
        group.MapGet("/{kind}/template.csv", Results<FileContentHttpResult, NotFound> (string kind) =>
            ImportTemplates.Layout(kind) is null
                ? TypedResults.NotFound()
                : TypedResults.File(ImportTemplates.Csv(kind, System.Globalization.CultureInfo.CurrentUICulture), "text/csv; charset=utf-8", $"{kind}-template.csv"));
    }

    /// <summary>
    /// No Accepts(multipart/form-data) metadata: routing would then answer a JSON body with a bare 415, while
    /// the handler answers it with a 422 that says how to send the file.
    /// </summary>
    internal static void Describe(RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>Reads the multipart upload and runs <paramref name="import"/> on its table; the rates import uses it too.</summary>
    internal static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> RunAsync(
        HttpRequest request, string kind, Func<RawTable, CancellationToken, Task<ImportSummary>> import, CancellationToken ct)
    {
        try
        {
            if (!request.HasFormContentType)
            {
                throw ImportFile.Problem("import.noFile", "Send the file as multipart/form-data in a field named 'file'.");
            }
            if (request.ContentLength > ImportLimits.MaxFileBytes + (64 * 1024))
            {
                throw new FileTooLargeException(request.ContentLength.Value);
            }
            var form = await request.ReadFormAsync(ct);
            var table = await ImportFile.ReadAsync(form.Files.GetFile("file"), kind, ct);
            return TypedResults.Ok(await import(table, ct));
        }
        catch (FileTooLargeException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
                type: "https://huikuan.dev/problems/import.tooLarge");
        }
        catch (InvalidDataException e)
        {
            // The multipart body itself is broken (or over the form limits).
            throw new DomainRuleException("import.form", "file", "The upload could not be read as multipart/form-data: " + e.Message);
        }
        catch (ImportRejectedException e)
        {
            var listed = e.Errors.Take(ImportLimits.MaxListedErrors).ToList();
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = "The file was not imported", Detail = e.Message,
                Type = "https://huikuan.dev/problems/import.rejected",
                Extensions =
                {
                    ["kind"] = e.Kind, ["rowsRead"] = e.RowsRead, ["errorCount"] = e.Errors.Count, ["listed"] = listed.Count,
                    ["errors"] = new Dictionary<string, string[]> { ["file"] = [e.Message] },
                    ["rows"] = listed,
                },
            });
        }
    }
}
