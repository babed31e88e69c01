using System.Data.Common;
using System.Globalization;
using System.Text;
using Huikuan.Domain.Aging;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Bench;

/// <summary>
/// The yardstick: the aging written by hand in plain SQL on the same tables and indexes, one row per
/// customer with one SUM(CASE …) per bucket, which lets the database aggregate while it walks the
/// open-items index in customer order. On PostgreSQL it runs with parallel workers off (SET LOCAL in
/// its own transaction): on two cores the parallel plan took 472 ms where the serial one took 145 ms.
/// Grouping by (customer, bucket) instead took 247 ms. As of a past date, where each item's amount then
/// needs the later allocations, the (customer, bucket) form with PostgreSQL's own plan is the faster one
/// and is the yardstick there. Huikuan's own code must give the same sums.
/// </summary>
internal static class HandSql
{
    /// <summary>Open now: the cached open amounts only (the partial index on open_minor &lt;&gt; 0 covers this).</summary>
    public static Task<Dictionary<Guid, long[]>> AgingAsync(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, AgingBuckets buckets, CancellationToken ct) =>
        RunAsync(db, wide: true, $"""
            SELECT customer_id, {Sums(buckets, "open_minor")}
            FROM installments
            WHERE company_id = @company AND open_minor <> 0 AND currency = @currency AND invoice_date <= @asof
            GROUP BY customer_id
            """, company, currency, asOf, buckets, ct);

    /// <summary>
    /// Open at a past date: what is open now, plus what was applied after the date on the items that
    /// moved since (only those need the allocations).
    /// </summary>
    public static Task<Dictionary<Guid, long[]>> AgingAsOfAsync(HuikuanDbContext db, Guid company, string currency, DateOnly asOf, AgingBuckets buckets, CancellationToken ct) =>
        RunAsync(db, wide: false, $"""
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

    /// <summary>Bucket 0 is due on or after the date (@d0); bucket k (1…n) is due in [@dk, @d(k−1)); the last is due before @dn.</summary>
    private static string Sums(AgingBuckets buckets, string amount)
    {
        var n = buckets.Bounds.Count;
        var columns = new List<string> { $"SUM(CASE WHEN due_date >= @d0 THEN {amount} ELSE 0 END)" };
        for (var k = 1; k <= n; k++)
        {
            columns.Add(string.Create(CultureInfo.InvariantCulture, $"SUM(CASE WHEN due_date >= @d{k} AND due_date < @d{k - 1} THEN {amount} ELSE 0 END)"));
        }
        columns.Add(string.Create(CultureInfo.InvariantCulture, $"SUM(CASE WHEN due_date < @d{n} THEN {amount} ELSE 0 END)"));
        return string.Join(", ", columns);
    }

    private static async Task<Dictionary<Guid, long[]>> RunAsync(
        HuikuanDbContext db, bool wide, string sql, Guid company, string currency, DateOnly asOf, AgingBuckets buckets, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
        if (wide && !db.IsSqlite)
        {
            await using var serial = db.Database.GetDbConnection().CreateCommand();
            serial.Transaction = tx;
            serial.CommandText = "SET LOCAL max_parallel_workers_per_gather = 0";
            await serial.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx;
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
            if (wide)
            {
                var sums = new long[buckets.Count];
                for (var k = 0; k < sums.Length; k++)
                {
                    sums[k] = reader.GetInt64(k + 1);
                }
                result[customer] = sums;
                continue;
            }
            if (!result.TryGetValue(customer, out var row))
            {
                result[customer] = row = new long[buckets.Count];
            }
            row[reader.GetInt32(1)] += reader.GetInt64(2);
        }
        return result;
    }

    internal static object Date(HuikuanDbContext db, DateOnly d) => db.IsSqlite ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d;

    internal static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
