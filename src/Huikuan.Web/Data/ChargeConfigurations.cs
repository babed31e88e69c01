using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class DunningChargeConfiguration : IEntityTypeConfiguration<DunningCharge>
{
    public void Configure(EntityTypeBuilder<DunningCharge> b)
    {
        b.ToTable("DunningCharges");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.ChargedOn });
        b.HasIndex(x => new { x.CompanyId, x.InstallmentId });
        b.HasIndex(x => new { x.CompanyId, x.CommunicationId });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.Property(x => x.InvoiceNumber).HasMaxLength(64);
        b.Property(x => x.DailyRatePercent).HasPrecision(RatePrecision.Digits, RatePrecision.Decimals);
        b.Property(x => x.YearlyRatePercent).HasPrecision(RatePrecision.Digits, RatePrecision.Decimals);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DunningCommunication>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CommunicationId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChargeWaiverConfiguration : IEntityTypeConfiguration<ChargeWaiver>
{
    public void Configure(EntityTypeBuilder<ChargeWaiver> b)
    {
        b.ToTable("ChargeWaivers");
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.ChargeId });
        b.HasIndex(x => new { x.CompanyId, x.Status });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.HasOne<DunningCharge>().WithMany().HasForeignKey(x => new { x.CompanyId, x.ChargeId }).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Late-interest rates (per day or per year): numeric(12,8) on PostgreSQL; SQLite keeps a decimal as text with all its
/// digits, so the domain refuses more than <see cref="Huikuan.Domain.Terms.LateInterest.RateDecimals"/> decimal places
/// and both databases hold the same rate (0.0273972 and 10.5 alike).
/// </summary>
internal static class RatePrecision
{
    public const int Decimals = Huikuan.Domain.Terms.LateInterest.RateDecimals;
    public const int Digits = Decimals + 4;
}
