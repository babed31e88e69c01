using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// On PostgreSQL the checked rows go in by binary COPY, in the import's transaction. Through EF Core each row
/// is its own INSERT, and a file of invoices takes minutes. The table, columns, store types and value
/// converters come from the EF Core model, so the rows are stored exactly as SaveChanges would store them.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>Principal tables before their dependants, so that foreign keys hold at every row.</summary>
    private static readonly Type[] Order = [typeof(Customer), typeof(Invoice), typeof(InvoiceLine), typeof(Installment), typeof(Receipt), typeof(NoteReceivable), typeof(Allocation),
        typeof(ExchangeRate)];

    public static async Task WriteAsync(HuikuanDbContext db, IEnumerable<object> entities, CancellationToken ct)
    {
        var byType = entities.GroupBy(e => e.GetType()).ToDictionary(g => g.Key, g => g.ToList());
        var unknown = byType.Keys.Except(Order).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"No COPY order for {string.Join(", ", unknown.Select(t => t.Name))}.");
        }
        foreach (var type in Order.Where(byType.ContainsKey))
        {
            await WriteTableAsync(db, type, byType[type], ct);
        }
    }

    private static async Task WriteTableAsync(HuikuanDbContext db, Type type, List<object> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table), Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter, Type: StoreType(p)))
            .Where(c => c.Name is not null)
            .ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Converter is not null)
                {
                    value = column.Converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, column.Type, ct);
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>"character varying(64)" → "character varying": COPY wants the type's name without its facets.</summary>
    private static string StoreType(IProperty property)
    {
        var type = property.GetColumnType();
        var facets = type.IndexOf('(', StringComparison.Ordinal);
        return facets < 0 ? type : type[..facets].TrimEnd();
    }
}
