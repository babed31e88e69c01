using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Charges;

/// <summary>A charge and what is left of it after approved waivers; <see cref="Pending"/> is asked for, not yet decided.</summary>
public sealed record ChargeView(
    Guid Id, string Kind, string Currency, decimal Amount, decimal Waived, decimal Pending, decimal Open, DateOnly ChargedOn, string? LevelCode,
    Guid CommunicationId, Guid? InvoiceId, string? InvoiceNumber, DateOnly? From, DateOnly? Through, decimal? DailyRatePercent, string CreatedBy,
    decimal? YearlyRatePercent = null);

public sealed record WaiverView(
    Guid Id, Guid ChargeId, Guid CustomerId, string CustomerName, string ChargeKind, string? InvoiceNumber, string Currency, decimal Amount,
    string Reason, string Status, DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionNote);

/// <summary>Per currency: interest and fees charged, waived, and still owed.</summary>
public sealed record ChargeBalance(string Currency, decimal Interest, decimal Fees, decimal Waived, decimal Open);

public sealed record CustomerChargesView(IReadOnlyList<ChargeBalance> Balances, IReadOnlyList<ChargeView> Charges, IReadOnlyList<WaiverView> Waivers);

/// <summary>
/// A customer's interest and fees (R7), their own balance beside the principal: every charge the dunning letters
/// raised, the waivers asked for and decided, and what is still owed per currency.
/// </summary>
public sealed class CustomerChargesHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<CustomerChargesView> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var charges = await db.DunningCharges.AsNoTracking().Where(c => c.CompanyId == company && c.CustomerId == customerId)
            .OrderByDescending(c => c.ChargedOn).ThenBy(c => c.Kind).ThenBy(c => c.InvoiceNumber).Take(1_000).ToListAsync(ct);
        var waivers = await db.ChargeWaivers.AsNoTracking().Where(w => w.CompanyId == company && w.CustomerId == customerId)
            .OrderByDescending(w => w.RequestedAt).ThenByDescending(w => w.Id).Take(500).ToListAsync(ct);
        var byCharge = waivers.ToLookup(w => w.ChargeId);
        var views = charges.Select(c =>
        {
            var money = Currency.Of(c.Currency);
            var waived = byCharge[c.Id].Where(w => w.Status == WaiverStatus.Approved).Sum(w => w.AmountMinor);
            var pending = byCharge[c.Id].Where(w => w.Status == WaiverStatus.Requested).Sum(w => w.AmountMinor);
            return new ChargeView(c.Id, c.Kind.ToString(), c.Currency, money.ToMajor(c.AmountMinor), money.ToMajor(waived), money.ToMajor(pending),
                money.ToMajor(c.AmountMinor - waived), c.ChargedOn, c.LevelCode, c.CommunicationId, c.InvoiceId, c.InvoiceNumber, c.From, c.Through,
                Rate(c.DailyRatePercent), c.CreatedBy, Rate(c.YearlyRatePercent));
        }).ToList();
        // The balances are summed on the server over every charge, not only the 1,000 listed.
        var sums = await db.DunningCharges.AsNoTracking().Where(c => c.CompanyId == company && c.CustomerId == customerId)
            .GroupBy(c => new { c.Currency, c.Kind }).Select(g => new { g.Key.Currency, g.Key.Kind, Minor = g.Sum(c => c.AmountMinor) }).ToListAsync(ct);
        var waivedSums = await (
            from w in db.ChargeWaivers.AsNoTracking()
            where w.CompanyId == company && w.CustomerId == customerId && w.Status == WaiverStatus.Approved
            group w by w.Currency into g
            select new { Currency = g.Key, Minor = g.Sum(w => w.AmountMinor) }).ToDictionaryAsync(x => x.Currency, x => x.Minor, ct);
        var balances = sums.GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var money = Currency.Of(g.Key);
            var interest = g.Where(s => s.Kind == ChargeKind.Interest).Sum(s => s.Minor);
            var fees = g.Where(s => s.Kind == ChargeKind.Fee).Sum(s => s.Minor);
            var waived = waivedSums.GetValueOrDefault(g.Key);
            return new ChargeBalance(g.Key, money.ToMajor(interest), money.ToMajor(fees), money.ToMajor(waived), money.ToMajor(interest + fees - waived));
        }).ToList();
        var name = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId).Select(c => c.Name).SingleAsync(ct);
        var chargeById = charges.ToDictionary(c => c.Id);
        return new CustomerChargesView(balances, views, [.. waivers.Select(w => ChargeWaiversHandler.View(w, name, chargeById.GetValueOrDefault(w.ChargeId)))]);
    }

    private static decimal? Rate(decimal? percent) => percent is { } p ? Huikuan.Domain.Terms.LateInterest.Normal(p) : null;

    /// <summary>
    /// What each customer still owes of the interest and fees dunning letters charged (less approved waivers), per
    /// currency: the "earlier charges" a new letter states and adds to the amount due.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Dunning.CurrencyAmount>>> OpenByCustomerAsync(
        HuikuanDbContext db, Guid company, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var open = new Dictionary<(Guid, string), long>();
        foreach (var chunk in customerIds.Chunk(2_000))
        {
            var charged = await db.DunningCharges.AsNoTracking().Where(c => c.CompanyId == company && chunk.Contains(c.CustomerId))
                .GroupBy(c => new { c.CustomerId, c.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Minor = g.Sum(c => c.AmountMinor) })
                .ToListAsync(ct);
            var waived = await db.ChargeWaivers.AsNoTracking()
                .Where(w => w.CompanyId == company && chunk.Contains(w.CustomerId) && w.Status == WaiverStatus.Approved)
                .GroupBy(w => new { w.CustomerId, w.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Minor = g.Sum(w => w.AmountMinor) })
                .ToListAsync(ct);
            foreach (var c in charged)
            {
                open[(c.CustomerId, c.Currency)] = open.GetValueOrDefault((c.CustomerId, c.Currency)) + c.Minor;
            }
            foreach (var w in waived)
            {
                open[(w.CustomerId, w.Currency)] = open.GetValueOrDefault((w.CustomerId, w.Currency)) - w.Minor;
            }
        }
        return open.Where(p => p.Value > 0).GroupBy(p => p.Key.Item1).ToDictionary(g => g.Key,
            g => (IReadOnlyList<Dunning.CurrencyAmount>)[.. g.Select(p => new Dunning.CurrencyAmount(p.Key.Item2, p.Value)).OrderBy(a => a.Currency, StringComparer.Ordinal)]);
    }
}
