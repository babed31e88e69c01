using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class NoteReceivableConfiguration : IEntityTypeConfiguration<NoteReceivable>
{
    public void Configure(EntityTypeBuilder<NoteReceivable> b)
    {
        b.ToTable("NotesReceivable");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.ReceiptId }).IsUnique();
        // One draft is received once; a note voided with its mistaken receipt leaves the number free.
        b.HasIndex(x => new { x.CompanyId, x.Kind, x.Number }).IsUnique().HasFilter("voided_on IS NULL");
        b.HasIndex(x => new { x.CompanyId, x.Status, x.MaturesOn });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.AcceptorName).HasMaxLength(200);
        b.Property(x => x.DrawerName).HasMaxLength(200);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Receipt>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ReceiptId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Receipt>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ReversalReceiptId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_notes_receivable_face_positive", "face_minor > 0"));
    }
}

internal sealed class NoteReceivableEventConfiguration : IEntityTypeConfiguration<NoteReceivableEvent>
{
    public void Configure(EntityTypeBuilder<NoteReceivableEvent> b)
    {
        b.ToTable("NoteReceivableEvents");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.NoteId, x.At });
        b.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Endorsee).HasMaxLength(200);
        b.Property(x => x.Bank).HasMaxLength(200);
        b.Property(x => x.By).HasMaxLength(200);
        b.HasOne<NoteReceivable>().WithMany().HasForeignKey(x => new { x.CompanyId, x.NoteId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Receipt>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ReversalReceiptId }).OnDelete(DeleteBehavior.Restrict);
    }
}
