using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        // A file's account is looked up by this key; one account number once per company.
        b.HasIndex(x => new { x.CompanyId, x.AccountKey }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.BankName).HasMaxLength(100);
        b.Property(x => x.AccountNumber).HasMaxLength(100);
        b.Property(x => x.AccountKey).HasMaxLength(100);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.TablePreset).HasMaxLength(50);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_bank_accounts_threshold", "auto_apply_threshold BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_bank_accounts_tolerance", "tolerance_minor >= 0 AND tolerance_basis_points BETWEEN 0 AND 10000");
        });
    }
}

internal sealed class BankStatementConfiguration : IEntityTypeConfiguration<BankStatement>
{
    public void Configure(EntityTypeBuilder<BankStatement> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.BankAccountId, x.PeriodTo });
        b.HasIndex(x => new { x.CompanyId, x.ImportedAt });
        b.Property(x => x.Format).HasMaxLength(16);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StatementId).HasMaxLength(200);
        b.Property(x => x.SequenceNumber).HasMaxLength(50);
        b.Property(x => x.FileAccount).HasMaxLength(200);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.ImportedBy).HasMaxLength(200);
        b.HasOne<BankAccount>().WithMany().HasForeignKey(x => new { x.CompanyId, x.BankAccountId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BankStatementLineConfiguration : IEntityTypeConfiguration<BankStatementLine>
{
    public void Configure(EntityTypeBuilder<BankStatementLine> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        // "Never twice": the database holds it too, when two people import the same file at once.
        b.HasIndex(x => new { x.CompanyId, x.BankAccountId, x.IdentityKey }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.StatementId, x.Status });
        b.HasIndex(x => new { x.CompanyId, x.BankAccountId, x.BookingDate });
        b.HasIndex(x => new { x.CompanyId, x.BankReference });
        b.Property(x => x.IdentityKey).HasMaxLength(300);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.BankReference).HasMaxLength(200);
        b.Property(x => x.CustomerReference).HasMaxLength(200);
        b.Property(x => x.EndToEndId).HasMaxLength(200);
        b.Property(x => x.TransactionCode).HasMaxLength(100);
        b.Property(x => x.CounterpartyName).HasMaxLength(500);
        b.Property(x => x.CounterpartyAccount).HasMaxLength(200);
        b.Property(x => x.CounterpartyBank).HasMaxLength(200);
        b.Property(x => x.StructuredReference).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<BankStatement>().WithMany().HasForeignKey(x => new { x.CompanyId, x.StatementId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BankAccount>().WithMany().HasForeignKey(x => new { x.CompanyId, x.BankAccountId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.MatchedCustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Receipt>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ReceiptId }).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_bank_statement_lines_confidence", "confidence IS NULL OR confidence BETWEEN 0 AND 100"));
    }
}
