using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

public sealed record CreditScoreSnapshotView(DateOnly AsOf, int Score, string Grade, IReadOnlyList<CreditScoreLineView> Lines, string Trigger, string CreatedBy);

/// <summary>
/// Stored scores (R2): a re-score, or the daily job, keeps one snapshot per customer and day (a second one that day
/// replaces the first). The snapshot's grade becomes the customer's grade only when they have never been graded;
/// after that only a completed review changes it (R4), so a score that dips for a day does not move the customer's
/// policy by itself. The first grading also sets the date of the first scheduled review.
/// </summary>
public sealed class CreditScoreHistoryHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, CreditScoreHandler scores, CreditPoliciesHandler policies)
{
    public const string Manual = "manual";
    public const string Daily = "daily";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CreditScoreSnapshotView?> RescoreAsync(Guid customerId, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var today = Today;
        var existing = await db.CreditScoreSnapshots.SingleOrDefaultAsync(s => s.CompanyId == scope.CompanyId && s.CustomerId == customerId && s.AsOf == today, ct);
        var snapshot = await SnapshotAsync(customerId, existing, Manual, await policies.ScheduleAsync(ct), ct);
        await db.SaveChangesAsync(ct);
        return snapshot is null ? null : View(snapshot);
    }

    /// <summary>
    /// Scores one customer as of today into <paramref name="existing"/> (or a new row), without saving; null while the
    /// customer has no score (nothing has fallen due).
    /// </summary>
    internal async Task<CreditScoreSnapshot?> SnapshotAsync(Guid customerId, CreditScoreSnapshot? existing, string trigger, ReviewSchedule schedule, CancellationToken ct)
    {
        var score = await scores.ForCustomerAsync(customerId, Today, ct);
        if (score.Score is null)
        {
            return null;
        }
        var credit = await db.CustomerCredit.SingleOrDefaultAsync(x => x.CompanyId == scope.CompanyId && x.CustomerId == customerId, ct);
        var currency = credit?.Currency ?? await db.Customers.Where(c => c.CompanyId == scope.CompanyId && c.Id == customerId).Select(c => c.Currency).SingleAsync(ct);
        return Apply(score, existing, credit, currency, trigger, schedule);
    }

    /// <summary>
    /// Stores a score as today's snapshot (into <paramref name="existing"/> or a new row) and grades a customer never
    /// graded, creating their credit row (tracked <paramref name="credit"/> or none) in <paramref name="currency"/>; no save.
    /// </summary>
    internal CreditScoreSnapshot? Apply(CreditScoreView score, CreditScoreSnapshot? existing, CustomerCredit? credit, string currency, string trigger, ReviewSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.Score is not { } points || score.Grade is not { } grade)
        {
            return null;
        }
        var today = Today;
        var snapshot = existing;
        if (snapshot is null)
        {
            snapshot = new CreditScoreSnapshot
            {
                CompanyId = scope.CompanyId, Id = Ids.New(), CustomerId = score.CustomerId, AsOf = today, Grade = grade, Lines = "", Trigger = trigger,
                CreatedBy = scope.Actor,
            };
            db.CreditScoreSnapshots.Add(snapshot);
        }
        snapshot.Score = points;
        snapshot.Grade = grade;
        snapshot.Lines = JsonSerializer.Serialize(score.Lines, Json);
        snapshot.Trigger = trigger;
        snapshot.CreatedBy = scope.Actor;
        snapshot.CreatedAt = clock.Now;

        if (credit?.Grade is null)
        {
            if (credit is null)
            {
                credit = new CustomerCredit { CompanyId = scope.CompanyId, CustomerId = score.CustomerId, Currency = currency, UpdatedBy = scope.Actor };
                db.CustomerCredit.Add(credit);
            }
            credit.Grade = grade;
            credit.NextReviewOn = schedule.NextReview(Enum.Parse<CreditGrade>(grade), today);
            credit.UpdatedAt = clock.Now;
            credit.UpdatedBy = scope.Actor;
        }
        return snapshot;
    }

    public async Task<IReadOnlyList<CreditScoreSnapshotView>> HistoryAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        if (!await db.Customers.AnyAsync(c => c.CompanyId == company && c.Id == customerId, ct))
        {
            throw new NotFoundException("Customer", customerId);
        }
        var rows = await db.CreditScoreSnapshots.AsNoTracking().Where(s => s.CompanyId == company && s.CustomerId == customerId)
            .OrderByDescending(s => s.AsOf).Take(36).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    private DateOnly Today => clock.Today;

    private static CreditScoreSnapshotView View(CreditScoreSnapshot s) => new(s.AsOf, s.Score, s.Grade,
        JsonSerializer.Deserialize<List<CreditScoreLineView>>(s.Lines, Json) ?? [], s.Trigger, s.CreatedBy);
}
