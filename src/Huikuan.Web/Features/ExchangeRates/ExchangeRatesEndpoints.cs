using Huikuan.Web.Features.Import;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huikuan.Web.Features.ExchangeRates;

public static class ExchangeRatesEndpoints
{
    public static void MapExchangeRates(this RouteGroupBuilder api)
    {
        var rates = api.MapGroup("/exchange-rates").WithTags("Exchange rates");
        rates.MapGet("/", async (ExchangeRatesHandler handler, string? currency, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(currency, PageRequest.From(page, pageSize), ct)));
        rates.MapPost("/", async Task<Created<ExchangeRateView>> (AddExchangeRate request, ExchangeRatesHandler handler, CancellationToken ct) =>
        {
            var rate = await handler.AddAsync(request, ct);
            return TypedResults.Created($"/api/exchange-rates/{rate.Id}", rate);
        });
        // Multipart, like the other imports: ?dryRun=true checks every row and writes nothing.
        ImportEndpoints.Describe(rates.MapPost("/import", (HttpRequest request, bool? dryRun, ImportExchangeRatesHandler handler, CancellationToken ct) =>
            ImportEndpoints.RunAsync(request, ImportExchangeRatesHandler.Kind, (table, token) => handler.HandleAsync(table, dryRun ?? false, null, token), ct))
            .DisableAntiforgery());
        rates.MapGet("/import/template.csv", () => TypedResults.File(
            ImportTemplates.Csv(ImportExchangeRatesHandler.Layout, ImportExchangeRatesHandler.Example, System.Globalization.CultureInfo.CurrentUICulture),
            "text/csv; charset=utf-8", "exchange-rates-template.csv"));
        rates.MapPut("/tolerance", async (ExchangeTolerance request, ExchangeRatesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SetToleranceAsync(request, ct)));

        var approvals = api.MapGroup("/exchange-approvals").WithTags("Exchange rates");
        approvals.MapGet("/", async (ExchangeApprovalsHandler handler, bool? pendingOnly, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(pendingOnly ?? false, ct)));
        approvals.MapPost("/{id:guid}/approve", async (Guid id, ExchangeApprovalsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ApproveAsync(id, ct)));
        approvals.MapPost("/{id:guid}/reject", async (Guid id, DecideExchangeApproval request, ExchangeApprovalsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RejectAsync(id, request, ct)));

        api.MapGet("/exchange-differences", async (ExchangeDifferencesHandler handler, Guid? receiptId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(receiptId, from, to, ct))).WithTags("Exchange rates");
    }
}
