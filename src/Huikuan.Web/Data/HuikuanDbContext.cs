using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Data;

/// <summary>
/// The one database context. Every business table's key starts with company_id so that the tables
/// can later be distributed by company (Citus) and every index serves one company's rows.
/// Money columns are 64-bit integers in minor units, which SQLite and PostgreSQL both sum exactly.
/// </summary>
public abstract class HuikuanDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Salesperson> Salespeople => Set<Salesperson>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<PaymentTermTemplate> PaymentTerms => Set<PaymentTermTemplate>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Installment> Installments => Set<Installment>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public abstract bool IsSqlite { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HuikuanDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
