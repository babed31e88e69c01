using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => x.NormalizedEmail).IsUnique();
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.NormalizedEmail).HasMaxLength(320);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.PasswordHash).HasMaxLength(400);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.Property(x => x.PreferredCulture).HasMaxLength(16);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Salesperson>().WithMany().HasForeignKey(x => new { x.CompanyId, x.SalespersonId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.UserId });
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Prefix).HasMaxLength(32);
        b.Property(x => x.SecretHash).HasMaxLength(128);
        b.HasOne<User>().WithMany().HasForeignKey(x => new { x.CompanyId, x.UserId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.HasKey(x => new { x.CompanyId, x.UserId, x.Source });
        b.Property(x => x.Source).HasMaxLength(64);
        b.HasOne<User>().WithMany().HasForeignKey(x => new { x.CompanyId, x.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.At });
        b.HasIndex(x => new { x.CompanyId, x.Entity, x.EntityId });
        b.Property(x => x.Actor).HasMaxLength(320);
        b.Property(x => x.RemoteAddress).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(200);
    }
}
