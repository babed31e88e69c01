using Huikuan.Domain;
using Huikuan.Domain.Aging;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Aging;

public sealed record AgingRequest(DateOnly? AsOf = null, AgingBasis Basis = AgingBasis.DueDate, string? Buckets = null,
    string GroupBy = "customer", string? Currency = null, Guid? SalespersonId = null);

public sealed record AgingRow(Guid? Id, string Code, string Name, IReadOnlyList<decimal> Buckets, decimal Total, decimal Unapplied, decimal Net);

/// <param name="Currency">The currency of every amount: the one asked for, or the company's when all are converted into it.</param>
/// <param name="Conversion">With no currency asked for, the rates the amounts were converted at and the currencies left out for
/// want of one; null when the report is of one currency, in its own amounts.</param>
/// <param name="Currencies">The currencies of the items open at the date, to choose one from.</param>
public sealed record AgingReportView(
    DateOnly AsOf, string Basis, string Currency, string GroupBy, IReadOnlyList<string> BucketKeys, IReadOnlyList<decimal> Totals,
    decimal Total, decimal Unapplied, Page<AgingRow> Rows, TotalsConversion? Conversion = null, IReadOnlyList<string>? Currencies = null);

/// <summary>
/// Aging as of any date (应收账龄): open installments by bucket, per customer or per salesperson. The
/// buckets are summed by the database; every row's buckets add up to its total and the column totals
/// to the grand total, because each item falls in exactly one bucket.
/// Without a currency the report is the company's: each currency's sums are converted into the company's currency at
/// the rate table's rate as of the report's date, rounded once per row, currency and bucket so that rows still add up
/// to the totals; a currency without a rate is left out and named. With a currency, it is that currency's items alone.
/// </summary>
public sealed class AgingReportHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<AgingReportView> HandleAsync(AgingRequest request, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var asOf = BusinessDates.Optional(request.AsOf, "asOf") ?? clock.Today;
        var buckets = AgingBuckets.Parse(request.Buckets);
        var single = request.Currency is null ? null : Currency.Of(request.Currency).Code;
        var bySalesperson = request.GroupBy switch
        {
            "customer" => false,
            "salesperson" => true,
            _ => throw new DomainRuleException("aging.groupBy", "groupBy", "groupBy is customer or salesperson."),
        };

        var movedLater = await OpenItemsAsOf.MovedAfterAsync(db, company, asOf, ct);
        var currencies = await OpenItemsAsOf.CurrenciesAsync(db, company, asOf, movedLater, ct);
        var unapplied = await OpenItemsAsOf.UnappliedByCurrencyAsync(db, company, asOf, ct);
        var available = currencies.Union(unapplied.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var shown = single is null ? available : [single];
        var perCurrency = new Dictionary<string, Dictionary<Guid, long[]>>(StringComparer.Ordinal);
        foreach (var currency in shown.Where(currencies.Contains))
        {
            perCurrency[currency] = await AmountsByCustomerAsync(company, currency, asOf, buckets, request.Basis, movedLater, ct);
        }
        var conversion = single is null
            ? await CompanyTotals.LoadAsync(db, company, asOf, shown, ct)
            : CompanyTotals.InOwnCurrency(single, asOf);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company)
            .Select(c => new { c.Id, c.Code, c.Name, c.SalespersonId }).ToDictionaryAsync(c => c.Id, ct);

        // Summed in decimal per row and currency: one customer's sums fit a long (Currency.MaxMinor), a salesperson's or
        // the company's need not. Then each row's sums are converted, once per currency and bucket.
        var sums = new Dictionary<Guid, Dictionary<string, (decimal[] Buckets, decimal Unapplied)>>();
        foreach (var currency in shown)
        {
            var amountsOf = perCurrency.GetValueOrDefault(currency) ?? [];
            var unappliedOf = unapplied.GetValueOrDefault(currency) ?? [];
            foreach (var customerId in amountsOf.Keys.Union(unappliedOf.Keys))
            {
                var info = customers[customerId];
                if (request.SalespersonId is { } sp && info.SalespersonId != sp)
                {
                    continue;
                }
                var key = bySalesperson ? info.SalespersonId ?? Guid.Empty : customerId;
                if (!sums.TryGetValue(key, out var byCurrency))
                {
                    sums[key] = byCurrency = new(StringComparer.Ordinal);
                }
                var row = byCurrency.TryGetValue(currency, out var r) ? r : (Buckets: new decimal[buckets.Count], Unapplied: 0m);
                if (amountsOf.TryGetValue(customerId, out var amounts))
                {
                    for (var i = 0; i < amounts.Length; i++)
                    {
                        row.Buckets[i] += amounts[i];
                    }
                }
                byCurrency[currency] = (row.Buckets, row.Unapplied + unappliedOf.GetValueOrDefault(customerId));
            }
        }
        var rows = new Dictionary<Guid, (decimal[] Buckets, decimal Unapplied)>();
        foreach (var (key, byCurrency) in sums)
        {
            var converted = (Buckets: new decimal[buckets.Count], Unapplied: 0m);
            var any = false;
            foreach (var (currency, row) in byCurrency)
            {
                if (!conversion.CanConvert(currency))
                {
                    conversion.LeaveOut(currency, row.Buckets.Sum());
                    continue;
                }
                any = true;
                for (var i = 0; i < converted.Buckets.Length; i++)
                {
                    converted.Buckets[i] += row.Buckets[i] == 0 ? 0 : conversion.Convert(currency, row.Buckets[i])!.Value;
                }
                converted.Unapplied += row.Unapplied == 0 ? 0 : conversion.Convert(currency, row.Unapplied)!.Value;
            }
            if (any)
            {
                rows[key] = converted;
            }
        }

        var names = bySalesperson
            ? await db.Salespeople.AsNoTracking().Where(s => s.CompanyId == company).ToDictionaryAsync(s => s.Id, s => (s.Code, s.Name), ct)
            : customers.ToDictionary(c => c.Key, c => (c.Value.Code, c.Value.Name));
        var ordered = rows
            .Select(r => (r.Key, r.Value.Buckets, r.Value.Unapplied, Total: r.Value.Buckets.Sum()))
            .OrderByDescending(r => r.Total).ThenBy(r => names.TryGetValue(r.Key, out var n) ? n.Code : "", StringComparer.Ordinal)
            .ToList();
        var pageRows = ordered.Skip(page.Skip).Take(page.PageSize).Select(r =>
        {
            var (code, name) = names.TryGetValue(r.Key, out var n) ? n : ("", bySalesperson ? "(no salesperson)" : "");
            return new AgingRow(r.Key == Guid.Empty ? null : r.Key, code, name, r.Buckets, r.Total, r.Unapplied, r.Total - r.Unapplied);
        }).ToList();

        var totals = new decimal[buckets.Count];
        foreach (var r in ordered)
        {
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += r.Buckets[i];
            }
        }
        return new AgingReportView(asOf, request.Basis == AgingBasis.DueDate ? "dueDate" : "invoiceDate", conversion.Target.Code, request.GroupBy,
            buckets.Keys(), totals, totals.Sum(), ordered.Sum(r => r.Unapplied),
            new Page<AgingRow>(pageRows, page.Page, page.PageSize, ordered.Count), single is null ? conversion.Describe() : null, available);
    }

    /// <summary>Per customer, the open amount in each bucket, summed by the database in one row per customer.</summary>
    public async Task<Dictionary<Guid, long[]>> AmountsByCustomerAsync(
        Guid company, string currency, DateOnly asOf, AgingBuckets buckets, AgingBasis basis, CancellationToken ct) =>
        await AmountsByCustomerAsync(company, currency, asOf, buckets, basis, await OpenItemsAsOf.MovedAfterAsync(db, company, asOf, ct), ct);

    /// <summary>As above, when the caller already knows whether anything moved after the date.</summary>
    public async Task<Dictionary<Guid, long[]>> AmountsByCustomerAsync(
        Guid company, string currency, DateOnly asOf, AgingBuckets buckets, AgingBasis basis, bool movedLater, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var items = OpenItemsAsOf.Query(db, company, currency, asOf, movedLater);
        if (movedLater)
        {
            return await ByCustomerAndBucketAsync(items, buckets, basis, asOf, ct);
        }
        var query = items.GroupBy(x => x.CustomerId).Select(AgedSums.Build(buckets, basis, asOf));
        List<AgedRow> rows;
        if (db.IsSqlite || db.Database.CurrentTransaction is not null)
        {
            rows = await query.ToListAsync(ct);
        }
        else
        {
            // PostgreSQL would plan this in parallel; on a small machine starting the workers costs more than they
            // save (T2 on 2 cores: 472 ms parallel, 145 ms serial), so this one query runs serially.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", ct);
            rows = await query.ToListAsync(ct);
            await tx.CommitAsync(ct);
        }
        var result = new Dictionary<Guid, long[]>(rows.Count);
        foreach (var row in rows)
        {
            result[row.CustomerId] = row.ToArray(buckets.Count);
        }
        return result;
    }

    /// <summary>
    /// For a past date, where each item's amount then is computed from the allocations after it, grouping by
    /// (customer, bucket) and letting PostgreSQL choose its plan was faster than the one-row-per-customer form
    /// (T2, six months back: 2.4 s against 4.3 s).
    /// </summary>
    private static async Task<Dictionary<Guid, long[]>> ByCustomerAndBucketAsync(
        IQueryable<OpenAtDate> items, AgingBuckets buckets, AgingBasis basis, DateOnly asOf, CancellationToken ct)
    {
        var sums = await items.Select(BucketExpression.Build(buckets, basis, asOf))
            .GroupBy(x => new { x.CustomerId, x.Bucket })
            .Select(g => new { g.Key.CustomerId, g.Key.Bucket, Open = g.Sum(x => x.Open) })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, long[]>();
        foreach (var s in sums)
        {
            if (!result.TryGetValue(s.CustomerId, out var row))
            {
                result[s.CustomerId] = row = new long[buckets.Count];
            }
            row[s.Bucket] += s.Open;
        }
        return result;
    }
}
