using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.BaseCurrency).HasMaxLength(3);
        b.Property(x => x.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
        b.Property(x => x.WriteOffSingleApprovalLimitMinor).HasDefaultValue(Huikuan.Domain.Ledger.WriteOffRules.DefaultSingleApprovalLimitMinor);
    }
}

internal sealed class SalespersonConfiguration : IEntityTypeConfiguration<Salesperson>
{
    public void Configure(EntityTypeBuilder<Salesperson> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.Name });
        b.HasIndex(x => new { x.CompanyId, x.SalespersonId });
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.TaxId).HasMaxLength(64);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Phone).HasMaxLength(64);
        b.Property(x => x.Region).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.CompanyId, x.CollectorId });
        b.HasOne<User>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CollectorId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Salesperson>().WithMany().HasForeignKey(x => new { x.CompanyId, x.SalespersonId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PaymentTermTemplate>().WithMany().HasForeignKey(x => new { x.CompanyId, x.PaymentTermId }).OnDelete(DeleteBehavior.Restrict);
        // The parent is a customer of the same company: the key pairs the company with the parent's id.
        b.HasIndex(x => new { x.CompanyId, x.ParentId });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ParentId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentTermConfiguration : IEntityTypeConfiguration<PaymentTermTemplate>
{
    public void Configure(EntityTypeBuilder<PaymentTermTemplate> b)
    {
        b.ToTable("PaymentTerms");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => new { x.CompanyId, x.PaymentTermId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentTermLineConfiguration : IEntityTypeConfiguration<PaymentTermTemplateLine>
{
    public void Configure(EntityTypeBuilder<PaymentTermTemplateLine> b)
    {
        b.ToTable("PaymentTermLines");
        b.HasKey(x => new { x.CompanyId, x.PaymentTermId, x.Sequence });
        b.Property(x => x.Percent).HasPrecision(9, 6);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Name });
        b.Property(x => x.Name).HasMaxLength(16);
    }
}

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Key });
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Operation).HasMaxLength(64);
        b.Property(x => x.RequestHash).HasMaxLength(64);
    }
}
