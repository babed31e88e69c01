using Huikuan.Domain.Dunning;
using Huikuan.Domain.Money;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

public sealed record MoneyView(decimal Amount, string Currency);

/// <summary>
/// One customer in the preview: what the run would do (send, lower, skip) and why: the level's conditions that hold
/// (days overdue and minimum amount), or the reason for skipping.
/// </summary>
public sealed record DunningPreviewRow(
    Guid CustomerId, string CustomerCode, string CustomerName, string Outcome, int CurrentLevel, int Level, string? LevelCode, string Reason,
    int OldestDaysOverdue, IReadOnlyList<MoneyView> Overdue, int ItemCount, IReadOnlyList<string> Channels, int? LevelMinDaysOverdue,
    decimal? LevelMinOverdueAmount, bool AlreadyDone);

public sealed record DunningPreview(
    DateOnly Day, int Considered, int ToSend, int ToLower, int Skipped, IReadOnlyDictionary<string, int> SkipReasons,
    IReadOnlyDictionary<string, int> ByLevel, int Total, IReadOnlyList<DunningPreviewRow> Rows, long ElapsedMs,
    DunningRunConfirmation Confirmation);

/// <summary>
/// What a run would do on a day, without doing it (R12's preview): the same plan the run executes, summed up by
/// outcome, skip reason and level, and listed customer by customer, the ones to act on first.
/// </summary>
public sealed class DunningPreviewHandler(DunningPlanningHandler planning, Scope scope, BusinessClock clock, Data.HuikuanDbContext db)
{
    /// <param name="show">send, lower, skip or all (the default: those to act on, then the skipped).</param>
    public async Task<DunningPreview> PreviewAsync(DateOnly? day, string? show, int page, int pageSize, CancellationToken ct)
    {
        var started = clock.Timestamp();
        var today = clock.Today;
        var plan = await planning.PlanAsync(day ?? today, ct);
        var done = (await db.DunningCommunications.AsNoTracking()
            .Where(c => c.CompanyId == scope.CompanyId && c.RunDay == plan.Day).Select(c => c.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var policy = plan.Policy.Policy;
        var rows = plan.Customers.Select(c =>
        {
            var p = c.Proposal;
            var level = p.Level > 0 ? policy.Level(p.Level) : null;
            var acting = p.Outcome != DunningOutcome.Skip;
            return new DunningPreviewRow(c.CustomerId, c.Code, c.Name, p.Outcome.ToString().ToLowerInvariant(), c.CurrentLevel, p.Level, level?.Code,
                Reason(p.Reason), p.OldestDaysOverdue,
                [.. p.OverdueMinorByCurrency.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new MoneyView(Currency.Of(x.Key).ToMajor(x.Value), x.Key))],
                acting && p.Outcome == DunningOutcome.Send ? p.Items.Count : 0,
                p.Outcome == DunningOutcome.Send && level is not null ? DunningPoliciesHandler.ChannelNames(level.Channels) : [],
                acting ? level?.MinDaysOverdue : null, acting && level is not null ? Currency.Of(policy.Currency).ToMajor(level.MinOverdueMinor) : null,
                acting && done.Contains(p.Key(plan.Day)));
        }).ToList();
        var filtered = (show ?? "all") switch
        {
            "send" => rows.Where(r => r.Outcome == "send"),
            "lower" => rows.Where(r => r.Outcome == "lower"),
            "skip" => rows.Where(r => r.Outcome == "skip"),
            _ => rows,
        };
        var ordered = filtered.OrderBy(r => r.Outcome == "skip").ThenByDescending(r => r.Level).ThenByDescending(r => r.OldestDaysOverdue)
            .ThenBy(r => r.CustomerCode, StringComparer.Ordinal).ToList();
        var size = Math.Clamp(pageSize, 1, 500);
        var number = Math.Max(1, page);
        return new DunningPreview(plan.Day, rows.Count, rows.Count(r => r.Outcome == "send"), rows.Count(r => r.Outcome == "lower"),
            rows.Count(r => r.Outcome == "skip"),
            rows.Where(r => r.Outcome == "skip").GroupBy(r => r.Reason, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            rows.Where(r => r.Outcome == "send").GroupBy(r => r.LevelCode ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            ordered.Count, [.. ordered.Skip((number - 1) * size).Take(size)],
            (long)clock.Since(started).TotalMilliseconds,
            DunningRunConfirmation.Of(plan, await DunningRunHandler.LastRunDayAsync(db, scope.CompanyId, ct) is null));
    }

    public static string Reason(DunningSkipReason reason) => reason switch
    {
        DunningSkipReason.None => "",
        _ => char.ToLowerInvariant(reason.ToString()[0]) + reason.ToString()[1..],
    };
}
