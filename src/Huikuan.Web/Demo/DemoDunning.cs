using Huikuan.Domain.Dunning;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Demo;

/// <summary>
/// The demo company's dunning policy: the seeds' five levels, with late interest of 0.05 % a day after 5 grace days
/// (the usual contract clause) and a dunning fee from the firm notice on, so a run shows interest and fees on the
/// customers' pages; payment instructions for the letters. Each customer gets a finance contact with an e-mail
/// address and a mobile number on reserved example domains and numbers, so dunning has someone to write to; customers
/// billed in a foreign currency read English, every fifth customer prefers SMS.
/// </summary>
internal static class DemoDunning
{
    private static readonly long[] FeesMajor = [0, 50, 100, 200, 500];

    // A final demand, a hold and a lawyer are for debts worth them: a 100.00 fee does not go on a 95.00 debt.
    private static readonly long[] MinOverdueMajor = [0, 0, 500, 2_000, 10_000];
    private static readonly string?[] Escalations = [null, null, null, "Management", "Legal"];

    public static async Task SeedAsync(HuikuanDbContext db, Guid company, DateTimeOffset now, CancellationToken ct)
    {
        var currency = await db.Companies.AsNoTracking().Where(c => c.Id == company).Select(c => c.BaseCurrency).SingleAsync(ct);
        var scale = Domain.Money.Currency.Of(currency).ToMinor(1m);
        db.DunningSettings.Add(new DunningSettings
        {
            CompanyId = company, Currency = currency, InterestDailyRatePercent = 0.05m, InterestGraceDays = 5, PayByDays = 7,
            PaymentInstructions = "开户行：招商银行上海分行　户名：示范贸易有限公司　账号：6225 8801 2345 6789",
            ReminderDaysBefore = "7,1", PaymentNotices = true, Reminders = true, UpdatedAt = now, UpdatedBy = "demo",
        });
        var levels = DunningPolicy.Default(currency).Levels;
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            db.DunningLevels.Add(new DunningLevelRow
            {
                CompanyId = company, Number = i + 1, Code = l.Code, MinDaysOverdue = l.MinDaysOverdue, MinOverdueMinor = Math.Max(l.MinOverdueMinor, MinOverdueMajor[i] * scale),
                Grades = "", Channels = (int)l.Channels, FeeMinor = FeesMajor[i] * scale, PutsOnCreditHold = l.PutsOnCreditHold,
                Responsible = l.Responsible, Escalation = Escalations[i],
            });
        }
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company).OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Currency }).ToListAsync(ct);
        for (var k = 0; k < customers.Count; k++)
        {
            var c = customers[k];
            db.CustomerContacts.Add(new CustomerContact
            {
                CompanyId = company, CustomerId = c.Id, Id = Infrastructure.Ids.New(), Name = Surnames[k % Surnames.Length] + (k % 2 == 0 ? "会计" : "经理"),
                JobTitle = "财务", Email = "finance@" + c.Code.ToLowerInvariant() + ".example.cn",
                Mobile = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1380000{k % 10_000:D4}"),
                Language = c.Currency == currency ? "zh-CN" : "en", Channel = k % 5 == 4 ? "sms" : "email", Roles = "finance", PrimaryFor = "finance",
                UpdatedAt = now, UpdatedBy = "demo",
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
}
