using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.SignedOn });
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.BillingMode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.InterestDailyRatePercent).HasPrecision(RatePrecision.Digits, RatePrecision.Decimals);
        b.Property(x => x.InterestYearlyRatePercent).HasPrecision(RatePrecision.Digits, RatePrecision.Decimals);
        b.Property(x => x.DiscountPercent).HasPrecision(7, 4);
        b.Property(x => x.AcceptedMethods).HasMaxLength(300);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        // Invoices raised from a contract carry its clauses (the FK is declared here to keep the ledger's configuration as it is).
        b.HasMany<Invoice>().WithOne().HasForeignKey(x => new { x.CompanyId, x.ContractId }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Stages).WithOne().HasForeignKey(x => new { x.CompanyId, x.ContractId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractStageConfiguration : IEntityTypeConfiguration<ContractStage>
{
    public void Configure(EntityTypeBuilder<ContractStage> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.ContractId, x.Sequence }).IsUnique();
        // Reached but unbilled stages: the billing requests, the unbilled list and the customer's exposure.
        b.HasIndex(x => new { x.CompanyId, x.CustomerId }).HasDatabaseName("ix_contract_stages_unbilled")
            .HasFilter("reached_on IS NOT NULL AND invoice_id IS NULL");
        // A stage is invoiced once.
        b.HasIndex(x => new { x.CompanyId, x.InvoiceId }).IsUnique().HasFilter("invoice_id IS NOT NULL");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Percent).HasPrecision(9, 4);
        b.Property(x => x.ReachedBy).HasMaxLength(200);
        b.Property(x => x.Evidence).HasMaxLength(2000);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(x => new { x.CompanyId, x.InvoiceId }).OnDelete(DeleteBehavior.Restrict);
    }
}
