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

    /// <summary>Every customer's unbilled amount by currency (only those with any), for company-wide reads such as the daily run.</summary>
    Task<Dictionary<(Guid CustomerId, string Currency), long>> UnbilledMinorByCustomerAsync(CancellationToken ct);
}

/// <summary>
/// A customer's credit position now: limit, grade, exposure and its parts, the room left, the oldest overdue item.
/// <see cref="Grade"/> is the one the check uses: the approved grade when <see cref="Approved"/> (set by a first
/// grading or a review), else the score's. <see cref="ScoreGrade"/> is the grade of the score now (null without one),
/// shown beside an approved grade that differs from it.
/// </summary>
public sealed record CreditStandingView(
    Guid CustomerId, string Currency, decimal? Limit, string Grade, bool Graded,
    decimal OpenReceivables, decimal UnbilledOrders, decimal UnbilledMilestones, decimal Exposure, decimal? Available,
    int OldestDaysOverdue, IReadOnlyList<string> OtherCurrencies, bool Approved = false, string? ScoreGrade = null);

/// <summary>
/// Reads what the credit check needs and runs it: the exposure from <see cref="CreditExposureHandler"/>, the grade
/// stored on the customer's credit row (else the grade of the score now), and the company's policy per grade.
/// </summary>
public sealed class CreditStandingHandler(CreditExposureHandler exposures, CreditScoreHandler scores, CreditPoliciesHandler policies, BusinessClock clock,
    HuikuanDbContext db, Scope scope)
{
    /// <summary>The grade a customer is checked as before anything has fallen due (no score yet) and nobody graded them.</summary>
    public const CreditGrade UngradedAs = CreditGrade.C;

    public async Task<CreditStandingView> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var s = await ReadAsync(customerId, ct);
        var c = Currency.Of(s.Currency);
        var scoreGrade = s.Approved ? (await scores.ForCustomerAsync(customerId, clock.Today, ct)).Grade : s.Graded ? s.Grade.ToString() : null;
        return new CreditStandingView(customerId, s.Currency, s.LimitMinor is { } l ? c.ToMajor(l) : null, s.Grade.ToString(), s.Graded,
            c.ToMajor(s.Exposure.OpenReceivablesMinor), c.ToMajor(s.Exposure.UnbilledOrdersMinor), c.ToMajor(s.Exposure.UnbilledMilestonesMinor),
            c.ToMajor(s.Exposure.TotalMinor), s.LimitMinor is { } limit ? c.ToMajor(limit - s.Exposure.TotalMinor) : null,
            s.OldestDaysOverdue, s.OtherCurrencies, s.Approved, scoreGrade);
    }

    /// <summary>
    /// The credit check for an order of <paramref name="amountMinor"/> in the customer's credit currency, against what
    /// is owed now. The order itself must not be counted in the unbilled orders yet (check it before confirming).
    /// </summary>
    public async Task<CreditCheckResult> CheckAsync(Guid customerId, long amountMinor, bool prepaid, CancellationToken ct)
    {
        var s = await ReadAsync(customerId, ct);
        // A dunning level with credit hold (R11) holds every order that is not prepaid until a payment lowers the level.
        var dunningHold = await db.CustomerDunningStates.AsNoTracking()
            .AnyAsync(d => d.CompanyId == scope.CompanyId && d.CustomerId == customerId && d.CreditHold, ct);
        return CreditCheck.Evaluate(amountMinor, prepaid, s.Exposure, s.LimitMinor, s.OldestDaysOverdue, s.Grade, await PolicyAsync(ct), dunningHold);
    }

    /// <summary>The company's policy per grade (<see cref="CreditPoliciesHandler"/>: the stored rows, the defaults for the others).</summary>
    public Task<CreditPolicy> PolicyAsync(CancellationToken ct) => policies.PolicyAsync(ct);

    public async Task<CreditStanding> ReadAsync(Guid customerId, CancellationToken ct)
    {
        var e = await exposures.ReadAsync(customerId, ct);
        var graded = e.Grade is not null;
        CreditGrade grade;
        if (e.Grade is { } stored)
        {
            grade = stored;
        }
        else
        {
            var today = clock.Today;
            var score = await scores.ForCustomerAsync(customerId, today, ct);
            grade = score.Grade is { } g ? Enum.Parse<CreditGrade>(g) : UngradedAs;
            graded = score.Grade is not null;
        }
        return new CreditStanding(e.Currency, e.LimitMinor, grade, graded, e.Exposure, e.OldestDaysOverdue, e.OtherCurrencies, e.Grade is not null);
    }
}

/// <summary>
/// What <see cref="CreditStandingHandler.ReadAsync"/> found, in minor units of <see cref="Currency"/>. <see cref="Approved"/>:
/// the grade is the one stored on the credit row, not the score's.
/// </summary>
public sealed record CreditStanding(
    string Currency, long? LimitMinor, CreditGrade Grade, bool Graded, CreditExposure Exposure, int OldestDaysOverdue, IReadOnlyList<string> OtherCurrencies,
    bool Approved = false);
