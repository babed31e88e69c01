using Huikuan.DataGen;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Account;
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
public sealed class DemoSeeder(IServiceProvider services, DemoAccounts accounts, IConfiguration configuration, ILogger<DemoSeeder> log)
{
    /// <summary>The demo's password for every role: this is a demonstration, and the sign-in page shows it.</summary>
    public const string Password = "huikuan-demo";

    private static readonly (Role Role, string Email, string Name)[] Users =
    [
        (Role.Admin, "admin@demo.huikuan", "管理员 Admin"),
        (Role.Accountant, "finance@demo.huikuan", "财务 王会计"),
        (Role.Collector, "collector@demo.huikuan", "催收 李专员"),
        (Role.Salesperson, "sales@demo.huikuan", "业务员 张经理"),
        (Role.CreditManager, "credit@demo.huikuan", "信用 赵经理"),
        (Role.Executive, "ceo@demo.huikuan", "总经理 陈总"),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HuikuanDbContext>();
        if (await db.Companies.AnyAsync(ct))
        {
            await ListAccountsAsync(db, ct);
            return;
        }
        log.LogInformation("Loading demo data…");
        // The demo company keeps its books in CNY, so its business day is Shanghai's.
        var clock = sp.GetRequiredService<BusinessClock>();
        var today = clock.TodayIn(CompanyTimeZones.China);
        // Huikuan:DemoSize picks a larger generated company (10k, T1 = 500 000 invoices) to try the pages at scale.
        var size = configuration["Huikuan:DemoSize"] ?? "demo";
        var data = Generator.Generate(DataSetSpec.Named(size, today) with { Name = "demo" });
        var loaded = await new GeneratedDataLoader(db).LoadAsync(data, ct);
        db.ChangeTracker.Clear();

        sp.GetRequiredService<Scope>().Enter(loaded.CompanyId, "demo");
        await sp.GetRequiredService<RecordReceiptHandler>().HandleAsync(
            new RecordReceipt(data.Customers[0].Id, today.AddDays(-3), 12000m, ReceiptMethod.WeChatPay, PayerName: "张三"), null, ct);
        var users = sp.GetRequiredService<UsersHandler>();
        foreach (var (role, email, name) in Users)
        {
            await users.AddAsync(loaded.CompanyId, new CreateUser(email, name, role, role == Role.Salesperson ? data.Salespeople[0].Id : null), Password, mustChange: false, ct);
        }
        await db.SaveChangesAsync(ct);
        await DemoCredit.SeedAsync(db, loaded.CompanyId, today, clock.Now, ct);
        await DemoDunning.SeedAsync(db, loaded.CompanyId, clock.Now, ct);
        await ListAccountsAsync(db, ct);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Demo data loaded: {Invoices} invoices, {Receipts} receipts in {Seconds:0.0} s.",
                loaded.Invoices, loaded.Receipts, loaded.Elapsed.TotalSeconds);
        }
    }

    private async Task ListAccountsAsync(HuikuanDbContext db, CancellationToken ct)
    {
        var emails = Users.Select(u => UsersHandler.Normalize(u.Email)).ToList();
        var present = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail)).Select(u => u.NormalizedEmail).ToListAsync(ct);
        accounts.Accounts.Clear();
        accounts.Accounts.AddRange(Users.Where(u => present.Contains(UsersHandler.Normalize(u.Email))).Select(u => new DemoAccount(u.Email, Password, u.Role.ToString())));
    }
}
