using Huikuan.Domain;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>Which part of the exposure a source adds (R3: open receivables + unbilled open orders + reached but unbilled milestones).</summary>
public enum UnbilledSource
{
    Orders,
    Milestones,
}

/// <summary>
/// Work a customer owes for that is not invoiced yet. Each feature that has such work implements this (it is
/// registered by type, like handlers), and the credit standing adds them up.
/// </summary>
public interface IUnbilledExposure
{
    UnbilledSource Source { get; }

    /// <summary>The customer's unbilled amount in <paramref name="currency"/>, in minor units; other currencies are not counted.</summary>
    Task<long> UnbilledMinorAsync(Guid customerId, string currency, CancellationToken ct);
}

/// <summary>A customer's credit position now: limit, grade, exposure and its parts, the room left, the oldest overdue item.</summary>
public sealed record CreditStandingView(
    Guid CustomerId, string Currency, decimal? Limit, string Grade, bool Graded,
    decimal OpenReceivables, decimal UnbilledOrders, decimal UnbilledMilestones, decimal Exposure, decimal? Available,
    int OldestDaysOverdue, IReadOnlyList<string> OtherCurrencies);

/// <summary>
/// Reads what the credit check needs and runs it. Exposure is counted in the limit's currency: open installments
/// less unapplied cash and credit notes, plus every <see cref="IUnbilledExposure"/>. Open items in other currencies
/// are not converted (there are no rates); they are named in <see cref="CreditStandingView.OtherCurrencies"/>.
/// </summary>
public sealed class CreditStandingHandler(
    HuikuanDbContext db, Scope scope, TimeProvider clock, CreditScoreHandler scores, IEnumerable<IUnbilledExposure> unbilled)
{
    /// <summary>The grade a customer is checked as before anything has fallen due (no score yet) and nobody graded them.</summary>
    public const CreditGrade UngradedAs = CreditGrade.C;

    public async Task<CreditStandingView> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var s = await ReadAsync(customerId, ct);
        var c = Currency.Of(s.Currency);
        return new CreditStandingView(customerId, s.Currency, s.LimitMinor is { } l ? c.ToMajor(l) : null, s.Grade.ToString(), s.Graded,
            c.ToMajor(s.Exposure.OpenReceivablesMinor), c.ToMajor(s.Exposure.UnbilledOrdersMinor), c.ToMajor(s.Exposure.UnbilledMilestonesMinor),
            c.ToMajor(s.Exposure.TotalMinor), s.LimitMinor is { } limit ? c.ToMajor(limit - s.Exposure.TotalMinor) : null,
            s.OldestDaysOverdue, s.OtherCurrencies);
    }

    /// <summary>
    /// The credit check for an order of <paramref name="amountMinor"/> in the customer's credit currency, against what
    /// is owed now. The order itself must not be counted in the unbilled orders yet (check it before confirming).
    /// </summary>
    public async Task<CreditCheckResult> CheckAsync(Guid customerId, long amountMinor, bool prepaid, CancellationToken ct)
    {
        var s = await ReadAsync(customerId, ct);
        return CreditCheck.Evaluate(amountMinor, prepaid, s.Exposure, s.LimitMinor, s.OldestDaysOverdue, s.Grade, await PolicyAsync(ct));
    }

    /// <summary>The company's policy per grade. Until policies are stored per company, the defaults.</summary>
    public Task<CreditPolicy> PolicyAsync(CancellationToken ct) => Task.FromResult(CreditPolicy.Default);

    public async Task<CreditStanding> ReadAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId)
            .Select(c => new { c.Currency }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        var credit = await db.CustomerCredit.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId, ct);
        var currency = credit?.Currency ?? customer.Currency;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var open = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.CustomerId == customerId && i.OpenMinor != 0)
            .GroupBy(i => i.Currency)
            .Select(g => new { Currency = g.Key, Open = g.Sum(i => i.OpenMinor), OldestDue = g.Min(i => i.OpenMinor > 0 ? (DateOnly?)i.DueDate : null) })
            .ToListAsync(ct);
        var cash = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && r.CustomerId == customerId && r.UnappliedMinor != 0 && r.Currency == currency)
            .SumAsync(r => r.UnappliedMinor, ct);
        var credits = await db.Invoices.AsNoTracking()
            .Where(n => n.CompanyId == company && n.CustomerId == customerId && n.UnappliedMinor != 0 && n.Currency == currency)
            .SumAsync(n => n.UnappliedMinor, ct);
        var oldestDue = open.Select(o => o.OldestDue).Where(d => d is not null).Min();
        var oldestDaysOverdue = oldestDue is { } d && d < today ? today.DayNumber - d.DayNumber : 0;

        long orders = 0, milestones = 0;
        foreach (var source in unbilled)
        {
            var amount = await source.UnbilledMinorAsync(customerId, currency, ct);
            if (source.Source == UnbilledSource.Orders) { orders += amount; } else { milestones += amount; }
        }
        var openHere = open.Where(o => o.Currency == currency).Sum(o => o.Open);
        var exposure = new CreditExposure(openHere - cash - credits, orders, milestones);

        var graded = credit?.Grade is not null;
        CreditGrade grade;
        if (credit?.Grade is { } stored)
        {
            grade = Enum.Parse<CreditGrade>(stored);
        }
        else
        {
            var score = await scores.ForCustomerAsync(customerId, today, ct);
            grade = score.Grade is { } g ? Enum.Parse<CreditGrade>(g) : UngradedAs;
            graded = score.Grade is not null;
        }
        return new CreditStanding(currency, credit?.LimitMinor, grade, graded, exposure, oldestDaysOverdue,
            open.Select(o => o.Currency).Where(c => c != currency).Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>What <see cref="CreditStandingHandler.ReadAsync"/> found, in minor units of <see cref="Currency"/>.</summary>
public sealed record CreditStanding(
    string Currency, long? LimitMinor, CreditGrade Grade, bool Graded, CreditExposure Exposure, int OldestDaysOverdue, IReadOnlyList<string> OtherCurrencies);
