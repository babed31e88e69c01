using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huikuan.Web.Data;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.Number }).IsUnique();
        // The exposure sums a customer's unbilled orders; lists filter by status.
        b.HasIndex(x => new { x.CompanyId, x.CustomerId, x.Currency, x.UnbilledMinor });
        b.HasIndex(x => new { x.CompanyId, x.Status, x.OrderDate });
        // A credit manager's list of orders on hold.
        b.HasIndex(x => new { x.CompanyId, x.OrderDate }).HasDatabaseName("ix_sales_orders_held").HasFilter("held_minor <> 0");
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CustomerReference).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.PendingOverrideReason).HasMaxLength(2000);
        b.Property(x => x.PendingOverrideBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PaymentTermTemplate>().WithMany().HasForeignKey(x => new { x.CompanyId, x.PaymentTermId }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => new { x.CompanyId, x.OrderId }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<Invoice>().WithOne().HasForeignKey(x => new { x.CompanyId, x.SalesOrderId }).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_sales_orders_unbilled", "unbilled_minor >= 0 AND held_minor >= 0"));
    }
}

internal sealed class SalesOrderLineConfiguration : IEntityTypeConfiguration<SalesOrderLine>
{
    public void Configure(EntityTypeBuilder<SalesOrderLine> b)
    {
        b.HasKey(x => new { x.CompanyId, x.OrderId, x.LineNo });
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Quantity).HasPrecision(18, 6);
        b.Property(x => x.UnitPrice).HasPrecision(18, 6);
        b.Property(x => x.TaxRatePercent).HasPrecision(7, 4);
        b.Property(x => x.ReleasedQuantity).HasPrecision(18, 6);
        b.Property(x => x.DeliveredQuantity).HasPrecision(18, 6);
        b.Property(x => x.InvoicedQuantity).HasPrecision(18, 6);
        b.Property(x => x.CancelledQuantity).HasPrecision(18, 6);
    }
}

internal sealed class SalesOrderCheckConfiguration : IEntityTypeConfiguration<SalesOrderCheck>
{
    public void Configure(EntityTypeBuilder<SalesOrderCheck> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.OrderId, x.CheckedAt });
        b.Property(x => x.CheckedBy).HasMaxLength(200);
        b.Property(x => x.Decision).HasMaxLength(8);
        b.Property(x => x.ReasonsJson).HasMaxLength(4000);
        b.HasOne<SalesOrder>().WithMany().HasForeignKey(x => new { x.CompanyId, x.OrderId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SalesOrderReleaseConfiguration : IEntityTypeConfiguration<SalesOrderRelease>
{
    public void Configure(EntityTypeBuilder<SalesOrderRelease> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.OrderId, x.ReleasedAt });
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.ReleasedBy).HasMaxLength(200);
        b.Property(x => x.QuantitiesJson).HasMaxLength(20000);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasOne<SalesOrder>().WithMany().HasForeignKey(x => new { x.CompanyId, x.OrderId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SalesOrderDeliveryConfiguration : IEntityTypeConfiguration<SalesOrderDelivery>
{
    public void Configure(EntityTypeBuilder<SalesOrderDelivery> b)
    {
        b.HasKey(x => new { x.CompanyId, x.Id });
        b.HasIndex(x => new { x.CompanyId, x.OrderId, x.Sequence }).IsUnique();
        // The accountant's list of deliveries still to invoice.
        b.HasIndex(x => new { x.CompanyId, x.DeliveredOn }).HasFilter("invoiced_at IS NULL");
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.InvoicedAt).IsConcurrencyToken();
        b.HasOne<SalesOrder>().WithMany().HasForeignKey(x => new { x.CompanyId, x.OrderId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => new { x.CompanyId, x.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(x => new { x.CompanyId, x.InvoiceId }).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => new { x.CompanyId, x.DeliveryId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SalesOrderDeliveryLineConfiguration : IEntityTypeConfiguration<SalesOrderDeliveryLine>
{
    public void Configure(EntityTypeBuilder<SalesOrderDeliveryLine> b)
    {
        b.HasKey(x => new { x.CompanyId, x.DeliveryId, x.LineNo });
        b.Property(x => x.Quantity).HasPrecision(18, 6);
    }
}
