using Huikuan.DataGen;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Demo;

/// <summary>
/// The demo company: 200 customers and about 3 000 invoices over two years from the seeded generator
/// (the same one the benchmarks use), ending today, so the aging always looks current. The bulk loader
/// writes a ledger that the check command finds consistent; one receipt is then posted through the
/// handler and left unapplied, for the accountant to allocate.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HuikuanDbContext>();
        if (await db.Companies.AnyAsync(ct))
        {
            return;
        }
        log.LogInformation("Loading demo data…");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var data = Generator.Generate(DataSetSpec.Demo(today));
        var loaded = await new GeneratedDataLoader(db).LoadAsync(data, ct);
        db.ChangeTracker.Clear();

        sp.GetRequiredService<Scope>().Enter(loaded.CompanyId, "demo");
        await sp.GetRequiredService<RecordReceiptHandler>().HandleAsync(
            new RecordReceipt(data.Customers[0].Id, today.AddDays(-3), 12000m, ReceiptMethod.WeChatPay, PayerName: "张三"), null, ct);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Demo data loaded: {Invoices} invoices, {Receipts} receipts in {Seconds:0.0} s.",
                loaded.Invoices, loaded.Receipts, loaded.Elapsed.TotalSeconds);
        }
    }
}
