using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class DunningSettingsConfiguration : IEntityTypeConfiguration<DunningSettings>
{
    public void Configure(EntityTypeBuilder<DunningSettings> b)
    {
        b.ToTable("DunningSettings");
        b.HasKey(x => x.CompanyId);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.InterestDailyRatePercent).HasPrecision(RatePrecision.Digits, RatePrecision.Decimals);
        b.Property(x => x.InterestYearlyRatePercent).HasPrecision(RatePrecision.Digits, RatePrecision.Decimals);
        b.Property(x => x.PaymentInstructions).HasMaxLength(2000);
        b.Property(x => x.ReminderDaysBefore).HasMaxLength(40);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class DunningLevelRowConfiguration : IEntityTypeConfiguration<DunningLevelRow>
{
    public void Configure(EntityTypeBuilder<DunningLevelRow> b)
    {
        b.ToTable("DunningLevels");
        b.HasKey(x => new { x.CompanyId, x.Number });
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Grades).HasMaxLength(20);
        b.Property(x => x.Responsible).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Escalation).HasMaxLength(20);
    }
}

internal sealed class MessageTemplateRowConfiguration : IEntityTypeConfiguration<MessageTemplateRow>
{
    public void Configure(EntityTypeBuilder<MessageTemplateRow> b)
    {
        b.ToTable("MessageTemplates");
        b.HasKey(x => new { x.CompanyId, x.Purpose, x.Language });
        b.Property(x => x.Purpose).HasMaxLength(40);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.Property(x => x.Sms).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class DunningRunConfiguration : IEntityTypeConfiguration<DunningRun>
{
    public void Configure(EntityTypeBuilder<DunningRun> b)
    {
        b.ToTable("DunningRuns");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.RunDay });
        b.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StartedBy).HasMaxLength(200);
        b.Property(x => x.Error).HasMaxLength(2000);
    }
}

internal sealed class DunningCommunicationConfiguration : IEntityTypeConfiguration<DunningCommunication>
{
    public void Configure(EntityTypeBuilder<DunningCommunication> b)
    {
        b.ToTable("DunningCommunications");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.RunDay });
        b.HasIndex(x => new { x.CompanyId, x.RunId });
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Recipient).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(16000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DunningCommunicationItemConfiguration : IEntityTypeConfiguration<DunningCommunicationItem>
{
    public void Configure(EntityTypeBuilder<DunningCommunicationItem> b)
    {
        b.ToTable("DunningCommunicationItems");
        b.HasKey(x => new { x.CompanyId, x.CommunicationId, x.InstallmentId });
        b.Property(x => x.InvoiceNumber).HasMaxLength(40);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasOne<DunningCommunication>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CommunicationId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DunningLetterConfiguration : IEntityTypeConfiguration<DunningLetter>
{
    public void Configure(EntityTypeBuilder<DunningLetter> b)
    {
        b.ToTable("DunningLetters");
        b.HasKey(x => new { x.CompanyId, x.CommunicationId });
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasOne<DunningCommunication>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CommunicationId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerDunningStateConfiguration : IEntityTypeConfiguration<CustomerDunningState>
{
    public void Configure(EntityTypeBuilder<CustomerDunningState> b)
    {
        b.ToTable("CustomerDunningStates");
        b.HasKey(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DunningBlockConfiguration : IEntityTypeConfiguration<DunningBlock>
{
    public void Configure(EntityTypeBuilder<DunningBlock> b)
    {
        b.ToTable("DunningBlocks");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.BlockedBy).HasMaxLength(200);
        b.Property(x => x.ReleasedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectionTaskConfiguration : IEntityTypeConfiguration<CollectionTask>
{
    public void Configure(EntityTypeBuilder<CollectionTask> b)
    {
        b.ToTable("CollectionTasks");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Status, x.DueOn });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Responsible).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.DoneBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
    }
}
