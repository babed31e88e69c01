using Huikuan.Web.Data;
using Huikuan.Web.Features.Dunning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Bench;

/// <summary>
/// Planning a dunning run (issue T2 target: ≤ 15 s over 100k overdue items): <see cref="DunningPlanningHandler.PlanAsync"/>
/// for the whole company — the overdue items, disputes, blocks, promises, grades, levels and payments since, then the
/// planner per customer — against the hand-written query that merely sums each customer's overdue items and finds the
/// oldest. Both must give the same overdue total and oldest days overdue per customer.
/// </summary>
internal static class DunningBench
{
    public sealed record Result(Dictionary<Guid, long[]> ByCustomer, int ToSend);

    public static async Task<Result> PlanAsync(IServiceProvider services, DateOnly day, CancellationToken ct)
    {
        var plan = await services.GetRequiredService<DunningPlanningHandler>().PlanAsync(day, ct);
        var byCustomer = plan.Customers.ToDictionary(c => c.CustomerId, c => new[] { c.Proposal.OverdueMinorByCurrency.Values.Sum(), (long)c.Proposal.OldestDaysOverdue });
        return new Result(byCustomer, plan.Customers.Count(c => c.Proposal.Outcome == Huikuan.Domain.Dunning.DunningOutcome.Send));
    }

    public static async Task<Result> HandSqlAsync(HuikuanDbContext db, Guid company, DateOnly day, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = """
            SELECT customer_id, SUM(open_minor), MIN(due_date)
            FROM installments
            WHERE company_id = @company AND open_minor > 0 AND due_date < @day
            GROUP BY customer_id
            """;
        HandSql.Add(cmd, "company", db.IsSqlite ? company.ToString().ToUpperInvariant() : company);
        HandSql.Add(cmd, "day", HandSql.Date(db, day));
        var result = new Dictionary<Guid, long[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var customer = db.IsSqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0);
            var oldest = db.IsSqlite ? DateOnly.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture) : reader.GetFieldValue<DateOnly>(2);
            result[customer] = [reader.GetInt64(1), day.DayNumber - oldest.DayNumber];
        }
        return new Result(result, 0);
    }

    public static Task<long> OverdueItemsAsync(HuikuanDbContext db, Guid company, DateOnly day, CancellationToken ct) =>
        db.Installments.AsNoTracking().LongCountAsync(i => i.CompanyId == company && i.OpenMinor > 0 && i.DueDate < day, ct);
}
