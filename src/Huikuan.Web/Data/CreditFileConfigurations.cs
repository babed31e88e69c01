using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> b)
    {
        b.ToTable("CustomerContacts");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.Id });
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.JobTitle).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(64);
        b.Property(x => x.Mobile).HasMaxLength(64);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.WeChat).HasMaxLength(100);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Roles).HasMaxLength(64);
        b.Property(x => x.PrimaryFor).HasMaxLength(64);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerProfileConfiguration : IEntityTypeConfiguration<CustomerProfile>
{
    public void Configure(EntityTypeBuilder<CustomerProfile> b)
    {
        b.ToTable("CustomerProfiles");
        b.HasKey(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.LegalName).HasMaxLength(300);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.LegalRepresentative).HasMaxLength(200);
        b.Property(x => x.CapitalCurrency).HasMaxLength(3);
        b.Property(x => x.Industry).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.BankName).HasMaxLength(200);
        b.Property(x => x.BankAccount).HasMaxLength(64);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerFinancialsConfiguration : IEntityTypeConfiguration<CustomerFinancials>
{
    public void Configure(EntityTypeBuilder<CustomerFinancials> b)
    {
        b.ToTable("CustomerFinancials");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.FiscalYear });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExternalRatingConfiguration : IEntityTypeConfiguration<ExternalRating>
{
    public void Configure(EntityTypeBuilder<ExternalRating> b)
    {
        b.ToTable("ExternalRatings");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.Id });
        b.Property(x => x.Agency).HasMaxLength(200);
        b.Property(x => x.Rating).HasMaxLength(32);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditDocumentConfiguration : IEntityTypeConfiguration<CreditDocument>
{
    public void Configure(EntityTypeBuilder<CreditDocument> b)
    {
        b.ToTable("CreditDocuments");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.Id });
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditDocumentContentConfiguration : IEntityTypeConfiguration<CreditDocumentContent>
{
    public void Configure(EntityTypeBuilder<CreditDocumentContent> b)
    {
        b.ToTable("CreditDocumentContents");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.DocumentId });
        b.HasOne<CreditDocument>().WithOne().HasForeignKey<CreditDocumentContent>(x => new { x.CompanyId, x.CustomerId, x.DocumentId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.ToTable("Disputes");
        b.HasKey(x => new { x.CompanyId, x.CustomerId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Status, x.OpenedAt });
        b.HasIndex(x => new { x.CompanyId, x.InvoiceId });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.ResolutionKind).HasMaxLength(16);
        b.Property(x => x.InvoiceNumber).HasMaxLength(64);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Reason).HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Resolution).HasMaxLength(2000);
        b.Property(x => x.OpenedBy).HasMaxLength(200);
        b.Property(x => x.ResolvedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(x => new { x.CompanyId, x.InvoiceId }).OnDelete(DeleteBehavior.Restrict);
    }
}
