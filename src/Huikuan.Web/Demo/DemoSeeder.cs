using Huikuan.Domain.Ledger;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Demo;

/// <summary>
/// A small, fixed demo company, posted through the same handlers as the API so that it obeys every
/// rule: salespeople, payment terms, customers, a year of invoices, receipts (some partial, some
/// unapplied, some missing). Seeded with a fixed seed so every demo looks the same.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoSeeder> log)
{
    private static readonly string[] CustomerNames =
    [
        "上海宏达机电有限公司", "北京华信科技股份有限公司", "深圳市鹏程电子有限公司", "杭州西湖软件有限公司", "广州白云物流有限公司",
        "成都天府建材有限公司", "武汉长江医疗器械有限公司", "南京金陵化工有限公司", "苏州工业园区精密制造有限公司", "天津滨海重工有限公司",
        "Harbor Logistics Ltd", "Northwind Trading Co", "Pacific Rim Components", "Evergreen Retail Group", "Summit Engineering GmbH",
        "重庆山城汽车配件有限公司", "青岛海洋食品有限公司", "厦门鹭岛贸易有限公司", "Contoso Electronics", "宁波港联进出口有限公司",
    ];

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
        var company = await sp.GetRequiredService<CompanyHandler>().CreateAsync(new CreateCompany("DEMO", "华东示范贸易有限公司 Demo Trading Co.", "CNY"), ct);
        sp.GetRequiredService<Scope>().Enter(company.Id, "demo");

        var people = new List<SalespersonView>();
        foreach (var (code, name) in new[] { ("S01", "王芳 Wang Fang"), ("S02", "李强 Li Qiang"), ("S03", "陈静 Chen Jing") })
        {
            people.Add(await sp.GetRequiredService<SalespersonHandler>().CreateAsync(new CreateSalesperson(code, name, null), ct));
        }
        var terms = sp.GetRequiredService<PaymentTermHandler>();
        var net30 = await terms.CreateAsync(new CreatePaymentTerm("NET30", "Net 30 days / 30天", [new TermLineDto(100, 30)]), ct);
        var eom60 = await terms.CreateAsync(new CreatePaymentTerm("EOM60", "60 days after month end / 月结60天", [new TermLineDto(100, 60, EndOfMonth: true)]), ct);
        var split = await terms.CreateAsync(new CreatePaymentTerm("30-40-30", "30% on order, 40% at 60 days, 30% at 120 days / 3-4-3分期",
            [new TermLineDto(30, 0), new TermLineDto(40, 60), new TermLineDto(30, 120)]), ct);
        PaymentTermView[] termChoices = [net30, net30, eom60, split];

        var random = new Random(20261123);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var createCustomer = sp.GetRequiredService<CreateCustomerHandler>();
        var issue = sp.GetRequiredService<IssueInvoiceHandler>();
        var record = sp.GetRequiredService<RecordReceiptHandler>();
        for (var c = 0; c < CustomerNames.Length; c++)
        {
            var customer = await createCustomer.HandleAsync(new CreateCustomer($"C{c + 1:D4}", CustomerNames[c], people[c % people.Count].Id,
                termChoices[c % termChoices.Length].Id), ct);
            // Some customers pay on time, some late, one hardly at all.
            var lateness = c % 7 == 3 ? 120 : c % 3 == 0 ? 45 : 10;
            for (var n = 0; n < 12; n++)
            {
                var date = today.AddDays(-random.Next(0, 365));
                var price = Math.Round((decimal)random.Next(500, 80000) + (random.Next(0, 100) / 100m), 2);
                var invoice = await issue.HandleAsync(new IssueInvoice(customer.Id, date,
                    [new InvoiceLineDto("货物销售 Goods", random.Next(1, 20), price, 13m)]), ct);
                var lastDue = invoice.Installments.Max(i => i.DueDate);
                var paidOn = lastDue.AddDays(random.Next(-10, lateness));
                if (paidOn > today || c % 7 == 6 && n % 2 == 0)
                {
                    continue;
                }
                var partial = random.Next(0, 10) == 0;
                var amount = partial ? Math.Round(invoice.Total * 0.6m, 2) : invoice.Total;
                var method = (ReceiptMethod)random.Next(0, 6);
                var draft = method == ReceiptMethod.BankAcceptanceDraft;
                await record.HandleAsync(new RecordReceipt(customer.Id, paidOn, amount, method, PayerReference: $"付款 {invoice.Number}", AutoApply: true,
                    DraftNumber: draft ? $"1{random.NextInt64(100_000_000_000, 999_999_999_999)}" : null, DraftMaturesOn: draft ? paidOn.AddDays(180) : null),
                    null, ct);
            }
        }
        // Money without a reference, left unapplied for the accountant to allocate.
        var first = await db.Customers.AsNoTracking().OrderBy(c => c.Code).FirstAsync(ct);
        await record.HandleAsync(new RecordReceipt(first.Id, today.AddDays(-3), 12000m, ReceiptMethod.WeChatPay, PayerName: "张三"), null, ct);
        log.LogInformation("Demo data loaded.");
    }
}
