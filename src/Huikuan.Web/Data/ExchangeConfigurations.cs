using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        // One rate per currency and day; "the rate for a date" walks this index backwards from the date.
        b.HasIndex(x => new { x.CompanyId, x.Currency, x.Day }).IsUnique();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_exchange_rates_positive", "rate_scaled > 0"));
    }
}

internal sealed class ExchangeDifferenceConfiguration : IEntityTypeConfiguration<ExchangeDifference>
{
    public void Configure(EntityTypeBuilder<ExchangeDifference> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.AllocationId }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.On });
        b.HasIndex(x => new { x.CompanyId, x.ReceiptId });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasOne<Allocation>().WithMany().HasForeignKey(x => new { x.CompanyId, x.AllocationId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExchangeApprovalConfiguration : IEntityTypeConfiguration<ExchangeApproval>
{
    public void Configure(EntityTypeBuilder<ExchangeApproval> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Status });
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.RejectionReason).HasMaxLength(500);
        b.HasOne<Installment>().WithMany().HasForeignKey(x => new { x.CompanyId, x.InstallmentId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Receipt>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ReceiptId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Allocation>().WithMany().HasForeignKey(x => new { x.CompanyId, x.AllocationId }).OnDelete(DeleteBehavior.Restrict);
    }
}
