using System.Data.Common;
using System.Globalization;
using Huikuan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Huikuan.Web.Demo;

/// <summary>One column of an entity's table: its name, how to read the value, and EF's conversion to the stored value.</summary>
internal sealed record BulkColumn(string Name, Func<object, object?> Read);

/// <summary>Writes entity rows into one table, bypassing the change tracker.</summary>
internal interface IBulkTable : IAsyncDisposable
{
    ValueTask WriteAsync(object entity, CancellationToken ct);

    Task CompleteAsync(CancellationToken ct);
}

/// <summary>
/// Fast inserts for generated data: prepared INSERTs in one transaction on SQLite, binary COPY on
/// PostgreSQL. Column names and value conversions come from the EF model, so the rows are the ones
/// EF itself would write. One table at a time (PostgreSQL allows one COPY per connection).
/// </summary>
internal abstract class BulkConnection : IAsyncDisposable
{
    public static async Task<BulkConnection> OpenAsync(HuikuanDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        BulkConnection bulk = db.IsSqlite ? new SqliteBulk((SqliteConnection)connection) : new PostgresBulk((NpgsqlConnection)connection);
        await bulk.BeginAsync(ct);
        return bulk;
    }

    protected DbTransaction? Transaction { get; set; }

    public abstract Task<IBulkTable> TableAsync(IEntityType type, CancellationToken ct);

    protected abstract Task BeginAsync(CancellationToken ct);

    public abstract Task CommitAsync(CancellationToken ct);

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    protected static List<BulkColumn> Columns(IEntityType type) =>
        type.GetProperties().Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            Func<object, object?> read = converter is null
                ? getter.GetClrValueUsingContainingEntity
                : e => getter.GetClrValueUsingContainingEntity(e) is { } v ? converter.ConvertToProvider(v) : null;
            return new BulkColumn(p.GetColumnName(), read);
        }).ToList();

    private sealed class SqliteBulk(SqliteConnection connection) : BulkConnection
    {
        protected override async Task BeginAsync(CancellationToken ct)
        {
            // Durability is not needed while loading a throw-away data set: one fsync at the end.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            Transaction = (DbTransaction)await connection.BeginTransactionAsync(ct);
        }

        public override Task<IBulkTable> TableAsync(IEntityType type, CancellationToken ct)
        {
            var columns = Columns(type);
            var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)Transaction!;
            command.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(c => '"' + c.Name + '"'))}) VALUES ("
                + string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
            command.Prepare();
            return Task.FromResult<IBulkTable>(new SqliteTable(command, columns, parameters));
        }

        public override async Task CommitAsync(CancellationToken ct)
        {
            await Transaction!.CommitAsync(ct);
            await Transaction.DisposeAsync();
            Transaction = null;
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=FULL; ANALYZE;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed class SqliteTable(SqliteCommand command, List<BulkColumn> columns, SqliteParameter[] parameters) : IBulkTable
    {
        public ValueTask WriteAsync(object entity, CancellationToken ct)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                // EF keeps Guids as upper-case TEXT on SQLite; the ADO.NET default would bind a BLOB.
                parameters[i].Value = columns[i].Read(entity) switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    var v => v,
                };
            }
            command.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }

    private sealed class PostgresBulk(NpgsqlConnection connection) : BulkConnection
    {
        protected override async Task BeginAsync(CancellationToken ct) => Transaction = await connection.BeginTransactionAsync(ct);

        public override async Task<IBulkTable> TableAsync(IEntityType type, CancellationToken ct)
        {
            var columns = Columns(type);
            var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(c => '"' + c.Name + '"'))}) FROM STDIN (FORMAT BINARY)", ct);
            return new PostgresTable(importer, columns);
        }

        public override async Task CommitAsync(CancellationToken ct)
        {
            await Transaction!.CommitAsync(ct);
            await Transaction.DisposeAsync();
            Transaction = null;
            // VACUUM sets the visibility map, so the aging's partial index is read index-only, as it is
            // once autovacuum has passed over a live database; ANALYZE gives the planner row counts.
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed class PostgresTable(NpgsqlBinaryImporter importer, List<BulkColumn> columns) : IBulkTable
    {
        public async ValueTask WriteAsync(object entity, CancellationToken ct)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                switch (column.Read(entity))
                {
                    case null: await importer.WriteNullAsync(ct); break;
                    case Guid v: await importer.WriteAsync(v, NpgsqlDbType.Uuid, ct); break;
                    case string v: await importer.WriteAsync(v, NpgsqlDbType.Text, ct); break;
                    case long v: await importer.WriteAsync(v, NpgsqlDbType.Bigint, ct); break;
                    case int v: await importer.WriteAsync(v, NpgsqlDbType.Integer, ct); break;
                    case DateOnly v: await importer.WriteAsync(v, NpgsqlDbType.Date, ct); break;
                    case DateTimeOffset v: await importer.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct); break;
                    case decimal v: await importer.WriteAsync(v, NpgsqlDbType.Numeric, ct); break;
                    case bool v: await importer.WriteAsync(v, NpgsqlDbType.Boolean, ct); break;
                    case var v: throw new NotSupportedException($"No COPY mapping for {v.GetType().Name} in column {column.Name}.");
                }
            }
        }

        public async Task CompleteAsync(CancellationToken ct) => await importer.CompleteAsync(ct);

        public ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
