using Huikuan.Domain.Contracts;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>A reached stage without its invoice: a billing request for the accountants, and exposure for the credit check.</summary>
public sealed record UnbilledStageView(
    Guid StageId, Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, StageKind Kind, string StageName, string Currency,
    decimal Amount, DateOnly ReachedOn, string? ReachedBy, string? Evidence, int DaysWaiting);

public sealed class UnbilledStagesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int MaxListed = 1000;

    /// <summary>Oldest first: the longer a reached stage waits, the later the money comes.</summary>
    public async Task<IReadOnlyList<UnbilledStageView>> ListAsync(Guid? customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = clock.Today;
        var rows = await (
            from s in db.ContractStages.AsNoTracking()
            where s.CompanyId == company && s.ReachedOn != null && s.InvoiceId == null && (customerId == null || s.CustomerId == customerId)
            join c in db.Contracts on new { s.CompanyId, Id = s.ContractId } equals new { c.CompanyId, c.Id }
            join cu in db.Customers on new { s.CompanyId, Id = s.CustomerId } equals new { cu.CompanyId, cu.Id }
            orderby s.ReachedOn, c.Number, s.Sequence
            select new { s.Id, s.ContractId, c.Number, s.CustomerId, cu.Name, s.Kind, StageName = s.Name, c.Currency, s.AmountMinor, s.ReachedOn, s.ReachedBy, s.Evidence })
            .Take(MaxListed).ToListAsync(ct);
        return rows.Select(r => new UnbilledStageView(r.Id, r.ContractId, r.Number, r.CustomerId, r.Name, r.Kind, r.StageName, r.Currency,
            Currency.Of(r.Currency).ToMajor(r.AmountMinor), r.ReachedOn!.Value, r.ReachedBy, r.Evidence, today.DayNumber - r.ReachedOn!.Value.DayNumber)).ToList();
    }
}

/// <summary>Reached but unbilled stages count in the customer's exposure (R3), in the contract's currency.</summary>
public sealed class MilestoneExposure(HuikuanDbContext db, Scope scope) : IUnbilledExposure
{
    public UnbilledSource Source => UnbilledSource.Milestones;

    public async Task<long> UnbilledMinorAsync(Guid customerId, string currency, CancellationToken ct)
    {
        var company = scope.CompanyId;
        return await (
            from s in db.ContractStages.AsNoTracking()
            where s.CompanyId == company && s.CustomerId == customerId && s.ReachedOn != null && s.InvoiceId == null
            join c in db.Contracts on new { s.CompanyId, Id = s.ContractId } equals new { c.CompanyId, c.Id }
            where c.Currency == currency
            select s.AmountMinor).SumAsync(ct);
    }

    public async Task<Dictionary<(Guid CustomerId, string Currency), long>> UnbilledMinorByCustomerAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await (
            from s in db.ContractStages.AsNoTracking()
            where s.CompanyId == company && s.ReachedOn != null && s.InvoiceId == null
            join c in db.Contracts on new { s.CompanyId, Id = s.ContractId } equals new { c.CompanyId, c.Id }
            group s.AmountMinor by new { s.CustomerId, c.Currency } into g
            select new { g.Key.CustomerId, g.Key.Currency, Sum = g.Sum() }).ToListAsync(ct);
        return rows.ToDictionary(x => (x.CustomerId, x.Currency), x => x.Sum);
    }
}
