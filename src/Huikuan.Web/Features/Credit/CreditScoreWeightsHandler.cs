using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>How much each factor counts in the score, in whole points; only the proportions matter.</summary>
public sealed record CreditScoreWeightsView(int OnTime, int DaysLate, int Trend, int Disputes, int Exposure, int Relationship, int ManualRating)
{
    public CreditScoreWeights ToDomain() => new(OnTime, DaysLate, Trend, Disputes, Exposure, Relationship, ManualRating);

    public static CreditScoreWeightsView From(CreditScoreWeights w) => new((int)w.OnTime, (int)w.DaysLate, (int)w.Trend, (int)w.Disputes,
        (int)w.Exposure, (int)w.Relationship, (int)w.ManualRating);
}

/// <summary>
/// The company's score weights (R2: configurable). Until a credit manager saves them, <see cref="CreditScoreWeights.Default"/>.
/// A change applies to the next scoring; earlier snapshots keep the points they were given.
/// </summary>
public sealed class CreditScoreWeightsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const int MaxWeight = 100;

    public async Task<CreditScoreWeightsView> GetAsync(CancellationToken ct) => CreditScoreWeightsView.From(await WeightsAsync(ct));

    public async Task<CreditScoreWeights> WeightsAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var row = await db.CreditScoreWeights.AsNoTracking().SingleOrDefaultAsync(r => r.CompanyId == company, ct);
        return row is null ? CreditScoreWeights.Default
            : new CreditScoreWeights(row.OnTime, row.DaysLate, row.Trend, row.Disputes, row.Exposure, row.Relationship, row.ManualRating);
    }

    public async Task<CreditScoreWeightsView> SaveAsync(CreditScoreWeightsView request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        ArgumentNullException.ThrowIfNull(request);
        var weights = request.ToDomain();
        weights.Validate();
        foreach (var factor in Enum.GetValues<CreditFactor>().Where(f => weights.For(f) > MaxWeight))
        {
            throw new Domain.DomainRuleException("creditScore.weightTooLarge", "weights." + CreditScore.Key(factor),
                $"A weight is at most {MaxWeight} points.", MaxWeight);
        }
        var company = scope.CompanyId;
        var row = await db.CreditScoreWeights.SingleOrDefaultAsync(r => r.CompanyId == company, ct);
        if (row is null)
        {
            row = new CreditScoreWeightsRow { CompanyId = company, UpdatedBy = scope.Actor };
            db.CreditScoreWeights.Add(row);
        }
        (row.OnTime, row.DaysLate, row.Trend, row.Disputes, row.Exposure, row.Relationship, row.ManualRating) =
            (request.OnTime, request.DaysLate, request.Trend, request.Disputes, request.Exposure, request.Relationship, request.ManualRating);
        row.UpdatedAt = clock.Now;
        row.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }
}
