using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Demo;

/// <summary>
/// Credit limits for the demo's customers, so the credit pages are not empty: about two and a half months of what each
/// bought in the last six months (at least a fifth above what they owe now), rounded up to 10 000; every tenth customer with something open gets a limit below
/// what they owe now, so the desk lists a few over their limit. Grades are left to the first scoring (a re-score or the
/// daily run grades a customer never graded). Two grouped queries and one insert per customer.
/// </summary>
internal static class DemoCredit
{
    public static async Task SeedAsync(HuikuanDbContext db, Guid company, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var from = today.AddMonths(-6);
        var sales = await db.Invoices.AsNoTracking()
            .Where(n => n.CompanyId == company && n.Kind == DocumentKind.Invoice && n.InvoiceDate > from)
            .GroupBy(n => new { n.CustomerId, n.Currency }).Select(g => new { g.Key.CustomerId, g.Key.Currency, Total = g.Sum(n => n.TotalMinor) })
            .ToListAsync(ct);
        var bySales = sales.ToDictionary(s => (s.CustomerId, s.Currency), s => s.Total);
        var open = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && i.OpenMinor != 0)
            .GroupBy(i => i.CustomerId).Select(g => new { CustomerId = g.Key, Open = g.Sum(i => i.OpenMinor) })
            .ToDictionaryAsync(x => x.CustomerId, x => x.Open, ct);
        var customers = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company).OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Currency }).ToListAsync(ct);
        const long Step = 1_000_000;   // 10 000.00 in minor units of a two-decimal currency
        for (var k = 0; k < customers.Count; k++)
        {
            var c = customers[k];
            var bought = bySales.GetValueOrDefault((c.Id, c.Currency));
            var owed = open.GetValueOrDefault(c.Id);
            // At least a fifth above what they owe now, so only the chosen few are over their limit.
            var limit = (Math.Max(bought * 5 / 12, owed * 6 / 5) + Step - 1) / Step * Step;
            if (k % 10 == 3 && owed > Step)
            {
                limit = owed * 8 / 10 / Step * Step;
            }
            db.CustomerCredit.Add(new CustomerCredit
            {
                CompanyId = company, CustomerId = c.Id, Currency = c.Currency, LimitMinor = Math.Max(limit, Step), UpdatedAt = now, UpdatedBy = "demo",
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
