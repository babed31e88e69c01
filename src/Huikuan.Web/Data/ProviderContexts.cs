using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Huikuan.Web.Data;

/// <summary>The SQLite flavour; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteHuikuanDbContext(DbContextOptions<SqliteHuikuanDbContext> options, Scope? scope = null) : HuikuanDbContext(options, scope)
{
    public override bool IsSqlite => true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no instant type; binary ticks keep instants sortable and comparable in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresHuikuanDbContext(DbContextOptions<PostgresHuikuanDbContext> options, Scope? scope = null) : HuikuanDbContext(options, scope)
{
    public override bool IsSqlite => false;
}

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteHuikuanDbContext>
{
    public SqliteHuikuanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHuikuanDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresHuikuanDbContext>
{
    public PostgresHuikuanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHuikuanDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
