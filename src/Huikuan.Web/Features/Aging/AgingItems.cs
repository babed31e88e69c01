using Huikuan.Domain;
using Huikuan.Domain.Aging;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Aging;

public sealed record AgingItem(Guid InstallmentId, Guid InvoiceId, string InvoiceNumber, Guid CustomerId, DateOnly InvoiceDate, DateOnly DueDate,
    int AgeDays, string Bucket, decimal Open, string Currency);

/// <summary>
/// Drill-down: the installments behind one cell of the aging report, each in its own currency; without a currency, the
/// items of every currency (the company-wide report's rows convert them, the items are shown as they were invoiced).
/// </summary>
public sealed class AgingItemsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<Page<AgingItem>> HandleAsync(AgingRequest request, Guid? customerId, string? bucket, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var asOf = BusinessDates.Optional(request.AsOf, "asOf") ?? clock.Today;
        var buckets = AgingBuckets.Parse(request.Buckets);
        var currency = request.Currency is null ? null : Currency.Of(request.Currency).Code;
        var keys = buckets.Keys();
        int? bucketIndex = null;
        if (!string.IsNullOrEmpty(bucket))
        {
            var at = keys.ToList().IndexOf(bucket);
            bucketIndex = at >= 0 ? at : throw new DomainRuleException("aging.bucket", "bucket", $"bucket is one of {string.Join(", ", keys)}.", string.Join(", ", keys));
        }
        var items = (await OpenItemsAsOf.QueryAsync(db, company, currency, asOf, ct)).Where(i => i.Open != 0);
        if (customerId is { } c)
        {
            items = items.Where(i => i.CustomerId == c);
        }
        if (request.SalespersonId is { } sp)
        {
            items = items.Where(i => db.Customers.Any(cu => cu.CompanyId == company && cu.Id == i.CustomerId && cu.SalespersonId == sp));
        }
        if (bucketIndex is { } b)
        {
            // The bucket's date window, the same comparisons the report's CASE makes.
            var (from, to) = buckets.Window(b, asOf);
            items = request.Basis == AgingBasis.DueDate
                ? items.Where(i => (from == null || i.DueDate >= from) && (to == null || i.DueDate < to))
                : items.Where(i => (from == null || i.InvoiceDate >= from) && (to == null || i.InvoiceDate < to));
        }
        var total = await items.LongCountAsync(ct);
        var rows = await items
            .OrderBy(i => request.Basis == AgingBasis.DueDate ? i.DueDate : i.InvoiceDate).ThenBy(i => i.InstallmentId)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(i => new { i, Number = db.Invoices.Where(v => v.CompanyId == company && v.Id == i.InvoiceId).Select(v => v.Number).First() })
            .ToListAsync(ct);
        return new Page<AgingItem>(rows.Select(r =>
        {
            var age = AgingBuckets.AgeInDays(asOf, r.i.DueDate, r.i.InvoiceDate, request.Basis);
            return new AgingItem(r.i.InstallmentId, r.i.InvoiceId, r.Number, r.i.CustomerId, r.i.InvoiceDate, r.i.DueDate, age,
                keys[buckets.IndexOf(age)], Currency.Of(r.i.Currency).ToMajor(r.i.Open), r.i.Currency);
        }).ToList(), page.Page, page.PageSize, total);
    }

}

public static class AgingEndpoints
{
    public static void MapAging(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/aging").WithTags("Aging");
        group.MapGet("/", async (AgingReportHandler handler, DateOnly? asOf, string? basis, string? buckets, string? groupBy, string? currency,
            Guid? salespersonId, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AgingRequest(asOf, ParseBasis(basis), buckets, groupBy ?? "customer", currency, salespersonId),
                PageRequest.From(page, pageSize), ct)));
        group.MapGet("/items", async (AgingItemsHandler handler, DateOnly? asOf, string? basis, string? buckets, string? currency, Guid? customerId,
            Guid? salespersonId, string? bucket, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AgingRequest(asOf, ParseBasis(basis), buckets, "customer", currency, salespersonId),
                customerId, bucket, PageRequest.From(page, pageSize), ct)));
        AgingExport.Map(group);
    }

    internal static AgingBasis ParseBasis(string? basis) => basis switch
    {
        null or "" or "dueDate" => AgingBasis.DueDate,
        "invoiceDate" => AgingBasis.InvoiceDate,
        _ => throw new DomainRuleException("aging.basis", "basis", "basis is dueDate or invoiceDate."),
    };
}
