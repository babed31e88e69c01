using System.Diagnostics;
using Huikuan.Domain.Aging;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Ledger;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Huikuan.Bench.Timing;

namespace Huikuan.Bench;

/// <summary>
/// Runs the Tryton peer's workload through Huikuan's handlers (one use case, one transaction per
/// document, as the API would) and compares the aged balance customer by customer with Tryton's.
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

        var r = tryton.Results;
        GeneratedBench.Print([
            ["figure", "Huikuan", "Tryton 6.0"],
            ["invoice posting /s", F(tryton.Invoices.Count / invoiceSeconds, "0.0"), F(r.GetProperty("post_invoices_per_s").GetDouble(), "0.0")],
            ["payments /s", F(payments.Count / paymentSeconds, "0.0"), F(r.GetProperty("payments_per_s").GetDouble(), "0.0")],
            ["aged balance ms", Ms(aging.MedianMs), Ms(r.GetProperty("aged_balance_s").GetDouble() * 1000)],
        ]);
        Console.WriteLine($"ledger check: {(check.Ok ? "OK" : "MISMATCHES " + check.Mismatches.Count)}");
        var byCode = customers.ToDictionary(c => c.Value, c => c.Key);
        var ours = aging.Result.ToDictionary(a => byCode[a.Key], a => a.Value);
        return AgedComparison.Report(tryton, ours) && check.Ok ? 0 : 1;
    }
}
