using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Picks the database from configuration: Database:Provider = Sqlite (default: the file huikuan.db) or Postgres,
/// with ConnectionStrings:Huikuan. Each provider has its own migrations. A relative SQLite file is in
/// Huikuan:DataFolder, else in the folder the app runs in; `dotnet run` passes the folder the command was typed in
/// (the project's RunArguments), because it starts a web project inside src/Huikuan.Web.
/// </summary>
public static class Database
{
    public static IServiceCollection AddHuikuanDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        services.TryAddScoped<Scope>();
        services.TryAddScoped<BusinessClock>();
        services.TryAddSingleton<CompanyTimeZones>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<Features.BankStatements.Matching.PayerNamesVersionInterceptor>();
        services.TryAddSingleton<Features.BankStatements.Matching.PayerNameIndexCache>();
        var connectionString = configuration.GetConnectionString("Huikuan");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Huikuan is empty.");
            }
            services.AddDbContext<PostgresHuikuanDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<HuikuanDbContext>(sp => sp.GetRequiredService<PostgresHuikuanDbContext>());
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = SqliteFile(connectionString ?? "Data Source=huikuan.db", configuration["Huikuan:DataFolder"]);
            services.AddDbContext<SqliteHuikuanDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<HuikuanDbContext>(sp => sp.GetRequiredService<SqliteHuikuanDbContext>());
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or Postgres.");
        }
        return services;
    }

    // The audit trail first: the payer-names version it does not record is raised after the save.
    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider sp) =>
        [sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.BankStatements.Matching.PayerNamesVersionInterceptor>()];

    /// <summary>A relative SQLite file made absolute (against <paramref name="folder"/>, else the current folder), its folder created.</summary>
    public static string SqliteFile(string connectionString, string? folder)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return connectionString;
        }
        var full = Path.GetFullPath(file, string.IsNullOrWhiteSpace(folder) ? Directory.GetCurrentDirectory() : folder);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        builder.DataSource = full;
        return builder.ToString();
    }

    /// <summary>Where the data is, for the start-up lines: the SQLite file's full path, or the PostgreSQL host and database.</summary>
    public static string Describe(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        var connection = db.Database.GetDbConnection();
        return db.IsSqlite ? $"SQLite file {connection.DataSource}" : $"PostgreSQL database {connection.Database} on {connection.DataSource}";
    }

    /// <summary>
    /// Creates or upgrades the schema. SQLite is switched to WAL so readers never wait for the writer, and after a
    /// migration its planner statistics are brought up to date (the bulk loader does the same after loading): an index it has no statistics for looks more
    /// selective than it is, and SQLite then prefers it to a better one (T1: the receipts list took 3.6 s instead
    /// of 0.1 s the day an index was added). PostgreSQL's autovacuum analyzes on its own.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        await db.Database.MigrateAsync(ct);
        if (db.IsSqlite && pending)
        {
            // Full statistics, not sampled ones (analysis_limit, PRAGMA optimize): a sample says company_id picks a
            // thousand rows when it picks them all, and the planner then walks the wrong index.
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
    }
}
