using Huikuan.Domain.Aging;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Aging;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Bench;

/// <summary>--explain: prints the SQL that Huikuan's aging sends (the handler's query, rebuilt here) and the database's plan for it.</summary>
internal static class Explain
{
    public static async Task PrintAsync(HuikuanDbContext db, Guid company, DateOnly asOf, AgingBuckets buckets, CancellationToken ct)
    {
        var items = await OpenItemsAsOf.QueryAsync(db, company, "CNY", asOf, ct);
        var query = items.GroupBy(x => x.CustomerId).Select(AgedSums.Build(buckets, AgingBasis.DueDate, asOf));
        var sql = query.ToQueryString();
        Console.WriteLine(sql);
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        // ToQueryString declares the parameters in front (SQLite: ".param set @x 'v'"; PostgreSQL: "-- @x='v' (DbType = …)").
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        foreach (var line in sql[..sql.IndexOf("SELECT", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.IndexOf('@', StringComparison.Ordinal);
            var quote = line.IndexOf('\'', StringComparison.Ordinal);
            if (at < 0 || quote < 0)
            {
                continue;
            }
            var name = line[at..].Split(' ', '=')[0];
            var text = line[(quote + 1)..line.LastIndexOf('\'')];
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = db.IsSqlite ? text
                : Guid.TryParse(text, out var g) ? g
                : DateOnly.TryParseExact(text, ["yyyy-MM-dd", "MM/dd/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
                : text;
            cmd.Parameters.Add(p);
        }
        cmd.CommandText = (db.IsSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE) ") + statement;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Console.WriteLine("  " + reader.GetValue(reader.FieldCount - 1));
        }
    }
}
