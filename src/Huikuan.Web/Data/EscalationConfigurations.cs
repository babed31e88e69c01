using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class EscalationCaseConfiguration : IEntityTypeConfiguration<EscalationCase>
{
    public void Configure(EntityTypeBuilder<EscalationCase> b)
    {
        b.ToTable("EscalationCases");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.Kind, x.Status });
        b.HasIndex(x => new { x.CompanyId, x.Status });
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Owner).HasMaxLength(320);
        b.Property(x => x.Responsible).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Agent).HasMaxLength(200);
        b.Property(x => x.ExternalReference).HasMaxLength(100);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EscalationEventConfiguration : IEntityTypeConfiguration<EscalationEvent>
{
    public void Configure(EntityTypeBuilder<EscalationEvent> b)
    {
        b.ToTable("EscalationEvents");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CaseId, x.At });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.FromStatus).HasMaxLength(16);
        b.Property(x => x.ToStatus).HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.By).HasMaxLength(200);
        b.HasOne<EscalationCase>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CaseId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EscalationDocumentConfiguration : IEntityTypeConfiguration<EscalationDocument>
{
    public void Configure(EntityTypeBuilder<EscalationDocument> b)
    {
        b.ToTable("EscalationDocuments");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CaseId });
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.HasOne<EscalationCase>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CaseId }).OnDelete(DeleteBehavior.Restrict);
    }
}
