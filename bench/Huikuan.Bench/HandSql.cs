using System.Data.Common;
using System.Globalization;
using System.Text;
using Huikuan.Domain.Aging;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Bench;

/// <summary>
/// The yardstick: the aging written by hand in plain SQL on the same tables and indexes, grouped by
/// customer and bucket (a CASE ladder on the due date). Huikuan's own code must give the same sums.
/// The wider form, one SUM(CASE …) column per bucket, was measured too and is slower on both
/// databases (PostgreSQL plans it in parallel, which two busy cores do not repay).
/// </summary>
internal static class HandSql
{
    /// <summary>Open now: the cached open amounts only (the partial index on open_minor &lt;&gt; 0 covers this).</summary>
    public static Task<Dictionary<Guid, long[]>> AgingAsync(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, AgingBuckets buckets, CancellationToken ct) =>
        RunAsync(db, $"""
            SELECT customer_id, {Bucket(buckets)} AS bucket, SUM(open_minor)
            FROM installments
            WHERE company_id = @company AND open_minor <> 0 AND currency = @currency AND invoice_date <= @asof
            GROUP BY 1, 2
            """, company, currency, asOf, buckets, ct);

    /// <summary>
    /// Open at a past date: what is open now, plus what was applied after the date on the items that
    /// moved since (only those need the allocations).
    /// </summary>
    public static Task<Dictionary<Guid, long[]>> AgingAsOfAsync(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, AgingBuckets buckets, CancellationToken ct) =>
        RunAsync(db, $"""
            SELECT customer_id, {Bucket(buckets)} AS bucket, SUM(open_then)
            FROM (
              SELECT i.customer_id, i.due_date,
                     i.open_minor + CASE WHEN i.last_applied_on > @asof
                       THEN (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations a
                             WHERE a.company_id = i.company_id AND a.installment_id = i.id AND a.applied_on > @asof)
                       ELSE 0 END AS open_then
              FROM installments i
              WHERE i.company_id = @company AND i.currency = @currency AND i.invoice_date <= @asof
                AND (i.open_minor <> 0 OR i.last_applied_on > @asof)
            ) x
            WHERE open_then <> 0
            GROUP BY 1, 2
            """, company, currency, asOf, buckets, ct);

    /// <summary>Bucket 0 is due on or after the date; bucket k (1…n) is due in [asOf − bound k, asOf − bound k−1); the last is older.</summary>
    private static string Bucket(AgingBuckets buckets)
    {
        var sb = new StringBuilder("CASE WHEN due_date >= @d0 THEN 0");
        for (var k = 1; k <= buckets.Bounds.Count; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $" WHEN due_date >= @d{k} THEN {k}");
        }
        sb.Append(CultureInfo.InvariantCulture, $" ELSE {buckets.Bounds.Count + 1} END");
        return sb.ToString();
    }

    private static async Task<Dictionary<Guid, long[]>> RunAsync(
        HuikuanDbContext db, string sql, Guid company, string currency, DateOnly asOf, AgingBuckets buckets, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        // SQLite keeps Guids and dates as TEXT (upper-case, ISO); PostgreSQL has uuid and date.
        Add(cmd, "company", db.IsSqlite ? company.ToString().ToUpperInvariant() : company);
        Add(cmd, "currency", currency);
        Add(cmd, "asof", Date(db, asOf));
        Add(cmd, "d0", Date(db, asOf));
        for (var k = 1; k <= buckets.Bounds.Count; k++)
        {
            Add(cmd, "d" + k.ToString(CultureInfo.InvariantCulture), Date(db, asOf.AddDays(-buckets.Bounds[k - 1])));
        }
        var result = new Dictionary<Guid, long[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var customer = db.IsSqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0);
            if (!result.TryGetValue(customer, out var row))
            {
                result[customer] = row = new long[buckets.Count];
            }
            row[reader.GetInt32(1)] += reader.GetInt64(2);
        }
        return result;
    }

    private static object Date(HuikuanDbContext db, DateOnly d) => db.IsSqlite ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d;

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
