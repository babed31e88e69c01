using Huikuan.Domain.Dunning;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Demo;

/// <summary>
/// The demo company's dunning policy: the seeds' five levels, with late interest of 0.05 % a day after 5 grace days
/// (the usual contract clause) and a dunning fee from the firm notice on, so a run shows interest and fees on the
/// customers' pages; payment instructions for the letters.
/// </summary>
internal static class DemoDunning
{
    private static readonly long[] FeesMajor = [0, 50, 100, 200, 500];
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
                CompanyId = company, Number = i + 1, Code = l.Code, MinDaysOverdue = l.MinDaysOverdue, MinOverdueMinor = l.MinOverdueMinor,
                Grades = "", Channels = (int)l.Channels, FeeMinor = FeesMajor[i] * scale, PutsOnCreditHold = l.PutsOnCreditHold,
                Responsible = l.Responsible, Escalation = Escalations[i],
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
