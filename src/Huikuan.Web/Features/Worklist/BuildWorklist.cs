using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Worklist;

/// <summary>
/// Whose list: one collector's (the signed-in collector's by default), or the whole team's for those who lead it.
/// <paramref name="Everything"/> shows the rows beyond each collector's daily capacity too.
/// </summary>
public sealed record WorklistQuery(Guid? CollectorId = null, bool Team = false, bool Everything = false);

/// <summary>A rule that held, with the figure that made it hold: an amount (company currency), a number of days, a day.</summary>
public sealed record WorklistReasonView(string Kind, int Points, decimal? Amount, int? Days, DateOnly? On);

/// <summary>One customer on the list. <see cref="SetAside"/> names why the customer sank or dropped out (snoozed, justPaid …).</summary>
public sealed record WorklistRow(
    Guid CustomerId, string Code, string Name, Guid? CollectorId, string? CollectorName, string? Region, int Points,
    IReadOnlyList<WorklistReasonView> Reasons, decimal AtStake, decimal Overdue, string Action, string? SetAside, DateOnly? SnoozedUntil,
    DateOnly? LastContactOn);

/// <summary>A collector's load today: how many rows are theirs and how many their capacity holds.</summary>
public sealed record CollectorLoad(Guid? CollectorId, string? Name, int Capacity, int Rows, int BeyondCapacity);

/// <summary>
/// Today's worklist: <see cref="Rows"/> ranked by points (the set-aside ones that sink at the end), <see cref="Dropped"/>
/// those out of today's list with the reason, and each collector's load. Amounts in <see cref="Currency"/>.
/// </summary>
public sealed record WorklistView(
    DateOnly Day, string Currency, IReadOnlyList<WorklistRow> Rows, IReadOnlyList<WorklistRow> Dropped, IReadOnlyList<CollectorLoad> Collectors,
    TotalsConversion Conversion);

/// <summary>
/// Builds today's worklist (R14): every customer's facts read in bulk (<see cref="WorklistFactsReader"/>), scored by the
/// company's rules (<see cref="Huikuan.Domain.Collections.Worklist.Score"/>), each assigned to its collector (named on the
/// customer, else the best-fitting assignment rule), ranked, and cut at each collector's daily capacity.
/// </summary>
public sealed class WorklistHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, WorklistRulesHandler rules)
{
    public const int DefaultCapacity = 30;

    public async Task<WorklistView> TodayAsync(WorklistQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var company = scope.CompanyId;
        var today = clock.Today;
        var specs = await rules.SpecsAsync(ct);
        var reader = new WorklistFactsReader(db, company, today);
        var (customers, facts, totals) = await reader.ReadAsync(specs, scope.OwnerFilter, ct);
        var currency = totals.Target;

        var users = await db.Users.AsNoTracking().Where(u => u.CompanyId == company)
            .Select(u => new { u.Id, u.DisplayName, u.DailyCapacity }).ToListAsync(ct);
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        var assignments = await CollectorAssignmentsHandler.RulesAsync(db, company, ct);

        var scored = new List<(WorklistCustomer Customer, WorklistFacts Facts, WorklistScore Score, Guid? Collector)>();
        foreach (var customer in customers)
        {
            if (!facts.TryGetValue(customer.Id, out var f))
            {
                continue;
            }
            var score = Huikuan.Domain.Collections.Worklist.Score(f, specs, today);
            if (score.Points == 0)
            {
                continue;
            }
            scored.Add((customer, f, score, customer.CollectorId ?? CollectorAssignmentsHandler.Fit(assignments, customer.SalespersonId, customer.Region, f.OverdueMinor)));
        }

        var collector = query.Team ? query.CollectorId : query.CollectorId ?? (scope.Role == Role.Collector ? scope.UserId : null);
        // A collector's own list holds their customers and, after them by points, the customers nobody is assigned to: on
        // the first morning, before any assignment, every collector starts from the same pool.
        var pooled = !query.Team && collector is not null;
        var mine = scored.Where(s => collector is null || s.Collector == collector || (pooled && s.Collector is null)).ToList();
        Guid? Owner(Guid? assigned) => assigned ?? (pooled ? collector : null);

        WorklistRow Row((WorklistCustomer Customer, WorklistFacts Facts, WorklistScore Score, Guid? Collector) s) => new(
            s.Customer.Id, s.Customer.Code, s.Customer.Name, s.Collector, s.Collector is { } c ? names.GetValueOrDefault(c) : null, s.Customer.Region,
            s.Score.Points,
            [.. s.Score.Reasons.Take(WorklistScore.ShownReasons).Select(r => new WorklistReasonView(WorklistRulesHandler.Camel(r.Kind), r.Points,
                r.Amount is { } a ? currency.ToMajor(a) : null, r.Days, r.On))],
            currency.ToMajor(s.Score.AtStakeMinor), currency.ToMajor(s.Facts.OverdueMinor), WorklistRulesHandler.Camel(s.Score.Action),
            s.Score.SetAside is { } why ? WorklistRulesHandler.Camel(why) : null, s.Facts.SnoozedUntil, s.Facts.LastContactOn);

        var ranked = mine.Where(s => s.Score.SetAside is null)
            .OrderByDescending(s => s.Score.Points).ThenByDescending(s => s.Score.AtStakeMinor).ThenBy(s => s.Customer.Code, StringComparer.Ordinal).ToList();
        // Unassigned rows (no collector named, no rule fits) have no capacity: a team lead sees them all.
        var capacity = users.ToDictionary(u => u.Id, u => u.DailyCapacity ?? DefaultCapacity);
        int CapacityOf(Guid? id) => id is { } c ? capacity.GetValueOrDefault(c, DefaultCapacity) : int.MaxValue;
        var loads = new List<CollectorLoad>();
        var rows = new List<WorklistRow>();
        foreach (var group in ranked.GroupBy(s => Owner(s.Collector)))
        {
            var cap = CapacityOf(group.Key);
            var count = group.Count();
            loads.Add(new CollectorLoad(group.Key, group.Key is { } id ? names.GetValueOrDefault(id) : null, cap == int.MaxValue ? 0 : cap, count,
                Math.Max(0, count - cap)));
        }
        var taken = new Dictionary<Guid, int>();
        foreach (var s in ranked)
        {
            var owner = Owner(s.Collector);
            var key = owner ?? Guid.Empty;
            var n = taken.GetValueOrDefault(key);
            if (n < CapacityOf(owner) || query.Everything)
            {
                rows.Add(Row(s));
            }
            taken[key] = n + 1;
        }
        var sunk = mine.Where(s => s.Score.SetAside is not null && !s.Score.Dropped)
            .OrderByDescending(s => s.Score.Points).ThenBy(s => s.Customer.Code, StringComparer.Ordinal).Select(Row);
        var dropped = mine.Where(s => s.Score.Dropped)
            .OrderByDescending(s => s.Score.Points).ThenBy(s => s.Customer.Code, StringComparer.Ordinal).Select(Row).ToList();
        return new WorklistView(today, currency.Code, [.. rows, .. sunk], dropped,
            [.. loads.OrderBy(l => l.Name is null).ThenBy(l => l.Name, StringComparer.CurrentCulture)], totals.Describe());
    }
}
