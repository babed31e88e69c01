using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class DelayCauseStrategyConfiguration : IEntityTypeConfiguration<DelayCauseStrategy>
{
    public void Configure(EntityTypeBuilder<DelayCauseStrategy> b)
    {
        b.ToTable("DelayCauseStrategies");
        b.HasKey(x => new { x.CompanyId, x.Cause });
        b.Property(x => x.Cause).HasMaxLength(32);
        b.Property(x => x.Strategy).HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerDelayCauseConfiguration : IEntityTypeConfiguration<CustomerDelayCause>
{
    public void Configure(EntityTypeBuilder<CustomerDelayCause> b)
    {
        b.ToTable("CustomerDelayCauses");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.Id });
        b.Property(x => x.Cause).HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.SetBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}
