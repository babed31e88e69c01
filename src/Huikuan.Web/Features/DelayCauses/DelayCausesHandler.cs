using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Causes = Huikuan.Domain.Collections.DelayCauses;

namespace Huikuan.Web.Features.DelayCauses;

/// <summary>The strategy a company follows for a cause; IsDefault when it is the domain's default, not one it saved.</summary>
public sealed record DelayStrategyView(string Cause, string Strategy, string? Note, bool IsDefault);

public sealed record SaveDelayStrategy(string Strategy, string? Note = null);

public sealed record SetDelayCause(string Cause, string? Note = null);

public sealed record DelayCauseEntryView(Guid Id, string Cause, string? Note, DateOnly SetOn, DateTimeOffset SetAt, string SetBy);

/// <summary>A customer's current cause (null when none was set), the strategy it calls for, and every earlier one, newest first.</summary>
public sealed record CustomerDelayCauseView(DelayCauseEntryView? Current, DelayStrategyView? Strategy, IReadOnlyList<DelayCauseEntryView> History);

/// <summary>
/// Causes of delay (R18): a collector records why a customer pays late, as a new row each time so the history stays;
/// the cause's strategy is the company's, else the domain's default (<see cref="Causes"/>).
/// Credit managers and admins edit the company's table.
/// </summary>
public sealed class DelayCausesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<IReadOnlyList<DelayStrategyView>> StrategiesAsync(CancellationToken ct)
    {
        var saved = await db.DelayCauseStrategies.AsNoTracking().Where(s => s.CompanyId == scope.CompanyId).ToDictionaryAsync(s => s.Cause, ct);
        return [.. Causes.All.Select(c => Strategy(c, saved.GetValueOrDefault(Causes.Code(c))))];
    }

    public async Task<DelayStrategyView> SaveStrategyAsync(string cause, SaveDelayStrategy request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageCredit);
        var c = ParseCause(cause);
        var strategy = Causes.Parse<CollectionStrategy>(request.Strategy)
            ?? throw new DomainRuleException("delayCause.strategy", "strategy", $"Unknown strategy '{request.Strategy}'.", request.Strategy ?? "");
        var code = Causes.Code(c);
        var row = await db.DelayCauseStrategies.SingleOrDefaultAsync(s => s.CompanyId == scope.CompanyId && s.Cause == code, ct);
        if (row is null)
        {
            row = new DelayCauseStrategy { CompanyId = scope.CompanyId, Cause = code, Strategy = "", UpdatedBy = scope.Actor };
            db.DelayCauseStrategies.Add(row);
        }
        row.Strategy = Causes.Code(strategy);
        row.Note = CreditFileAccess.Text(request.Note, "note", 1000);
        row.UpdatedAt = clock.Now;
        row.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return Strategy(c, row);
    }

    public async Task<CustomerDelayCauseView> SetAsync(Guid customerId, SetDelayCause request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        await CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        var cause = ParseCause(request.Cause);
        db.CustomerDelayCauses.Add(new CustomerDelayCause
        {
            CompanyId = scope.CompanyId, CustomerId = customerId, Id = Ids.New(), Cause = Causes.Code(cause),
            Note = CreditFileAccess.Text(request.Note, "note", 1000), SetOn = clock.Today, SetAt = clock.Now, SetBy = scope.Actor,
        });
        await db.SaveChangesAsync(ct);
        return await ForCustomerAsync(customerId, ct);
    }

    public async Task<CustomerDelayCauseView> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        // Ids are time-ordered (UUIDv7): the newest row is the current cause.
        var history = await db.CustomerDelayCauses.AsNoTracking().Where(c => c.CompanyId == scope.CompanyId && c.CustomerId == customerId)
            .OrderByDescending(c => c.Id).Take(200)
            .Select(c => new DelayCauseEntryView(c.Id, c.Cause, c.Note, c.SetOn, c.SetAt, c.SetBy)).ToListAsync(ct);
        if (history.Count == 0)
        {
            return new CustomerDelayCauseView(null, null, []);
        }
        var current = history[0];
        var strategy = (await StrategiesAsync(ct)).Single(s => s.Cause == current.Cause);
        return new CustomerDelayCauseView(current, strategy, history);
    }

    private static DelayCause ParseCause(string? cause) => Causes.Parse<DelayCause>(cause)
        ?? throw new DomainRuleException("delayCause.cause", "cause", $"Unknown cause of delay '{cause}'.", cause ?? "");

    private static DelayStrategyView Strategy(DelayCause cause, DelayCauseStrategy? saved) => saved is null
        ? new(Causes.Code(cause), Causes.Code(Causes.DefaultStrategy(cause)), null, true)
        : new(saved.Cause, saved.Strategy, saved.Note, false);
}
