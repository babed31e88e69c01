using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class CustomerCreditConfiguration : IEntityTypeConfiguration<CustomerCredit>
{
    public void Configure(EntityTypeBuilder<CustomerCredit> b)
    {
        b.ToTable("CustomerCredit");
        b.HasKey(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Grade).HasMaxLength(1);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.ManualRatingSource).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerPaymentHabitConfiguration : IEntityTypeConfiguration<CustomerPaymentHabit>
{
    public void Configure(EntityTypeBuilder<CustomerPaymentHabit> b)
    {
        b.ToTable("CustomerPaymentHabits");
        b.HasKey(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.AverageDaysLate).HasPrecision(9, 2);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditLimitRequestConfiguration : IEntityTypeConfiguration<CreditLimitRequest>
{
    public void Configure(EntityTypeBuilder<CreditLimitRequest> b)
    {
        b.ToTable("CreditLimitRequests");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
        b.HasIndex(x => new { x.CompanyId, x.Status, x.RequestedAt });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.RequestedAt });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditGradePolicyConfiguration : IEntityTypeConfiguration<CreditGradePolicyRow>
{
    public void Configure(EntityTypeBuilder<CreditGradePolicyRow> b)
    {
        b.ToTable("CreditGradePolicies");
        b.HasKey(x => new { x.CompanyId, x.Grade });
        b.Property(x => x.Grade).HasMaxLength(1);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class CreditScoreSnapshotConfiguration : IEntityTypeConfiguration<CreditScoreSnapshot>
{
    public void Configure(EntityTypeBuilder<CreditScoreSnapshot> b)
    {
        b.ToTable("CreditScoreSnapshots");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.Property(x => x.Grade).HasMaxLength(1);
        b.Property(x => x.Trigger).HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        // At most one per customer and day: the daily job and a re-score on the same day update the one row.
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.AsOf }).IsUnique();
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditReviewConfiguration : IEntityTypeConfiguration<CreditReview>
{
    public void Configure(EntityTypeBuilder<CreditReview> b)
    {
        b.ToTable("CreditReviews");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.Property(x => x.Trigger).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Assignee).HasMaxLength(200);
        b.Property(x => x.OpenedBy).HasMaxLength(200);
        b.Property(x => x.CompletedBy).HasMaxLength(200);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.OutcomeGrade).HasMaxLength(1);
        b.Property(x => x.Note).HasMaxLength(2000);
        // Never two open tasks for one customer and trigger, even when two scans race (same SQL on both databases).
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.Trigger }).IsUnique().HasFilter("status <> 'Done'")
            .HasDatabaseName("ix_credit_reviews_open");
        b.HasIndex(x => new { x.CompanyId, x.Status, x.DueOn });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditScoreWeightsConfiguration : IEntityTypeConfiguration<CreditScoreWeightsRow>
{
    public void Configure(EntityTypeBuilder<CreditScoreWeightsRow> b)
    {
        b.ToTable("CreditScoreWeights");
        b.HasKey(x => x.CompanyId);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
