using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Causes = Huikuan.Domain.Collections.DelayCauses;
using Plans = Huikuan.Domain.Collections.PaymentPlans;

namespace Huikuan.Web.Features.PaymentPlans;

public sealed record PaymentPlanLineInput(DateOnly DueOn, decimal Amount);

/// <summary>A proposal: the amount the plan covers and its installments, which must add up to it.</summary>
public sealed record ProposePaymentPlan(decimal Amount, IReadOnlyList<PaymentPlanLineInput> Lines, string? Currency = null, string? Note = null);

public sealed record CancelPaymentPlan(string? Note = null);

public sealed record PaymentPlanLineView(int LineNo, DateOnly DueOn, decimal Amount, decimal Paid);

/// <summary>A plan with its status as of today (read from the receipts since approval) and each line's paid part.</summary>
public sealed record PaymentPlanView(
    Guid Id, Guid CustomerId, string Currency, decimal Amount, decimal Paid, string Status, int? BrokenLine, string? Note,
    DateOnly ProposedOn, string ProposedBy, DateOnly? ApprovedOn, string? ApprovedBy, DateOnly? ResolvedOn, string? CancelledBy,
    IReadOnlyList<PaymentPlanLineView> Lines);

/// <summary>A customer's plans, newest first, with what is overdue in the customer's currency (what a new plan may cover).</summary>
public sealed record CustomerPaymentPlansView(string Currency, decimal Overdue, IReadOnlyList<PaymentPlanView> Plans);

/// <summary>
/// Payment plans (分期还款计划, R18). Whoever works the customer proposes one (<see cref="Permission.RecordCollections"/>);
/// a credit manager or admin who did not propose it approves it (<see cref="Permission.ManageCredit"/>), and from then on
/// it runs: the covered overdue items (oldest first) are left alone by dunning and the customer is set aside on the
/// worklist. <see cref="ResolveAsync"/> reads every running plan against the receipts at the moments promises are read
/// (after receipts, bank postings, imports and reversals, and in the daily run): completed, or broken by a missed line.
/// </summary>
public sealed class PaymentPlansHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    /// <summary>The longest grace (10 business days) spans at most 16 calendar days after a due date.</summary>
    private const int LongestGraceSpan = 16;

    public async Task<CustomerPaymentPlansView> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var customer = await CustomerAsync(customerId, ct);
        var rows = await db.PaymentPlans.AsNoTracking().Where(p => p.CompanyId == scope.CompanyId && p.CustomerId == customerId)
            .OrderByDescending(p => p.Id).Take(100).ToListAsync(ct);
        var views = await ViewsAsync(rows, ct);
        var currency = Currency.Of(customer.Currency);
        return new CustomerPaymentPlansView(currency.Code, currency.ToMajor(await OverdueMinorAsync(customerId, currency.Code, ct)), views);
    }

    public async Task<PaymentPlanView> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.PaymentPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CompanyId == scope.CompanyId && p.Id == id, ct)
            ?? throw new NotFoundException("PaymentPlan", id);
        return (await ViewsAsync([row], ct))[0];
    }

    public async Task<PaymentPlanView> ProposeAsync(Guid customerId, ProposePaymentPlan request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var company = scope.CompanyId;
        var customer = await CustomerAsync(customerId, ct);
        var currency = Currency.Of(request.Currency ?? customer.Currency);
        if (currency.Code != customer.Currency)
        {
            throw new DomainRuleException("paymentPlan.currency", "currency", $"A payment plan is in the customer's currency ({customer.Currency}).",
                customer.Currency);
        }
        var covered = currency.ToMinor(request.Amount, "amount");
        var lines = request.Lines.Select((l, i) => new PaymentPlanLine(l.DueOn, currency.ToMinor(l.Amount, $"lines[{i}].amount"))).ToList();
        var today = clock.Today;
        Plans.Validate(lines, covered, await OverdueMinorAsync(customerId, currency.Code, ct), today);
        await RequireNoLivePlanAsync(customerId, currency.Code, ct);
        var plan = new PaymentPlan
        {
            CompanyId = company, Id = Ids.New(), CustomerId = customerId, Currency = currency.Code, AmountMinor = covered,
            LastDueOn = lines[^1].DueOn, Status = PaymentPlanStatus.Proposed, Note = CreditFileAccess.Text(request.Note, "note", 1000),
            ProposedOn = today, ProposedAt = clock.Now, ProposedBy = scope.Actor, ProposedByUserId = scope.UserId,
        };
        db.PaymentPlans.Add(plan);
        db.PaymentPlanLines.AddRange(lines.Select((l, i) => new PaymentPlanLineRow
        {
            CompanyId = company, PlanId = plan.Id, LineNo = i + 1, DueOn = l.DueOn, AmountMinor = l.AmountMinor,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Db.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw LiveConflict(currency.Code);
        }
        return await GetAsync(plan.Id, ct);
    }

    /// <summary>
    /// Approves a proposed plan: someone other than its proposer, with the lines still ahead and what is overdue still at
    /// least its amount. The covered items are fixed now, oldest due first.
    /// </summary>
    public async Task<PaymentPlanView> ApproveAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var company = scope.CompanyId;
        var plan = await PlanAsync(id, ct);
        if (plan.Status != PaymentPlanStatus.Proposed)
        {
            throw new ConflictException("paymentPlan.notProposed", "Only a proposed payment plan can be approved.");
        }
        var own = plan.ProposedByUserId is { } proposer && scope.UserId is { } me
            ? proposer == me
            : string.Equals(plan.ProposedBy, scope.Actor, StringComparison.OrdinalIgnoreCase);
        if (own)
        {
            throw new ConflictException("paymentPlan.ownProposal", "A payment plan is approved by someone other than the person who proposed it.");
        }
        var today = clock.Today;
        var lines = await LinesAsync([plan.Id], ct);
        var overdue = await OverdueItemsAsync(plan.CustomerId, plan.Currency, ct);
        Plans.Validate([.. lines[plan.Id].Select(l => new PaymentPlanLine(l.DueOn, l.AmountMinor))], plan.AmountMinor,
            overdue.Sum(i => i.OpenMinor), today);
        db.PaymentPlanItems.AddRange(Plans.Cover(overdue, plan.AmountMinor).Select(c => new PaymentPlanItem
        {
            CompanyId = company, PlanId = plan.Id, InstallmentId = c.InstallmentId, CustomerId = plan.CustomerId, CoveredMinor = c.CoveredMinor,
        }));
        plan.Status = PaymentPlanStatus.Running;
        plan.ApprovedOn = today;
        plan.ApprovedAt = clock.Now;
        plan.ApprovedBy = scope.Actor;
        plan.Version++;
        await SaveRacingAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Withdraws a plan: a proposed one by whoever works the customer, a running one by a credit manager.</summary>
    public async Task<PaymentPlanView> CancelAsync(Guid id, CancelPaymentPlan request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var plan = await PlanAsync(id, ct);
        if (plan.Status is not (PaymentPlanStatus.Proposed or PaymentPlanStatus.Running))
        {
            throw new ConflictException("paymentPlan.closed", "This payment plan is no longer proposed or running.");
        }
        if (plan.Status == PaymentPlanStatus.Running)
        {
            scope.Require(Permission.ManageCredit);
        }
        plan.Status = PaymentPlanStatus.Cancelled;
        plan.ResolvedOn = clock.Today;
        plan.CancelledBy = scope.Actor;
        plan.CancelNote = CreditFileAccess.Text(request.Note, "note", 1000);
        plan.Version++;
        await SaveRacingAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Reads the running plans (and completed ones whose last window still runs) of the given customers (null: the whole
    /// company) against the receipts and stores what changed; returns the plans broken now. The caller saves.
    /// </summary>
    public async Task<IReadOnlyList<PaymentPlan>> ResolveAsync(IReadOnlyCollection<Guid>? customerIds, CancellationToken ct)
    {
        var today = clock.Today;
        var broken = new List<PaymentPlan>();
        foreach (var (plan, lines, outcome) in await EvaluateAsync(customerIds, tracking: true, ct))
        {
            if (plan.Status != outcome.Status)
            {
                plan.Status = outcome.Status;
                plan.ResolvedOn = outcome.Status == PaymentPlanStatus.Running ? null : today;
                plan.BrokenLine = outcome.BrokenLine;
                plan.Version++;
                if (outcome.Status == PaymentPlanStatus.Broken)
                {
                    broken.Add(plan);
                }
            }
            plan.PaidMinor = outcome.PaidMinor;
            foreach (var (line, paid) in lines.Zip(outcome.LinesPaidMinor))
            {
                line.PaidMinor = paid;
            }
        }
        return broken;
    }

    /// <summary>The status as the API and the texts name it: proposed, running, completed, broken, cancelled.</summary>
    public static string StatusName(PaymentPlanStatus status) => Causes.Code(status);

    private async Task<(string Currency, string Name)> CustomerAsync(Guid customerId, CancellationToken ct)
    {
        var found = await db.Customers.AsNoTracking().Where(c => c.CompanyId == scope.CompanyId && c.Id == customerId)
            .Select(c => new { c.Currency, c.Name }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        return (found.Currency, found.Name);
    }

    private async Task<PaymentPlan> PlanAsync(Guid id, CancellationToken ct) =>
        await db.PaymentPlans.SingleOrDefaultAsync(p => p.CompanyId == scope.CompanyId && p.Id == id, ct)
        ?? throw new NotFoundException("PaymentPlan", id);

    private async Task RequireNoLivePlanAsync(Guid customerId, string currency, CancellationToken ct)
    {
        if (await db.PaymentPlans.AnyAsync(p => p.CompanyId == scope.CompanyId && p.CustomerId == customerId && p.Currency == currency
                && (p.Status == PaymentPlanStatus.Proposed || p.Status == PaymentPlanStatus.Running), ct))
        {
            throw LiveConflict(currency);
        }
    }

    private static ConflictException LiveConflict(string currency) =>
        new("paymentPlan.live", $"This customer already has a payment plan proposed or running in {currency}.", currency);

    private async Task SaveRacingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException && Db.IsUniqueViolation(e)))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("paymentPlan.changed", "Someone changed this payment plan at the same moment; look at it again.");
        }
    }

    private async Task<long> OverdueMinorAsync(Guid customerId, string currency, CancellationToken ct) =>
        (await OverdueItemsAsync(customerId, currency, ct)).Sum(i => i.OpenMinor);

    private async Task<List<(Guid InstallmentId, DateOnly DueDate, long OpenMinor)>> OverdueItemsAsync(Guid customerId, string currency, CancellationToken ct)
    {
        var today = clock.Today;
        return [.. (await db.Installments.AsNoTracking()
                .Where(i => i.CompanyId == scope.CompanyId && i.CustomerId == customerId && i.Currency == currency && i.OpenMinor > 0 && i.DueDate < today)
                .Select(i => new { i.Id, i.DueDate, i.OpenMinor }).ToListAsync(ct))
            .Select(i => (i.Id, i.DueDate, i.OpenMinor))];
    }

    private async Task<ILookup<Guid, PaymentPlanLineRow>> LinesAsync(IReadOnlyCollection<Guid> planIds, CancellationToken ct, bool tracking = false)
    {
        var q = db.PaymentPlanLines.Where(l => l.CompanyId == scope.CompanyId && planIds.Contains(l.PlanId));
        return (await (tracking ? q : q.AsNoTracking()).ToListAsync(ct)).OrderBy(l => l.LineNo).ToLookup(l => l.PlanId);
    }

    /// <summary>
    /// The plans still to be followed (running, or completed while their last window runs) with their status as of today.
    /// One read of the plans, one of their lines, one of the receipts since the earliest approval, one of the receipts
    /// the reversals among them take back.
    /// </summary>
    private async Task<IReadOnlyList<(PaymentPlan Plan, IReadOnlyList<PaymentPlanLineRow> Lines, PaymentPlanOutcome Outcome)>> EvaluateAsync(
        IReadOnlyCollection<Guid>? customerIds, bool tracking, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var today = clock.Today;
        var completedFrom = today.AddDays(-LongestGraceSpan);
        var q = db.PaymentPlans.Where(p => p.CompanyId == company
            && (p.Status == PaymentPlanStatus.Running || (p.Status == PaymentPlanStatus.Completed && p.LastDueOn >= completedFrom)));
        if (customerIds is not null)
        {
            q = q.Where(p => customerIds.Contains(p.CustomerId));
        }
        var plans = await (tracking ? q : q.AsNoTracking()).ToListAsync(ct);
        if (plans.Count == 0)
        {
            return [];
        }
        var grace = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.PromiseGraceDays).SingleAsync(ct)
            ?? PromiseToPay.DefaultGraceDays;
        var lines = await LinesAsync([.. plans.Select(p => p.Id)], ct, tracking);
        var from = plans.Min(p => p.ApprovedOn ?? today);
        var customers = plans.Select(p => p.CustomerId).Distinct().ToList();
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => r.CompanyId == company && customers.Contains(r.CustomerId) && r.ReceivedOn >= from && r.ReceivedOn <= today)
            .Select(r => new { r.Id, r.CustomerId, r.Currency, r.ReceivedOn, r.AmountMinor, r.ReversalOfId }).ToListAsync(ct);
        var reversed = receipts.Where(r => r.ReversalOfId != null).Select(r => r.ReversalOfId!.Value).ToList();
        var originals = reversed.Count == 0 ? []
            : await db.Receipts.AsNoTracking().Where(r => r.CompanyId == company && reversed.Contains(r.Id))
                .Select(r => new { r.Id, r.CustomerId, r.Currency, r.ReceivedOn, r.AmountMinor, r.ReversalOfId }).ToListAsync(ct);
        var byCustomer = receipts.Concat(originals.Where(o => receipts.All(r => r.Id != o.Id)))
            .ToLookup(r => (r.CustomerId, r.Currency), r => new ReceivedPayment(r.ReceivedOn, r.AmountMinor, r.Id, r.ReversalOfId));
        var result = new List<(PaymentPlan, IReadOnlyList<PaymentPlanLineRow>, PaymentPlanOutcome)>(plans.Count);
        foreach (var plan in plans)
        {
            var own = lines[plan.Id].ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var outcome = Plans.Evaluate([.. own.Select(l => new PaymentPlanLine(l.DueOn, l.AmountMinor))], plan.Status,
                plan.ApprovedOn ?? today, byCustomer[(plan.CustomerId, plan.Currency)], today, grace);
            result.Add((plan, own, outcome));
        }
        return result;
    }

    private async Task<IReadOnlyList<PaymentPlanView>> ViewsAsync(List<PaymentPlan> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var lines = await LinesAsync([.. rows.Select(p => p.Id)], ct);
        var followed = rows.Any(p => p.Status is PaymentPlanStatus.Running or PaymentPlanStatus.Completed)
            ? (await EvaluateAsync([.. rows.Select(p => p.CustomerId).Distinct()], tracking: false, ct)).ToDictionary(x => x.Plan.Id, x => x.Outcome)
            : [];
        return [.. rows.Select(p =>
        {
            var c = Currency.Of(p.Currency);
            var own = lines[p.Id].ToList();
            var now = followed.GetValueOrDefault(p.Id);
            var paid = now?.PaidMinor ?? p.PaidMinor;
            return new PaymentPlanView(p.Id, p.CustomerId, p.Currency, c.ToMajor(p.AmountMinor), c.ToMajor(paid), StatusName(now?.Status ?? p.Status),
                now is null ? p.BrokenLine : now.BrokenLine ?? p.BrokenLine, p.Note, p.ProposedOn, p.ProposedBy, p.ApprovedOn, p.ApprovedBy,
                now is null || now.Status == p.Status ? p.ResolvedOn : clock.Today, p.CancelledBy,
                [.. own.Select((l, i) => new PaymentPlanLineView(l.LineNo, l.DueOn, c.ToMajor(l.AmountMinor),
                    c.ToMajor(now is null ? l.PaidMinor : now.LinesPaidMinor[i])))]);
        })];
    }
}
