using Huikuan.Domain;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.BankStatements.Matching;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.BankStatements;

public static class BankStatementsEndpoints
{
    public static void MapBankStatements(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/bank-accounts").WithTags("Bank statements");
        accounts.MapGet("/", async (BankAccountsHandler handler, bool? activeOnly, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(activeOnly ?? false, ct)));
        accounts.MapGet("/{id:guid}", async (Guid id, BankAccountsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)));
        accounts.MapPost("/", async Task<Created<BankAccountView>> (SaveBankAccount request, BankAccountsHandler handler, CancellationToken ct) =>
        {
            var account = await handler.CreateAsync(request, ct);
            return TypedResults.Created($"/api/bank-accounts/{account.Id}", account);
        });
        accounts.MapPut("/{id:guid}", async (Guid id, SaveBankAccount request, BankAccountsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, request, ct)));

        var statements = api.MapGroup("/bank-statements").WithTags("Bank statements");
        statements.MapGet("/", async (QueryBankStatementsHandler handler, Guid? bankAccountId, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(bankAccountId, PageRequest.From(page, pageSize), ct)));
        statements.MapGet("/{id:guid}", async (Guid id, BankLineStatus? status, int? page, int? pageSize, QueryBankStatementsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, status, PageRequest.From(page, pageSize), ct)));
        // A file-upload API like the other imports (multipart, field "file"; optional "bankAccountId", and "apply=true" to
        // match the statements and post their sure lines in the same call, as the page does): no antiforgery
        // token, as there is no ambient credential a cross-site form could borrow (see ImportEndpoints).
        ImportEndpoints.Describe(statements.MapPost("/import", ImportAsync).DisableAntiforgery());
        statements.MapPost("/lines/{id:guid}/not-receivables", async (Guid id, NotReceivablesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.MarkAsync(id, ct)));
        statements.MapDelete("/lines/{id:guid}/not-receivables", async (Guid id, NotReceivablesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UnmarkAsync(id, ct)));
        statements.MapPost("/{id:guid}/match", async (Guid id, MatchStatementHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        statements.MapPost("/{id:guid}/post", async (Guid id, PostBankLinesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.PostSureAsync(id, ct)));
        statements.MapPost("/lines/{id:guid}/confirm", async (Guid id, ConfirmBankLine request, SettleBankLineHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ConfirmAsync(id, request, ct)));
        statements.MapPost("/lines/confirm", async (ConfirmBankLines request, SettleBankLinesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ConfirmAsync(request, ct)));
        statements.MapPost("/lines/apply-to-invoice", async (ApplyLinesToInvoice request, SettleBankLinesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ApplyToInvoiceAsync(request, ct)));
        statements.MapPost("/lines/{id:guid}/undo", async (Guid id, UndoBankLine request, SettleBankLineHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UndoAsync(id, request, ct)));
    }

    private static async Task<Results<Ok<BankStatementImport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ImportBankStatementsHandler handler, CancellationToken ct)
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
            var file = form.Files.GetFile("file") ?? throw ImportFile.Problem("import.noFile", "Send the file as multipart/form-data in a field named 'file'.");
            if (file.Length > ImportLimits.MaxFileBytes)
            {
                throw new FileTooLargeException(file.Length);
            }
            Guid? account = null;
            if (form["bankAccountId"].ToString() is { Length: > 0 } text)
            {
                account = Guid.TryParse(text, out var id) ? id
                    : throw new DomainRuleException("bankStatement.accountId", "bankAccountId", "bankAccountId is not an id.");
            }
            var apply = false;
            if (form["apply"].ToString() is { Length: > 0 } flag && !bool.TryParse(flag, out apply))
            {
                throw new DomainRuleException("bankStatement.apply", "apply", "apply is true or false.");
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }
            var imported = await handler.HandleAsync(bytes, file.FileName, account, ct);
            return TypedResults.Ok(apply
                ? imported with { Applied = await request.HttpContext.RequestServices.GetRequiredService<ApplyImportedStatementsHandler>().HandleAsync(imported, ct) }
                : imported);
        }
        catch (FileTooLargeException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
                type: "https://huikuan.dev/problems/import.tooLarge");
        }
        catch (InvalidDataException e)
        {
            throw new DomainRuleException("import.form", "file", "The upload could not be read as multipart/form-data: " + e.Message);
        }
    }
}
