using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class PaymentPromiseConfiguration : IEntityTypeConfiguration<PaymentPromise>
{
    public void Configure(EntityTypeBuilder<PaymentPromise> b)
    {
        b.ToTable("PaymentPromises");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.PromisedOn });
        b.HasIndex(x => new { x.CompanyId, x.Status, x.PromisedOn });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectionActivityConfiguration : IEntityTypeConfiguration<CollectionActivity>
{
    public void Configure(EntityTypeBuilder<CollectionActivity> b)
    {
        b.ToTable("CollectionActivities");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.OccurredOn });
        b.HasIndex(x => new { x.CompanyId, x.UserId, x.OccurredOn });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.NextStep).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PaymentPromise>().WithMany().HasForeignKey(x => new { x.CompanyId, x.PromiseId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorklistRuleConfiguration : IEntityTypeConfiguration<WorklistRule>
{
    public void Configure(EntityTypeBuilder<WorklistRule> b)
    {
        b.ToTable("WorklistRules");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorklistSnoozeConfiguration : IEntityTypeConfiguration<WorklistSnooze>
{
    public void Configure(EntityTypeBuilder<WorklistSnooze> b)
    {
        b.ToTable("WorklistSnoozes");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Until });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.EndedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectorAssignmentConfiguration : IEntityTypeConfiguration<CollectorAssignment>
{
    public void Configure(EntityTypeBuilder<CollectorAssignment> b)
    {
        b.ToTable("CollectorAssignments");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.Property(x => x.Region).HasMaxLength(100);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<User>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CollectorId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Salesperson>().WithMany().HasForeignKey(x => new { x.CompanyId, x.SalespersonId }).OnDelete(DeleteBehavior.Restrict);
    }
}
