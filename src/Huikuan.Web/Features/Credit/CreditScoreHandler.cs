using Huikuan.Domain;
using Huikuan.Domain.Credit;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>One factor of a customer's score as the credit file shows it.</summary>
public sealed record CreditScoreLineView(string Factor, decimal SubScore, decimal WeightPercent, int Points);

/// <summary>
/// A customer's credit score as of a date, or no score (<see cref="Score"/> null) while nothing has fallen due yet:
/// a customer without a payment history is not a bad payer, and grading them E would say so.
/// </summary>
public sealed record CreditScoreView(
    Guid CustomerId, DateOnly AsOf, int? Score, string? Grade, IReadOnlyList<CreditScoreLineView> Lines, IReadOnlyList<string> Unknown,
    PaymentBehaviourView Behaviour, int RelationshipMonths);

/// <summary>
/// The score from what is known: the payment behaviour of the last 12 months, the length of the relationship, the
/// exposure against the limit (when there is one), the manual rating (when one was entered) and the open disputes
/// against what was invoiced in the last 12 months. Unknown factors are left out and the weights of the others
/// rescaled, as <see cref="CreditScore"/> does.
/// </summary>
public sealed class CreditScoreHandler(
    HuikuanDbContext db, Scope scope, PaymentBehaviourHandler behaviour, CreditExposureHandler exposures, CreditScoreWeightsHandler weights)
{
    public async Task<CreditScoreView> ForCustomerAsync(Guid customerId, DateOnly? asOf, CancellationToken ct)
    {
        var b = await behaviour.ForCustomerAsync(customerId, asOf, ct);
        var company = scope.CompanyId;
        // The first invoice (by the invoices' customer index; installments have none by customer).
        var first = await db.Invoices.AsNoTracking()
            .Where(n => n.CompanyId == company && n.CustomerId == customerId && n.InvoiceDate <= b.AsOf)
            .MinAsync(n => (DateOnly?)n.InvoiceDate, ct);
        var e = b.OnTimeShare is null ? null : await exposures.ReadAsync(customerId, ct);
        var disputed = e is null ? null : (await DisputedSharesAsync(e.Currency, b.AsOf, customerId, ct)).GetValueOrDefault(customerId);
        return Compose(customerId, b, first, e, disputed, await weights.WeightsAsync(ct));
    }

    /// <summary>
    /// Every customer's score as of <paramref name="asOf"/>, from a few company-wide reads instead of a dozen queries per
    /// customer (the daily run): customers with nothing due have no score and are left out.
    /// </summary>
    public async Task<IReadOnlyList<CreditScoreView>> ForAllAsync(DateOnly asOf, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var items = await behaviour.ItemsOfAllAsync(asOf, ct);
        var firsts = await db.Invoices.AsNoTracking().Where(n => n.CompanyId == company && n.InvoiceDate <= asOf)
            .GroupBy(n => n.CustomerId).Select(g => new { CustomerId = g.Key, First = g.Min(n => n.InvoiceDate) })
            .ToDictionaryAsync(x => x.CustomerId, x => x.First, ct);
        var scored = new List<CreditScoreView>();
        var withItems = items.Select(i => (i.Key, B: PaymentBehaviourHandler.View(i.Key, asOf, i.Value))).Where(x => x.B.OnTimeShare is not null).ToList();
        var all = await exposures.ReadAllAsync(withItems.Select(x => x.Key).ToHashSet(), ct);
        var w = await weights.WeightsAsync(ct);
        var shares = new Dictionary<string, Dictionary<Guid, decimal?>>(StringComparer.Ordinal);
        foreach (var currency in all.Values.Select(e => e.Currency).Distinct(StringComparer.Ordinal))
        {
            shares[currency] = await DisputedSharesAsync(currency, asOf, null, ct);
        }
        foreach (var (customerId, b) in withItems)
        {
            if (all.TryGetValue(customerId, out var e))
            {
                scored.Add(Compose(customerId, b, firsts.TryGetValue(customerId, out var f) ? f : null, e,
                    shares[e.Currency].GetValueOrDefault(customerId), w));
            }
        }
        return scored;
    }

    /// <summary>The score from the facts; no score (and no exposure needed) while nothing has fallen due.</summary>
    private static CreditScoreView Compose(
        Guid customerId, PaymentBehaviourView b, DateOnly? first, CustomerExposure? e, decimal? disputed, CreditScoreWeights weights)
    {
        var months = first is { } f ? Math.Max(0, ((b.AsOf.Year - f.Year) * 12) + b.AsOf.Month - f.Month - (b.AsOf.Day < f.Day ? 1 : 0)) : 0;
        if (b.OnTimeShare is null || e is null)
        {
            return new CreditScoreView(customerId, b.AsOf, null, null, [], [], b, months);
        }
        var factors = new CreditFactors(b.OnTimeShare, b.AverageDaysLate, b.Trend, disputed, ExposureRatio(e.Exposure.TotalMinor, e.LimitMinor), months, e.ManualRating);
        var result = CreditScore.Calculate(factors, weights);
        var known = result.Lines.Select(l => l.Factor).ToHashSet();
        return new CreditScoreView(customerId, b.AsOf, result.Score, result.Grade.ToString(),
            result.Lines.Select(l => new CreditScoreLineView(CreditScore.Key(l.Factor), l.SubScore, l.WeightPercent, l.Points)).ToList(),
            Enum.GetValues<CreditFactor>().Where(f => !known.Contains(f)).Select(CreditScore.Key).ToList(), b, months);
    }

    /// <summary>Exposure over the limit; none without a limit. Credit balances count as 0, and a limit of 0 with anything owed as fully used.</summary>
    public static decimal? ExposureRatio(long exposureMinor, long? limitMinor) => limitMinor switch
    {
        null => null,
        0 => exposureMinor > 0 ? CreditScore.ExposureRatioForZero : 0m,
        { } limit => Math.Max(0, exposureMinor) / (decimal)limit,
    };

    /// <summary>
    /// The share of the amount invoiced in the last 12 months (in the credit currency) that is in open dispute, per
    /// customer (one customer, or all): 0 with no open dispute, capped at 1; unknown for a customer invoiced nothing in
    /// that currency. Two grouped sums, so the daily run does not ask once per customer.
    /// </summary>
    private async Task<Dictionary<Guid, decimal?>> DisputedSharesAsync(string currency, DateOnly asOf, Guid? customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var from = asOf.AddMonths(-PaymentBehaviourHandler.Months);
        var invoiced = await db.Invoices.AsNoTracking()
            .Where(n => n.CompanyId == company && (customerId == null || n.CustomerId == customerId) && n.Kind == Domain.Ledger.DocumentKind.Invoice
                && n.Currency == currency && n.InvoiceDate > from && n.InvoiceDate <= asOf)
            .GroupBy(n => n.CustomerId).Select(g => new { CustomerId = g.Key, Total = g.Sum(n => n.TotalMinor) })
            .ToDictionaryAsync(x => x.CustomerId, x => x.Total, ct);
        var disputed = await db.Disputes.AsNoTracking()
            .Where(d => d.CompanyId == company && (customerId == null || d.CustomerId == customerId) && d.Status == Data.Entities.DisputeStatus.Open && d.Currency == currency)
            .GroupBy(d => d.CustomerId).Select(g => new { CustomerId = g.Key, Amount = g.Sum(d => d.AmountMinor) })
            .ToDictionaryAsync(x => x.CustomerId, x => x.Amount, ct);
        return invoiced.Where(i => i.Value > 0).ToDictionary(i => i.Key,
            i => (decimal?)Math.Min(1m, disputed.GetValueOrDefault(i.Key) / (decimal)i.Value));
    }
}
