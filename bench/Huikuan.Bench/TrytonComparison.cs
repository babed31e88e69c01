using System.Diagnostics;
using Huikuan.Domain.Aging;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Ledger;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Huikuan.Bench.Timing;

namespace Huikuan.Bench;

/// <summary>
/// Runs the Tryton peer's workload through Huikuan's handlers (one use case, one transaction per
/// document, as the API would) and compares the aged balance customer by customer with Tryton's, then runs the dunning
/// with Tryton's thresholds and compares who is dunned for which items with Tryton's dunnings.
/// </summary>
internal static class TrytonComparison
{
    public static async Task<int> RunAsync(BenchOptions options, BenchDatabase database, string csv, CancellationToken ct)
    {
        var tryton = TrytonData.Read(csv);
        var clock = new FixedClock(tryton.AsOf);
        await using var services = GeneratedDataHost.Build(database.Provider, database.ConnectionString, clock);
        await Database.MigrateAsync(services, ct);
        Console.WriteLine($"Tryton data set N={tryton.N}: {N(tryton.Invoices.Count)} invoices, as of {tryton.AsOf:yyyy-MM-dd}; Huikuan on {database.Provider}");

        Guid company;
        await using (var scope = services.CreateAsyncScope())
        {
            company = (await scope.ServiceProvider.GetRequiredService<CompanyHandler>()
                .SetUpAsync(new CreateCompany($"TRYTON-{tryton.N}", $"Tryton comparison N={tryton.N}", "USD"), $"admin@tryton-{tryton.N}.bench", "Admin", ct)).Company.Id;
        }
        async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Scope>().Enter(company, "tryton-compare");
            return await work(scope.ServiceProvider);
        }

        var customers = new Dictionary<string, Guid>();
        foreach (var c in tryton.Invoices.Select(i => (i.CustomerCode, i.CustomerName)).Distinct().Order())
        {
            customers[c.CustomerCode] = await InScope(async sp =>
                (await sp.GetRequiredService<CreateCustomerHandler>().HandleAsync(new CreateCustomer(c.CustomerCode, c.CustomerName), ct)).Id);
        }

        var watch = Stopwatch.StartNew();
        foreach (var i in tryton.Invoices.OrderBy(i => i.InvoiceDate).ThenBy(i => i.Ref, StringComparer.Ordinal))
        {
            await InScope(sp => sp.GetRequiredService<IssueInvoiceHandler>().HandleAsync(new IssueInvoice(customers[i.CustomerCode], i.InvoiceDate,
                [new InvoiceLineDto("Revenue", 1, i.Amount)], Number: i.Ref, Installments: [new InstallmentDto(i.DueDate, i.Amount)]), ct));
        }
        var invoiceSeconds = watch.Elapsed.TotalSeconds;

        var payments = tryton.Invoices.Where(i => i.PaidOn is not null).OrderBy(i => i.PaidOn).ThenBy(i => i.Ref, StringComparer.Ordinal).ToList();
        watch.Restart();
        foreach (var p in payments)
        {
            await InScope(sp => sp.GetRequiredService<RecordReceiptHandler>().HandleAsync(
                new RecordReceipt(customers[p.CustomerCode], p.PaidOn!.Value, p.Paid, PayerReference: p.Ref, AutoApply: true), null, ct));
        }
        var paymentSeconds = watch.Elapsed.TotalSeconds;

        var check = await InScope(sp => sp.GetRequiredService<LedgerCheckHandler>().HandleAsync(company, ct));
        var buckets = AgingBuckets.Parse("30,60,90");
        var aging = await MeasureAsync(options.Runs, () => InScope(sp => sp.GetRequiredService<AgingReportHandler>()
            .AmountsByCustomerAsync(company, "USD", tryton.AsOf, buckets, AgingBasis.DueDate, ct)));

        // Tryton's procedure: levels at 15, 30 and 60 days overdue, no minimum amount, no fee; pre-due reminders off.
        await InScope(sp => sp.GetRequiredService<DunningPoliciesHandler>().SaveAsync(new SaveDunningPolicy(null, 0, 7, null, [3], false, false,
        [
            new DunningLevelView("level1", DunningComparison.FirstLevelDays, 0, [], ["email"], 0, false, "Collector", null),
            new DunningLevelView("level2", 30, 0, [], ["email"], 0, false, "Collector", null),
            new DunningLevelView("level3", 60, 0, [], ["email"], 0, false, "Collector", null),
        ]), ct));
        watch.Restart();
        var run = await InScope(sp => sp.GetRequiredService<DunningRunHandler>().RunAsync(DunningRunTrigger.OnDemand, true, null, ct));
        var dunningSeconds = watch.Elapsed.TotalSeconds;
        var byCode = customers.ToDictionary(c => c.Value, c => c.Key);
        var sent = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<HuikuanDbContext>();
            var communications = await db.DunningCommunications.AsNoTracking()
                .Where(c => c.CompanyId == company && c.RunId == run.Id && c.Outcome == DunningOutcomeKind.Sent)
                .Select(c => new { c.Id, c.CustomerId, c.Level }).ToListAsync(ct);
            var items = (await db.DunningCommunicationItems.AsNoTracking().Where(i => i.CompanyId == company)
                .Select(i => new { i.CommunicationId, i.InvoiceNumber, i.OpenMinor, i.DaysOverdue }).ToListAsync(ct)).ToLookup(i => i.CommunicationId);
            return communications.ToDictionary(c => byCode[c.CustomerId], c => new DunningComparison.Sent(c.Level,
                [.. items[c.Id].Select(i => (i.InvoiceNumber, i.OpenMinor, i.DaysOverdue))]), StringComparer.Ordinal);
        });

        var r = tryton.Results;
        GeneratedBench.Print([
            ["figure", "Huikuan", "Tryton 6.0"],
            ["invoice posting /s", F(tryton.Invoices.Count / invoiceSeconds, "0.0"), F(r.GetProperty("post_invoices_per_s").GetDouble(), "0.0")],
            ["payments /s", F(payments.Count / paymentSeconds, "0.0"), F(r.GetProperty("payments_per_s").GetDouble(), "0.0")],
            ["aged balance ms", Ms(aging.MedianMs), Ms(r.GetProperty("aged_balance_s").GetDouble() * 1000)],
            ["dunning run s", F(dunningSeconds), F(r.GetProperty("dunning_create_s").GetDouble())],
            ["dunned", $"{N(run.Sent)} customers", $"{N(r.GetProperty("dunnings").GetInt32())} lines"],
        ]);
        Console.WriteLine($"ledger check: {(check.Ok ? "OK" : "MISMATCHES " + check.Mismatches.Count)}");
        var ours = aging.Result.ToDictionary(a => byCode[a.Key], a => a.Value);
        var agedAgree = AgedComparison.Report(tryton, ours);
        var dunningAgrees = run.Failed == 0 && DunningComparison.Report(tryton, sent);
        return agedAgree && dunningAgrees && check.Ok ? 0 : 1;
    }
}
