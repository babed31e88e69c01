using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

public sealed record OverLimitView(Guid CustomerId, string CustomerCode, string CustomerName, string Currency, decimal Limit, decimal Exposure, decimal Over);

public sealed record CreditDeskView(IReadOnlyList<CreditLimitRequestView> PendingRequests, IReadOnlyList<CreditReviewView> OpenReviews, IReadOnlyList<OverLimitView> OverLimit);

/// <summary>The credit manager's desk (/credit): limit changes waiting for approval, open reviews, customers over their limit.</summary>
public sealed class CreditDeskHandler(HuikuanDbContext db, Scope scope, CreditLimitRequestsHandler requests, CreditReviewsHandler reviews, CreditExposureHandler exposures)
{
    public async Task<CreditDeskView> GetAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var limited = await db.CustomerCredit.AsNoTracking().Where(x => x.CompanyId == company && x.LimitMinor != null)
            .Join(db.Customers, k => new { k.CompanyId, Id = k.CustomerId }, c => new { c.CompanyId, c.Id }, (k, c) => new { k.CustomerId, c.Code, c.Name })
            .ToListAsync(ct);
        var over = new List<OverLimitView>();
        var all = await exposures.ReadAllAsync(limited.Select(c => c.CustomerId).ToHashSet(), ct);
        foreach (var c in limited)
        {
            if (all.TryGetValue(c.CustomerId, out var e) && e.LimitMinor is { } limit && e.Exposure.TotalMinor > limit)
            {
                var cur = Currency.Of(e.Currency);
                over.Add(new OverLimitView(c.CustomerId, c.Code, c.Name, cur.Code, cur.ToMajor(limit), cur.ToMajor(e.Exposure.TotalMinor),
                    cur.ToMajor(e.Exposure.TotalMinor - limit)));
            }
        }
        return new CreditDeskView(await requests.ListAsync(null, CreditLimitRequestsHandler.Pending, null, ct),
            await reviews.ListAsync(true, null, ct), over.OrderByDescending(o => o.Over).ToList());
    }
}
