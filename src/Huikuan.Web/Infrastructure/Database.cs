using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Picks the database from configuration: Database:Provider = Sqlite (default, a file next to the
/// app) or Postgres, with ConnectionStrings:Huikuan. Each provider has its own migrations.
/// </summary>
public static class Database
{
    public static IServiceCollection AddHuikuanDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        services.TryAddScoped<Scope>();
        services.AddScoped<AuditInterceptor>();
        var connectionString = configuration.GetConnectionString("Huikuan");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Huikuan is empty.");
            }
            services.AddDbContext<PostgresHuikuanDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<HuikuanDbContext>(sp => sp.GetRequiredService<PostgresHuikuanDbContext>());
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString ??= "Data Source=huikuan.db";
            services.AddDbContext<SqliteHuikuanDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<HuikuanDbContext>(sp => sp.GetRequiredService<SqliteHuikuanDbContext>());
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or Postgres.");
        }
        return services;
    }

    /// <summary>Creates or upgrades the schema. SQLite is switched to WAL so readers never wait for the writer.</summary>
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
        await db.Database.MigrateAsync(ct);
    }
}
