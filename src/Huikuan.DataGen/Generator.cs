using System.Globalization;
using Huikuan.Domain.Money;
using Huikuan.Domain.Terms;

namespace Huikuan.DataGen;

/// <summary>
/// Generates a company's receivables history: customers with a payment profile each, invoices spread
/// evenly over two years, and the receipts those customers made by the as-of date. Pure: the same spec
/// gives the same rows. The invoices are produced lazily, one at a time, so 5 million never sit in memory.
/// </summary>
public static class Generator
{
    private static readonly Currency Cny = Currency.Of("CNY");

    internal const int KindCompany = 1, KindSalesperson = 2, KindTerm = 3, KindCustomer = 4, KindInvoice = 5, KindInstallment = 6,
        KindReceipt = 7, KindAllocation = 8;

    public static GeneratedData Generate(DataSetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Customers < 1 || spec.Invoices < 0 || spec.HistoryDays < 1)
        {
            throw new ArgumentException("A data set needs at least one customer, no negative invoice count and at least one day of history.", nameof(spec));
        }
        var rng = new Prng(Prng.Mix(spec.Seed));
        var id = (int kind, long index) => DeterministicId.For(spec.Seed, kind, index);
        var code = spec.Name == "demo" ? "DEMO" : "GEN-" + spec.Name.ToUpperInvariant();
        var company = new GenCompany(id(KindCompany, 0), code, "生成数据公司 Generated Data Co. (" + spec.Name + ")", "CNY",
            new DateTimeOffset(spec.AsOf.AddDays(-spec.HistoryDays - 30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var salespeople = Enumerable.Range(0, Math.Clamp(spec.Customers / 100, 3, 500))
            .Select(i => new GenSalesperson(id(KindSalesperson, i), Code("S", i, 3), Names.Person(rng), Code("sales", i, 3) + "@example.com"))
            .ToList();
        GenTerm[] terms =
        [
            new(id(KindTerm, 0), "NET30", "Net 30 days / 30天", PaymentTerm.Net(30)),
            new(id(KindTerm, 1), "EOM30", "30 days after month end / 月结30天", PaymentTerm.EndOfMonthPlus(30)),
            new(id(KindTerm, 2), "30-40-30", "30% on invoice, 40% at 60 days, 30% at 120 days / 3-4-3分期",
                new PaymentTerm([new PaymentTermLine(30m, 0), new PaymentTermLine(40m, 60), new PaymentTermLine(30m, 120)])),
        ];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var customers = Enumerable.Range(0, spec.Customers).Select(i =>
        {
            var name = Names.UniqueCompany(rng, i, names);
            var term = rng.Next(100) switch { < 60 => 0, < 90 => 1, _ => 2 };
            var profile = rng.Next(100) switch { < 66 => PaymentProfile.OnTime, < 90 => PaymentProfile.Late, < 98 => PaymentProfile.Partial, _ => PaymentProfile.Troubled };
            var taxId = rng.Chance(700) ? Names.TaxId(rng) : null;
            var phone = rng.Chance(500) ? Names.Phone(rng) : null;
            return new GenCustomer(i, id(KindCustomer, i), Code("C", i, 6), name, rng.Next(salespeople.Count), term, profile, taxId, phone);
        }).ToList();
        return new GeneratedData(spec, company, salespeople, terms, customers, Invoices(spec, customers, terms));
    }

    private static IEnumerable<GenInvoice> Invoices(DataSetSpec spec, List<GenCustomer> customers, GenTerm[] terms)
    {
        var rng = new Prng(Prng.Mix(spec.Seed + 1));
        var payments = new PaymentBehaviour(spec, rng);
        var first = spec.AsOf.AddDays(-(spec.HistoryDays - 1));
        var bigAccounts = Math.Max(1, customers.Count / 10);
        long installmentIndex = 0;
        for (long k = 0; k < spec.Invoices; k++)
        {
            // Even spread in time, so numbers follow dates; a tenth of the customers get extra business.
            var date = first.AddDays((int)(k * spec.HistoryDays / spec.Invoices));
            var customer = customers[rng.Chance(300) ? rng.Next(bigAccounts) : rng.Next(customers.Count)];
            var lines = Lines(rng);
            var total = lines.Sum(l => l.NetMinor + l.TaxMinor);
            var schedule = terms[customer.TermIndex].Term.Schedule(date, total);
            var installments = new List<GenInstallment>(schedule.Count);
            var receipts = new List<GenReceipt>(schedule.Count);
            foreach (var s in schedule)
            {
                var installmentId = DeterministicId.For(spec.Seed, KindInstallment, installmentIndex++);
                var paid = payments.Pay(customer.Profile, date, s.DueDate, installmentId, s.AmountMinor, receipts);
                installments.Add(new GenInstallment(installmentId, s.Sequence, s.DueDate, s.AmountMinor, s.AmountMinor - paid.Amount, paid.LastOn));
            }
            yield return new GenInvoice(DeterministicId.For(spec.Seed, KindInvoice, k), Code("INV-", k, 6), customer.Index, date, customer.TermIndex,
                lines, installments, receipts);
        }
    }

    private static List<GenLine> Lines(Prng rng)
    {
        var count = 1 + rng.Next(3);
        var lines = new List<GenLine>(count);
        for (var n = 1; n <= count; n++)
        {
            var (description, rate) = Names.Product(rng);
            var quantity = 1 + rng.Next(50);
            var unit = rng.NextLong(500, 200_000);
            var net = quantity * unit;
            // The invoice's own rounding; the rate is in basis points.
            var tax = LineAmounts.Tax(net, rate / 100m, Cny);
            lines.Add(new GenLine(n, description, quantity, unit, rate, net, tax));
        }
        return lines;
    }

    internal static string Code(string prefix, long index, int digits) =>
        prefix + (index + 1).ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
