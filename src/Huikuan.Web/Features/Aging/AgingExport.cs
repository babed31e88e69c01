using System.Globalization;
using Huikuan.Domain.Aging;
using Huikuan.Web.Components;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Huikuan.Web.Features.Aging;

/// <summary>
/// The aging report as an Excel workbook: every row of the report (not one page), then a totals row, with the
/// headers in the user's language. The figures are the report handler's, so the file and the screen agree. The
/// company-wide report (no currency chosen) adds a sheet of the rates it was converted at and the currencies without one.
/// </summary>
public sealed class AgingExportHandler(AgingReportHandler report, IStringLocalizer<Text> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<(byte[] Bytes, string FileName)> HandleAsync(AgingRequest request, CancellationToken ct)
    {
        var view = await report.HandleAsync(request, new PageRequest(1, int.MaxValue), ct);
        var headers = new List<string> { text["Aging.Code"], text[view.GroupBy == "salesperson" ? "Aging.Salesperson" : "Customer.Name"] };
        headers.AddRange(view.BucketKeys.Select(k => Formats.Bucket(text, k)));
        headers.AddRange([text["Aging.Total"], text["Aging.Unapplied"], text["Aging.Net"]]);

        var rows = new List<Dictionary<string, object>>(view.Rows.Items.Count + 1);
        foreach (var row in view.Rows.Items)
        {
            var name = row.Id is null && view.GroupBy == "salesperson" ? text["Aging.NoSalesperson"] : row.Name;
            rows.Add(Row(headers, row.Code, name, row.Buckets, row.Total, row.Unapplied, row.Net));
        }
        rows.Add(Row(headers, "", text["Aging.TotalsRow"], view.Totals, view.Total, view.Unapplied, view.Total - view.Unapplied));

        var sheets = new Dictionary<string, object>(StringComparer.Ordinal) { [text["Aging.Sheet"]] = rows };
        if (view.Conversion is { } conversion && (conversion.Rates.Count > 0 || conversion.Missing.Count > 0))
        {
            sheets[text["Aging.RatesSheet"]] = Rates(conversion);
        }
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        return (stream.ToArray(), string.Create(CultureInfo.InvariantCulture, $"aging-{view.AsOf:yyyy-MM-dd}.xlsx"));
    }

    /// <summary>
    /// The company-wide report's second sheet: each rate its amounts were converted at, with its date (and a note when
    /// it is stale), and each currency left out for want of a rate, with the amount not included.
    /// </summary>
    private List<Dictionary<string, object>> Rates(TotalsConversion conversion)
    {
        string currency = text["Totals.Column.Currency"], rate = text["Totals.Column.Rate", conversion.Currency], day = text["Totals.Column.Day"],
            note = text["Totals.Column.Note"], left = text["Totals.Column.NotIncluded"];
        var rows = conversion.Rates.Select(r => new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [currency] = r.Currency, [rate] = r.Rate, [day] = r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [note] = r.Stale ? text["Totals.StaleNote", CompanyTotals.StaleAfterDays].Value : "", [left] = "",
        }).ToList();
        rows.AddRange(conversion.Missing.Select(m => new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [currency] = m.Currency, [rate] = "", [day] = "",
            [note] = text["Totals.NoRate", conversion.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value, [left] = m.Amount,
        }));
        return rows;
    }

    private static Dictionary<string, object> Row(List<string> headers, string code, string name, IReadOnlyList<decimal> buckets,
        decimal total, decimal unapplied, decimal net)
    {
        var values = new List<object> { code, name };
        values.AddRange(buckets.Cast<object>());
        values.AddRange([total, unapplied, net]);
        var row = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            row[headers[i]] = values[i];
        }
        return row;
    }
}

public static class AgingExport
{
    public const string Path = "/api/aging/export.xlsx";

    /// <summary>The export's address for the report's parameters (the same parameters as GET /api/aging).</summary>
    public static string Url(AgingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["asOf"] = request.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["basis"] = request.Basis == AgingBasis.InvoiceDate ? "invoiceDate" : "dueDate",
            ["buckets"] = request.Buckets,
            ["groupBy"] = request.GroupBy,
            ["currency"] = request.Currency,
            ["salespersonId"] = request.SalespersonId?.ToString(),
        };
        return QueryHelpers.AddQueryString(Path, query.Where(kv => kv.Value is not null));
    }

    internal static void Map(RouteGroupBuilder aging) =>
        aging.MapGet("/export.xlsx", async (AgingExportHandler handler, DateOnly? asOf, string? basis, string? buckets, string? groupBy, string? currency,
            Guid? salespersonId, CancellationToken ct) =>
        {
            var (bytes, fileName) = await handler.HandleAsync(
                new AgingRequest(asOf, AgingEndpoints.ParseBasis(basis), buckets, groupBy ?? "customer", currency, salespersonId), ct);
            return TypedResults.File(bytes, AgingExportHandler.ContentType, fileName);
        }).WithSummary("The aging report as an .xlsx workbook: all rows and a totals row, and without a currency a sheet of the rates used and the currencies without one; the same parameters as GET /api/aging.");
}
