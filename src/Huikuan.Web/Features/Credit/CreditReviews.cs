using System.Globalization;
using Huikuan.Domain.Aging;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

public sealed record CreditReviewView(
    Guid Id, Guid CustomerId, string CustomerCode, string CustomerName, string Trigger, string Status, string? Assignee, DateOnly DueOn,
    string? Detail, string? Grade, DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt, string? CompletedBy, string? OutcomeGrade, bool GradeChanged,
    Guid? LimitRequestId, string? Note);

/// <summary>How a review ends: the grade confirmed or changed, a note, and optionally a limit change to request.</summary>
public sealed record CompleteCreditReview(string Grade, string? Note, RequestCreditLimit? LimitChange = null);

public sealed record ReviewScanResult(int Opened, int AlreadyOpen);

/// <summary>
/// Review tasks (R4). The scan opens a task per customer and trigger that is due: the grade's scheduled date, an invoice
/// more than 60 days overdue, exposure above the limit. It is idempotent: an open task for the same customer and trigger
/// is left alone (and a unique index holds that under races), and an event trigger is not reopened within
/// <see cref="EventQuietDays"/> days of a completed review of the same kind, so a debt that stays overdue is reviewed
/// monthly rather than daily. A promise to pay broken or only partly kept (decided by the scan, or after a receipt in
/// the last 30 days) opens a review of its own kind.
/// Completing a review sets the grade and the next scheduled review, and may request a limit change (approved by another person).
/// </summary>
public sealed class CreditReviewsHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, CreditExposureHandler exposures, CreditPoliciesHandler policies,
    CreditLimitRequestsHandler limits, Promises.PromisesHandler promises)
{
    public const int EventQuietDays = 30;

    public async Task<ReviewScanResult> ScanAsync(CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var company = scope.CompanyId;
        var today = clock.Today;
        var overdueBefore = today.AddDays(-ReviewSchedule.OverdueDaysForReview);

        // Candidates only: customers with a credit row (graded or limited), and those with an item over 60 days overdue.
        var credits = await db.CustomerCredit.AsNoTracking().Where(x => x.CompanyId == company && (x.Grade != null || x.LimitMinor != null))
            .Select(x => new { x.CustomerId, x.Grade, x.NextReviewOn, x.LimitMinor }).ToListAsync(ct);
        var overdue = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.OpenMinor > 0 && i.DueDate < overdueBefore)
            .GroupBy(i => i.CustomerId).Select(g => new { CustomerId = g.Key, Oldest = g.Min(i => i.DueDate) }).ToListAsync(ct);
        var open = (await db.CreditReviews.AsNoTracking().Where(r => r.CompanyId == company && r.Status != nameof(ReviewStatus.Done))
            .Select(r => new { r.CustomerId, r.Trigger }).ToListAsync(ct)).Select(r => (r.CustomerId, r.Trigger)).ToHashSet();
        var quietFrom = clock.Now.AddDays(-EventQuietDays);
        var quiet = (await db.CreditReviews.AsNoTracking().Where(r => r.CompanyId == company && r.Status == nameof(ReviewStatus.Done) && r.CompletedAt > quietFrom)
            .Select(r => new { r.CustomerId, r.Trigger }).ToListAsync(ct)).Select(r => (r.CustomerId, r.Trigger)).ToHashSet();

        var due = new List<(Guid Customer, ReviewTrigger Trigger, DateOnly DueOn, string Detail)>();
        var limited = await exposures.ReadAllAsync(credits.Where(c => c.LimitMinor is not null).Select(c => c.CustomerId).ToHashSet(), ct);
        foreach (var c in credits)
        {
            if (c.Grade is not null && (c.NextReviewOn is null || c.NextReviewOn <= today))
            {
                due.Add((c.CustomerId, ReviewTrigger.Scheduled, c.NextReviewOn ?? today, c.Grade));
            }
            if (c.LimitMinor is { } limit)
            {
                if (limited.TryGetValue(c.CustomerId, out var e) && e.LimitMinor is { } l
                    && ReviewSchedule.DueTriggers(false, null, today, 0, e.Exposure.TotalMinor, l).Count > 0)
                {
                    var cur = Currency.Of(e.Currency);
                    due.Add((c.CustomerId, ReviewTrigger.LimitExceeded, today,
                        string.Create(CultureInfo.InvariantCulture, $"{cur.ToMajor(e.Exposure.TotalMinor):0.00##} > {cur.ToMajor(limit):0.00##} {cur.Code}")));
                }
            }
        }
        foreach (var o in overdue)
        {
            due.Add((o.CustomerId, ReviewTrigger.Overdue, today, AgingBuckets.DaysOverdue(o.Oldest, today).ToString(CultureInfo.InvariantCulture)));
        }
        // Promises whose day and grace passed without all the money, broken or partly kept: found now, or in the last 30
        // days (a review since keeps it quiet).
        var brokenNow = await promises.ResolveAsync(ct);
        var brokenFrom = today.AddDays(-EventQuietDays);
        var brokenBefore = await db.PaymentPromises.AsNoTracking()
            .Where(p => p.CompanyId == company && (p.Status == PromiseStatus.Broken || p.Status == PromiseStatus.PartlyKept)
                && p.ResolvedOn >= brokenFrom).ToListAsync(ct);
        foreach (var p in brokenNow.Concat(brokenBefore).DistinctBy(p => p.Id))
        {
            var cur = Currency.Of(p.Currency);
            due.Add((p.CustomerId, ReviewTrigger.BrokenPromise, today, string.Create(CultureInfo.InvariantCulture,
                $"{cur.ToMajor(p.AmountMinor):0.00##} {cur.Code} {p.PromisedOn:yyyy-MM-dd}")));
        }

        int opened = 0, already = 0;
        foreach (var (customer, trigger, dueOn, detail) in due)
        {
            var key = (customer, trigger.ToString());
            if (open.Contains(key) || (trigger != ReviewTrigger.Scheduled && quiet.Contains(key)))
            {
                already++;
                continue;
            }
            open.Add(key);
            db.CreditReviews.Add(new CreditReview
            {
                CompanyId = company, Id = Ids.New(), CustomerId = customer, Trigger = trigger.ToString(), Status = nameof(ReviewStatus.Open),
                DueOn = dueOn, Detail = detail, OpenedAt = clock.Now, OpenedBy = scope.Actor,
            });
            opened++;
        }
        await db.SaveChangesAsync(ct);
        return new ReviewScanResult(opened, already);
    }

    /// <summary>Reviews, oldest due first: the open ones (open and in progress) or all, company-wide or for one customer.</summary>
    public async Task<IReadOnlyList<CreditReviewView>> ListAsync(bool openOnly, Guid? customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var q = db.CreditReviews.AsNoTracking().Where(r => r.CompanyId == company);
        if (openOnly) { q = q.Where(r => r.Status != nameof(ReviewStatus.Done)); }
        if (customerId is { } c) { q = q.Where(r => r.CustomerId == c); }
        var rows = await q
            .Join(db.Customers, r => new { r.CompanyId, Id = r.CustomerId }, c => new { c.CompanyId, c.Id }, (r, c) => new { r, c.Code, c.Name })
            .GroupJoin(db.CustomerCredit, x => new { x.r.CompanyId, x.r.CustomerId }, k => new { k.CompanyId, k.CustomerId },
                (x, k) => new { x.r, x.Code, x.Name, k })
            .SelectMany(x => x.k.DefaultIfEmpty(), (x, k) => new { x.r, x.Code, x.Name, Grade = k == null ? null : k.Grade })
            .OrderBy(x => x.r.DueOn).ThenBy(x => x.Code).Take(1000).ToListAsync(ct);
        return rows.Select(x => new CreditReviewView(x.r.Id, x.r.CustomerId, x.Code, x.Name, x.r.Trigger, x.r.Status, x.r.Assignee, x.r.DueOn, x.r.Detail,
            x.Grade, x.r.OpenedAt, x.r.CompletedAt, x.r.CompletedBy, x.r.OutcomeGrade, x.r.GradeChanged, x.r.LimitRequestId, x.r.Note)).ToList();
    }

    /// <summary>Takes the review: it is assigned to the caller and in progress.</summary>
    public async Task<CreditReviewView> StartAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var review = await FindAsync(id, ct);
        review.Status = nameof(ReviewStatus.InProgress);
        review.Assignee = scope.Actor;
        await db.SaveChangesAsync(ct);
        return (await ListAsync(false, review.CustomerId, ct)).Single(r => r.Id == id);
    }

    public async Task<CreditReviewView> CompleteAsync(Guid id, CompleteCreditReview request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.TryParse<CreditGrade>(request.Grade, out var grade) || !Enum.IsDefined(grade))
        {
            throw new DomainRuleException("creditReview.grade", "grade", "The outcome of a review is a grade A to E.");
        }
        var note = Companies.CompanyHandler.Optional(request.Note, "note", 2000);
        var schedule = await policies.ScheduleAsync(ct);
        var today = clock.Today;
        Guid customerId = default;
        await Transactions.RunAsync(db, async ct =>
        {
            var review = await FindAsync(id, ct);
            customerId = review.CustomerId;
            var credit = await db.CustomerCredit.SingleOrDefaultAsync(x => x.CompanyId == review.CompanyId && x.CustomerId == review.CustomerId, ct);
            if (credit is null)
            {
                var currency = await db.Customers.Where(c => c.CompanyId == review.CompanyId && c.Id == review.CustomerId).Select(c => c.Currency).SingleAsync(ct);
                credit = new CustomerCredit { CompanyId = review.CompanyId, CustomerId = review.CustomerId, Currency = currency, UpdatedBy = scope.Actor };
                db.CustomerCredit.Add(credit);
            }
            review.GradeChanged = credit.Grade != grade.ToString();
            review.OutcomeGrade = grade.ToString();
            review.Status = nameof(ReviewStatus.Done);
            review.Assignee ??= scope.Actor;
            review.CompletedAt = clock.Now;
            review.CompletedBy = scope.Actor;
            review.Note = note;
            if (request.LimitChange is { } change)
            {
                review.LimitRequestId = (await limits.NewRequestAsync(review.CustomerId, change, review.Id, ct)).Id;
            }
            credit.Grade = grade.ToString();
            credit.NextReviewOn = schedule.NextReview(grade, today);
            credit.UpdatedAt = clock.Now;
            credit.UpdatedBy = scope.Actor;
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);
        return (await ListAsync(false, customerId, ct)).Single(r => r.Id == id);
    }

    private async Task<CreditReview> FindAsync(Guid id, CancellationToken ct)
    {
        var review = await db.CreditReviews.SingleOrDefaultAsync(r => r.CompanyId == scope.CompanyId && r.Id == id, ct)
            ?? throw new NotFoundException("CreditReview", id);
        if (review.Status == nameof(ReviewStatus.Done))
        {
            throw new ConflictException("creditReview.done", "This review is completed already.");
        }
        return review;
    }
}
