using System.Globalization;
using Huikuan.DataGen;
using Huikuan.Web.Data;
using Huikuan.Web.Demo;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Worklist;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Huikuan.Bench.Timing;

namespace Huikuan.Bench;

/// <summary>
/// Does the worklist put first the customers whose money is about to get stuck? A history is generated up to the as-of
/// date; the company as it stood <see cref="Horizon"/> days earlier (invoices issued and receipts made by then) is loaded
/// and that day's worklist built by the product's own code. What then happened is read from the rest of the history:
/// the amount of each item that became 30 days overdue within the horizon without being paid (the items due in the 30
/// days up to the list's day and still open 30 days after their due date). The figure is the share of that amount held
/// by the first 20 % of the list, against the same number of customers taken by overdue amount alone.
/// </summary>
internal static class WorklistBackTest
{
    public const int Horizon = 30;
    public const int OverdueDays = 30;
    public const decimal TopShare = 0.2m;
    public const decimal Target = 0.8m;

    public static async Task<int> RunAsync(BenchOptions options, BenchDatabase database, CancellationToken ct)
    {
        var spec = DataSetSpec.Named(options.Size, options.AsOf) with { Seed = options.Seed };
        var day = options.AsOf.AddDays(-Horizon);
        var data = Generator.Generate(spec);
        Console.WriteLine($"back-test: data set {spec.Name} ({N(spec.Customers)} customers, {N(spec.Invoices)} invoices, history to {spec.AsOf:yyyy-MM-dd}); "
            + $"the worklist of {day:yyyy-MM-dd}, then {Horizon} days; {database.Provider} ({database.Where})");

        var (overdue, becoming) = Outcomes(data, day);
        var thatDay = data with { Invoices = data.Invoices.Where(v => v.InvoiceDate <= day).Select(v => AsOf(v, day)) };

        var services = GeneratedDataHost.Build(database.Provider, database.ConnectionString, new FixedClock(day));
        await using (services)
        {
            await Database.MigrateAsync(services, ct);
            await using (var scope = services.CreateAsyncScope())
            {
                // With --keep, then --connection, the company of that day is measured again without reloading.
                if (await scope.ServiceProvider.GetRequiredService<HuikuanDbContext>().Companies.AnyAsync(c => c.Id == data.Company.Id, ct))
                {
                    Console.WriteLine($"reusing the company of {day:yyyy-MM-dd} already in the database");
                }
                else
                {
                    var loaded = await scope.ServiceProvider.GetRequiredService<GeneratedDataLoader>().LoadAsync(thatDay, ct);
                    Console.WriteLine($"loaded the company as of {day:yyyy-MM-dd}: {N(loaded.Invoices)} invoices, {N(loaded.OpenInstallments)} open installments, "
                        + $"{N(loaded.Receipts)} receipts, in {Seconds(loaded.Elapsed)} s");
                }
            }

            // The morning's credit run finds each customer's payment habit, as it does before the collectors' day.
            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<Scope>().Enter(data.Company.Id, "bench");
                var run = await scope.ServiceProvider.GetRequiredService<CreditDailyRunHandler>().RunAsync(ct);
                Console.WriteLine($"credit daily run of {day:yyyy-MM-dd}: {N(run.Scored)} customers scored in {Seconds(TimeSpan.FromMilliseconds(run.ElapsedMs))} s");
            }
            WorklistView list;
            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<Scope>().Enter(data.Company.Id, "bench");
                list = await scope.ServiceProvider.GetRequiredService<WorklistHandler>().TodayAsync(new WorklistQuery(Team: true, Everything: true), ct);
            }
            var index = data.Customers.ToDictionary(c => c.Id, c => c.Index);
            var byList = list.Rows.Select(r => index[r.CustomerId]).ToList();
            var byOverdue = overdue.Where(o => o.Value > 0).OrderByDescending(o => o.Value).ThenBy(o => o.Key).Select(o => o.Key).ToList();
            var top = (int)Math.Ceiling(byList.Count * TopShare);
            var total = becoming.Values.Sum();
            decimal ShareOf(IEnumerable<int> customers, int n) => total == 0 ? 0 : (decimal)customers.Take(n).Sum(c => becoming.GetValueOrDefault(c)) / total;
            decimal Share(IEnumerable<int> customers) => ShareOf(customers, top);
            var ours = Share(byList);
            var theirs = Share(byOverdue);

            Console.WriteLine($"amount becoming {OverdueDays}+ days overdue by {spec.AsOf:yyyy-MM-dd}: {Money(total)} CNY across {N(becoming.Count(b => b.Value > 0))} customers");
            Console.WriteLine($"worklist of {day:yyyy-MM-dd}: {N(byList.Count)} customers; {N(overdue.Count(o => o.Value > 0))} with something overdue");
            Console.WriteLine($"| ranking | customers taken | amount held, CNY | share |");
            Console.WriteLine($"|---|---:|---:|---:|");
            Console.WriteLine($"| worklist, first {Pct(TopShare, 0)} | {N(top)} | {Money(byList.Take(top).Sum(c => becoming.GetValueOrDefault(c)))} | {Pct(ours, 1)} |");
            Console.WriteLine($"| overdue amount alone | {N(top)} | {Money(byOverdue.Take(top).Sum(c => becoming.GetValueOrDefault(c)))} | {Pct(theirs, 1)} |");
            // The ceiling: the same number of customers chosen knowing what happened.
            var hindsight = becoming.OrderByDescending(b => b.Value).Select(b => b.Key).ToList();
            Console.WriteLine($"| hindsight (the customers whose amount it was) | {N(top)} | {Money(hindsight.Take(top).Sum(c => becoming[c]))} | {Pct(Share(hindsight), 1)} |");
            // Read another way: the first 20 % of all the company's customers (the list, then everyone else).
            var all = (int)Math.Ceiling(data.Customers.Count * TopShare);
            Console.WriteLine($"| 20 % of all {N(data.Customers.Count)} customers: worklist / overdue alone / hindsight | {N(all)} | | "
                + $"{Pct(ShareOf(byList, all), 1)} / {Pct(ShareOf(byOverdue, all), 1)} / {Pct(ShareOf(hindsight, all), 1)} |");
            var aside = list.Rows.Where(r => r.SetAside is not null).Concat(list.Dropped).GroupBy(r => r.SetAside ?? "")
                .Select(g => $"{g.Key} {N(g.Count())} ({Pct((total == 0 ? 0 : (decimal)g.Sum(r => becoming.GetValueOrDefault(index[r.CustomerId])) / total), 1)})");
            Console.WriteLine($"set aside, with their share of the amount: {string.Join(", ", aside)}");
            var held = total > 0 && ours >= Target;
            Console.WriteLine($"back-test: the first {Pct(TopShare, 0)} of the worklist hold {Pct(ours, 1)} of the amount (target {Pct(Target, 0)}: {(held ? "held" : "MISSED")}); "
                + $"ranking by overdue amount alone holds {Pct(theirs, 1)}");
            // A missed target is a finding, not a failure of the run.
            return 0;
        }
    }

    /// <summary>
    /// From the whole history, per customer (by index): what was overdue on <paramref name="day"/>, and the amount of the
    /// items due in the <see cref="OverdueDays"/> days up to it that was still open on its 30th day past due.
    /// </summary>
    private static (Dictionary<int, long> Overdue, Dictionary<int, long> Becoming) Outcomes(GeneratedData data, DateOnly day)
    {
        var overdue = new Dictionary<int, long>();
        var becoming = new Dictionary<int, long>();
        foreach (var invoice in data.Invoices.Where(v => v.InvoiceDate <= day))
        {
            var paid = invoice.Receipts.SelectMany(r => r.Allocations).ToLookup(a => a.InstallmentId);
            foreach (var item in invoice.Installments)
            {
                long PaidBy(DateOnly on) => paid[item.Id].Where(a => a.AppliedOn <= on).Sum(a => a.AmountMinor);
                if (item.DueDate < day)
                {
                    overdue[invoice.CustomerIndex] = overdue.GetValueOrDefault(invoice.CustomerIndex) + item.AmountMinor - PaidBy(day);
                }
                if (item.DueDate > day.AddDays(-OverdueDays) && item.DueDate <= day)
                {
                    var open = item.AmountMinor - PaidBy(item.DueDate.AddDays(OverdueDays));
                    if (open > 0)
                    {
                        becoming[invoice.CustomerIndex] = becoming.GetValueOrDefault(invoice.CustomerIndex) + open;
                    }
                }
            }
        }
        return (overdue, becoming);
    }

    /// <summary>An invoice as the company knew it on <paramref name="day"/>: the receipts made by then, each item's open amount after them.</summary>
    private static GenInvoice AsOf(GenInvoice invoice, DateOnly day)
    {
        var receipts = invoice.Receipts.Where(r => r.ReceivedOn <= day).ToList();
        var paid = receipts.SelectMany(r => r.Allocations).ToLookup(a => a.InstallmentId);
        var items = invoice.Installments.Select(i => i with
        {
            OpenMinor = i.AmountMinor - paid[i.Id].Sum(a => a.AmountMinor),
            LastAppliedOn = paid[i.Id].Select(a => (DateOnly?)a.AppliedOn).Max(),
        }).ToList();
        return invoice with { Installments = items, Receipts = receipts };
    }

    private static string Pct(decimal share, int decimals) => share.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Money(long minor) => (minor / 100m).ToString("N2", CultureInfo.InvariantCulture);
}
