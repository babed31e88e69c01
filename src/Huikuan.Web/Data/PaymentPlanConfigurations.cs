using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class PaymentPlanConfiguration : IEntityTypeConfiguration<PaymentPlan>
{
    public void Configure(EntityTypeBuilder<PaymentPlan> b)
    {
        b.ToTable("PaymentPlans");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId });
        b.HasIndex(x => new { x.CompanyId, x.Status });
        // At most one plan proposed or running per customer and currency, even when two people propose at once.
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.Currency }).IsUnique().HasFilter("status IN ('Proposed', 'Running')")
            .HasDatabaseName("ix_payment_plans_live");
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.CancelNote).HasMaxLength(1000);
        b.Property(x => x.ProposedBy).HasMaxLength(200);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.CancelledBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentPlanLineConfiguration : IEntityTypeConfiguration<PaymentPlanLineRow>
{
    public void Configure(EntityTypeBuilder<PaymentPlanLineRow> b)
    {
        b.ToTable("PaymentPlanLines");
        b.HasKey(x => new { x.CompanyId, x.PlanId, x.LineNo });
        b.HasOne<PaymentPlan>().WithMany().HasForeignKey(x => new { x.CompanyId, x.PlanId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentPlanItemConfiguration : IEntityTypeConfiguration<PaymentPlanItem>
{
    public void Configure(EntityTypeBuilder<PaymentPlanItem> b)
    {
        b.ToTable("PaymentPlanItems");
        b.HasKey(x => new { x.CompanyId, x.PlanId, x.InstallmentId });
        b.HasIndex(x => new { x.CompanyId, x.InstallmentId });
        b.HasOne<PaymentPlan>().WithMany().HasForeignKey(x => new { x.CompanyId, x.PlanId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Installment>().WithMany().HasForeignKey(x => new { x.CompanyId, x.InstallmentId }).OnDelete(DeleteBehavior.Restrict);
    }
}
