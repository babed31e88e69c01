using System.Text.Json;
using Huikuan.DataGen;

namespace Huikuan.Web.Tests.DataGen;

public sealed class GeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    private static string FirstRows(DataSetSpec spec, int count)
    {
        var data = Generator.Generate(spec);
        return JsonSerializer.Serialize(new { data.Customers, Invoices = data.Invoices.Take(count).ToList() });
    }

    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameFirstThousandInvoices()
    {
        var spec = DataSetSpec.Small(AsOf);
        Assert.Equal(FirstRows(spec, 1000), FirstRows(spec, 1000));
    }

    [Fact]
    public void Generate_WithAnotherSeed_GivesOtherRows()
    {
        var spec = DataSetSpec.Small(AsOf);
        Assert.NotEqual(FirstRows(spec, 1000), FirstRows(spec with { Seed = spec.Seed + 1 }, 1000));
    }

    [Fact]
    public void Enumerating_TheInvoicesTwice_GivesTheSameRows()
    {
        var data = Generator.Generate(DataSetSpec.Demo(AsOf));
        Assert.Equal(JsonSerializer.Serialize(data.Invoices.ToList()), JsonSerializer.Serialize(data.Invoices.ToList()));
    }

    [Fact]
    public void Amounts_AddUpExactly_FromLinesToInstallmentsToAllocations()
    {
        foreach (var invoice in Generator.Generate(DataSetSpec.Small(AsOf)).Invoices)
        {
            Assert.All(invoice.Lines, l =>
            {
                Assert.Equal(l.Quantity * l.UnitPriceMinor, l.NetMinor);
                Assert.Equal((long)decimal.Round(l.NetMinor * (decimal)l.TaxRateBasisPoints / 10_000m, MidpointRounding.AwayFromZero), l.TaxMinor);
            });
            Assert.Equal(invoice.TotalMinor, invoice.Installments.Sum(i => i.AmountMinor));
            var allocations = invoice.Receipts.SelectMany(r => r.Allocations).ToList();
            foreach (var i in invoice.Installments)
            {
                var applied = allocations.Where(a => a.InstallmentId == i.Id).ToList();
                Assert.Equal(i.AmountMinor - applied.Sum(a => a.AmountMinor), i.OpenMinor);
                Assert.InRange(i.OpenMinor, 0, i.AmountMinor);
                Assert.Equal(applied.Count == 0 ? null : applied.Max(a => a.AppliedOn), i.LastAppliedOn);
            }
            Assert.All(invoice.Receipts, r =>
            {
                Assert.True(r.UnappliedMinor >= 0);
                Assert.InRange(r.ReceivedOn, invoice.InvoiceDate, AsOf);
            });
        }
    }

    [Fact]
    public void Shape_IsRealistic_MostPaidSomeLateSomePartialSomeOpen()
    {
        var data = Generator.Generate(DataSetSpec.Small(AsOf));
        var items = data.Invoices.SelectMany(v => v.Installments.Select(i => (Invoice: v, Item: i))).ToList();
        double Share(Func<(GenInvoice Invoice, GenInstallment Item), bool> test) => items.Count(test) / (double)items.Count;

        var open = Share(x => x.Item.OpenMinor != 0);
        var partial = Share(x => x.Item.OpenMinor != 0 && x.Item.OpenMinor != x.Item.AmountMinor);
        var late = Share(x => x.Item.LastAppliedOn > x.Item.DueDate);
        var overdue = Share(x => x.Item.OpenMinor != 0 && x.Item.DueDate < AsOf);
        // The benchmark sets are specified as about a tenth of invoices open (T2: 5M invoices, ~500k open).
        Assert.InRange(open, 0.07, 0.11);
        Assert.InRange(partial, 0.005, 0.05);
        Assert.InRange(late, 0.25, 0.60);
        Assert.InRange(overdue, 0.03, 0.12);
        Assert.InRange(data.Invoices.Min(v => v.InvoiceDate), AsOf.AddDays(-730), AsOf.AddDays(-729));
        Assert.Contains(data.Customers, c => c.Name.EndsWith("有限公司", StringComparison.Ordinal));
        Assert.Contains(data.Customers, c => c.Name.All(char.IsAscii));
        Assert.Equal(3, data.Invoices.Select(v => v.TermIndex).Distinct().Count());
    }

    [Fact]
    public void CustomerNames_AreUniqueAsPayersNamesAreCompared_EvenWhereTheDrawsRepeat()
    {
        // 3,000 customers draw from 300 foreign and 18,000 Chinese name combinations: many draws repeat.
        var data = Generator.Generate(DataSetSpec.Small(AsOf) with { Customers = 3_000, Invoices = 3_000 });

        var normalised = data.Customers.Select(c => Huikuan.Domain.BankMatching.PayerNames.Normalise(c.Name).Full).ToList();
        Assert.Equal(normalised.Count, normalised.Distinct(StringComparer.Ordinal).Count());
        // A repeated foreign name becomes its local entity, "Atlas Motors (Suzhou) Ltd".
        Assert.Contains(data.Customers, c => c.Name.All(char.IsAscii) && c.Name.Contains(" (", StringComparison.Ordinal));
    }
}
