using Huikuan.Web.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.Dunning;

/// <summary>Starts a run; <see cref="Confirm"/> says a person has seen the counts a confirmation asked for.</summary>
public sealed record RunDunning(bool Confirm = false);

public static class DunningEndpoints
{
    public static void MapDunning(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dunning").WithTags("Dunning");
        group.MapGet("/policy", async (DunningPoliciesHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(ct)))
            .WithSummary("The company's dunning policy: levels by days overdue and amount, channels, fees, hold, escalation; interest, reminders.");
        group.MapPut("/policy", async (SaveDunningPolicy body, DunningPoliciesHandler h, CancellationToken ct) => TypedResults.Ok(await h.SaveAsync(body, ct)))
            .WithSummary("Replace the dunning policy (credit managers and admins).");
        group.MapGet("/templates", async (MessageTemplatesHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithSummary("The texts of payment notices, reminders and every level, in zh-CN and en, with merge fields {{…}}.");
        group.MapPut("/templates/{purpose}/{language}", async (string purpose, string language, SaveMessageTemplate body, MessageTemplatesHandler h,
                CancellationToken ct) => TypedResults.Ok(await h.SaveAsync(purpose, language, body, ct)))
            .WithSummary("Save a template; unknown merge fields are refused.");
        group.MapDelete("/templates/{purpose}/{language}", async (string purpose, string language, MessageTemplatesHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ResetAsync(purpose, language, ct)))
            .WithSummary("Go back to the built-in text.");
        group.MapGet("/preview", async (DateOnly? day, string? show, int? page, int? pageSize, DunningPreviewHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.PreviewAsync(day, show, page ?? 1, pageSize ?? 50, ct)))
            .WithSummary("What a run would do on a day (today by default), and why, without doing it.");
        group.MapPost("/runs", async Task<Results<Ok<DunningRunView>, Conflict<DunningRunConfirmation>>> (RunDunning? body, DunningRunHandler h,
                CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await h.RunAsync(DunningRunTrigger.OnDemand, body?.Confirm ?? false, null, ct));
                }
                catch (DunningRunNeedsConfirmationException e)
                {
                    return TypedResults.Conflict(e.Confirmation);
                }
            })
            .WithSummary("Run dunning for today now; a second run the same day sends nothing again. A company's first run, or one sending "
                + "serious levels to more customers than the policy allows, answers 409 with the counts per level unless confirm is true.");
        group.MapGet("/runs", async (int? take, DunningHistoryHandler h, CancellationToken ct) => TypedResults.Ok(await h.RunsAsync(take ?? 50, ct)))
            .WithSummary("Past runs, newest first, with what each did.");
        group.MapGet("/runs/{id:guid}", async (Guid id, DunningHistoryHandler h, CancellationToken ct) =>
            {
                var (run, communications) = await h.RunAsync(id, ct);
                return TypedResults.Ok(new { run, communications });
            })
            .WithSummary("One run and the communications it wrote.");
        group.MapGet("/communications/{id:guid}", async (Guid id, DunningHistoryHandler h, CancellationToken ct) => TypedResults.Ok(await h.CommunicationAsync(id, ct)))
            .WithSummary("One communication: its text and the items it covered.");
        group.MapGet("/communications/{id:guid}/letter.pdf", async (Guid id, DunningHistoryHandler h, CancellationToken ct) =>
            {
                var (name, content) = await h.LetterAsync(id, ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithSummary("The PDF letter of a communication.");
        group.MapGet("/tasks", async (bool? mine, CollectionTasksHandler h, CancellationToken ct) => TypedResults.Ok(await h.OpenAsync(mine ?? false, ct)))
            .WithSummary("Open calls and visits that dunning levels asked for, the earliest first.");
        group.MapPost("/tasks/{id:guid}/complete", async (Guid id, CompleteTask body, CollectionTasksHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.CompleteAsync(id, body, ct)))
            .WithSummary("Close a task, with what came of it (or cancel it).");
        group.MapPost("/blocks/{id:guid}/release", async (Guid id, DunningBlocksHandler h, CancellationToken ct) => TypedResults.Ok(await h.ReleaseAsync(id, ct)))
            .WithSummary("Release a manual block.");

        var customers = api.MapGroup("/customers/{id:guid}").WithTags("Dunning");
        customers.MapGet("/dunning", async (Guid id, DunningHistoryHandler h, CancellationToken ct) => TypedResults.Ok(await h.ForCustomerAsync(id, ct)))
            .WithSummary("The customer's dunning level, credit hold, history, blocks and tasks.");
        customers.MapPost("/dunning-blocks", async (Guid id, BlockDunning body, DunningBlocksHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.BlockAsync(id, body, ct)))
            .WithSummary("Leave the customer, or one of its invoices, out of dunning, with a reason and optionally until a day.");
    }
}
