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
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}
