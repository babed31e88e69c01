using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>One grade's rules as the policy editor shows them; the share of the limit is 0..1.</summary>
public sealed record CreditGradePolicyView(
    string Grade, bool PrepaymentOnly, int MaxDaysOverdue, int WarnDaysOverdue, decimal WarnShareOfLimit, int ReviewMonths);

public sealed record SaveCreditPolicies(IReadOnlyList<CreditGradePolicyView> Grades);

/// <summary>Overrides of a credit hold above <see cref="From"/> (in the company's currency) need a second credit manager.</summary>
public sealed record OverrideApprovalView(decimal From, string Currency);

public sealed record SaveOverrideApproval(decimal From);

/// <summary>
/// The company's credit policy per grade (R3) and its re-rating schedule (R4). A grade without a stored row follows
/// <see cref="CreditPolicy.Default"/> and <see cref="ReviewSchedule.Default"/>; saving stores all five.
/// </summary>
public sealed class CreditPoliciesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    /// <summary>The amount above which an override needs a second person, until the company sets its own.</summary>
    public const decimal DefaultOverrideApprovalFrom = 100_000m;

    public async Task<OverrideApprovalView> GetOverrideApprovalAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var c = await db.Companies.AsNoTracking().Where(x => x.Id == company)
            .Select(x => new { x.BaseCurrency, x.OverrideApprovalFromMinor }).SingleAsync(ct);
        var currency = Currency.Of(c.BaseCurrency);
        return new OverrideApprovalView(c.OverrideApprovalFromMinor is { } from ? currency.ToMajor(from) : DefaultOverrideApprovalFrom, currency.Code);
    }

    public async Task<OverrideApprovalView> SaveOverrideApprovalAsync(SaveOverrideApproval request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        ArgumentNullException.ThrowIfNull(request);
        if (request.From < 0)
        {
            throw new DomainRuleException("creditPolicy.overrideFrom", "from", "The amount must be 0 or more (0: every override needs a second person).");
        }
        var company = scope.CompanyId;
        var row = await db.Companies.SingleAsync(x => x.Id == company, ct);
        row.OverrideApprovalFromMinor = Currency.Of(row.BaseCurrency).ToMinor(request.From, "from");
        await db.SaveChangesAsync(ct);
        return await GetOverrideApprovalAsync(ct);
    }

    public async Task<IReadOnlyList<CreditGradePolicyView>> GetAsync(CancellationToken ct)
    {
        var (policy, schedule) = await ReadAsync(ct);
        return Enum.GetValues<CreditGrade>().Select(g =>
        {
            var p = policy.For(g);
            return new CreditGradePolicyView(g.ToString(), p.PrepaymentOnly, p.MaxDaysOverdue, p.WarnDaysOverdue, p.WarnShareOfLimit, schedule.MonthsFor(g));
        }).ToList();
    }

    public async Task<CreditPolicy> PolicyAsync(CancellationToken ct) => (await ReadAsync(ct)).Policy;

    public async Task<ReviewSchedule> ScheduleAsync(CancellationToken ct) => (await ReadAsync(ct)).Schedule;

    public async Task<IReadOnlyList<CreditGradePolicyView>> SaveAsync(SaveCreditPolicies request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        ArgumentNullException.ThrowIfNull(request);
        var byGrade = new Dictionary<CreditGrade, CreditGradePolicyView>();
        foreach (var view in request.Grades ?? [])
        {
            if (!Enum.TryParse<CreditGrade>(view.Grade, out var grade) || !Enum.IsDefined(grade) || !byGrade.TryAdd(grade, view))
            {
                throw new DomainRuleException("creditPolicy.grades", "grades", "Give each grade A to E exactly once.");
            }
        }
        if (byGrade.Count != 5)
        {
            throw new DomainRuleException("creditPolicy.grades", "grades", "Give each grade A to E exactly once.");
        }
        foreach (var (grade, v) in byGrade)
        {
            new CreditGradePolicy(v.PrepaymentOnly, v.MaxDaysOverdue, v.WarnDaysOverdue, v.WarnShareOfLimit).Validate(grade);
            if (decimal.Round(v.WarnShareOfLimit, 3) != v.WarnShareOfLimit)
            {
                throw new DomainRuleException("creditPolicy.share", $"policy.{grade}.warnShareOfLimit",
                    "The warning threshold is a share of the limit to at most 0.1 %.");
            }
        }
        new ReviewSchedule(byGrade[CreditGrade.A].ReviewMonths, byGrade[CreditGrade.B].ReviewMonths, byGrade[CreditGrade.C].ReviewMonths,
            byGrade[CreditGrade.D].ReviewMonths, byGrade[CreditGrade.E].ReviewMonths).Validate();

        var company = scope.CompanyId;
        var rows = await db.CreditGradePolicies.Where(r => r.CompanyId == company).ToDictionaryAsync(r => r.Grade, StringComparer.Ordinal, ct);
        foreach (var (grade, v) in byGrade)
        {
            if (!rows.TryGetValue(grade.ToString(), out var row))
            {
                row = new CreditGradePolicyRow { CompanyId = company, Grade = grade.ToString(), UpdatedBy = scope.Actor };
                db.CreditGradePolicies.Add(row);
            }
            row.PrepaymentOnly = v.PrepaymentOnly;
            row.MaxDaysOverdue = v.MaxDaysOverdue;
            row.WarnDaysOverdue = v.WarnDaysOverdue;
            row.WarnPermilleOfLimit = (int)(v.WarnShareOfLimit * 1000m);
            row.ReviewMonths = v.ReviewMonths;
            row.UpdatedAt = clock.Now;
            row.UpdatedBy = scope.Actor;
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    private async Task<(CreditPolicy Policy, ReviewSchedule Schedule)> ReadAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await db.CreditGradePolicies.AsNoTracking().Where(r => r.CompanyId == company).ToListAsync(ct);
        var policy = CreditPolicy.Default;
        var schedule = ReviewSchedule.Default;
        foreach (var r in rows)
        {
            var p = new CreditGradePolicy(r.PrepaymentOnly, r.MaxDaysOverdue, r.WarnDaysOverdue, r.WarnPermilleOfLimit / 1000m);
            (policy, schedule) = Enum.Parse<CreditGrade>(r.Grade) switch
            {
                CreditGrade.A => (policy with { A = p }, schedule with { A = r.ReviewMonths }),
                CreditGrade.B => (policy with { B = p }, schedule with { B = r.ReviewMonths }),
                CreditGrade.C => (policy with { C = p }, schedule with { C = r.ReviewMonths }),
                CreditGrade.D => (policy with { D = p }, schedule with { D = r.ReviewMonths }),
                _ => (policy with { E = p }, schedule with { E = r.ReviewMonths }),
            };
        }
        return (policy, schedule);
    }
}
