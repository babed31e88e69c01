using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class CustomerAliasConfiguration : IEntityTypeConfiguration<CustomerAlias>
{
    public void Configure(EntityTypeBuilder<CustomerAlias> b)
    {
        b.ToTable("CustomerAliases");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.NameKey }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.NameKey });
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.NameKey).HasMaxLength(300);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PayerAccountConfiguration : IEntityTypeConfiguration<PayerAccount>
{
    public void Configure(EntityTypeBuilder<PayerAccount> b)
    {
        b.ToTable("PayerAccounts");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.AccountKey }).IsUnique();
        // The matching loads the rows of the accounts a statement names.
        b.HasIndex(x => new { x.CompanyId, x.AccountKey });
        b.Property(x => x.Account).HasMaxLength(64);
        b.Property(x => x.AccountKey).HasMaxLength(64);
        b.Property(x => x.AccountName).HasMaxLength(300);
        b.Property(x => x.Bank).HasMaxLength(200);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.BlockedReason).HasMaxLength(500);
        b.Property(x => x.BlockedBy).HasMaxLength(200);
        b.Property(x => x.AddedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Cascade);
    }
}
