namespace Huikuan.Bench;

/// <summary>
/// Huikuan's dunning run against Tryton's dunnings on the same data and day, with the same thresholds (levels at 15, 30
/// and 60 days overdue). The two products differ by design, and each difference is checked item by item rather than
/// assumed:
/// <list type="bullet">
/// <item>Tryton makes one dunning per overdue line that is at least 15 days late; Huikuan sends one communication per
/// customer whose oldest counted item is that late, listing every overdue item of the customer. So the customers must be
/// the same, every Tryton item must be in Huikuan's communication, and Huikuan's extra items must be those 1–14 days
/// overdue.</item>
/// <item>Tryton's dunning amount is the line's full amount; Huikuan's item is the open amount: they differ exactly for
/// partly paid invoices, where Huikuan's amount is the invoice less the payment.</item>
/// <item>Tryton starts every new dunning at level 1; Huikuan starts a customer at the level the oldest item reached
/// (reported, not compared).</item>
/// </list>
/// </summary>
internal static class DunningComparison
{
    /// <summary>What Huikuan's run recorded: per customer code, the level and the items (invoice number, open cents, days overdue).</summary>
    public sealed record Sent(int Level, List<(string Invoice, long OpenMinor, int DaysOverdue)> Items);

    public const int FirstLevelDays = 15;

    public static bool Report(TrytonData tryton, Dictionary<string, Sent> huikuan)
    {
        if (tryton.Dunnings is null)
        {
            Console.WriteLine("dunning: the harness wrote no dunnings_N.csv beside the data set; nothing to compare.");
            return false;
        }
        var invoices = tryton.Invoices.ToDictionary(i => i.Ref, StringComparer.Ordinal);
        var theirs = tryton.Dunnings.GroupBy(d => d.PartyCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var codes = theirs.Keys.Union(huikuan.Keys).Order(StringComparer.Ordinal).ToList();
        int sameCustomers = 0, onlyTryton = 0, onlyHuikuan = 0, itemsBoth = 0, itemsEarly = 0, amountsEqual = 0, amountsPartial = 0, unexplained = 0;
        var examples = new List<string>();
        foreach (var code in codes)
        {
            if (!huikuan.TryGetValue(code, out var ours))
            {
                onlyTryton++;
                examples.Add($"{code}: dunned by Tryton only ({theirs[code].Count} items)");
                continue;
            }
            if (!theirs.TryGetValue(code, out var their))
            {
                onlyHuikuan++;
                examples.Add($"{code}: dunned by Huikuan only (oldest {ours.Items.Max(i => i.DaysOverdue)} days)");
                continue;
            }
            sameCustomers++;
            var ourItems = ours.Items.ToDictionary(i => i.Invoice, StringComparer.Ordinal);
            foreach (var d in their)
            {
                var invoiceRef = tryton.RefByTrytonNumber.GetValueOrDefault(d.InvoiceNumber);
                if (invoiceRef is null || !ourItems.Remove(invoiceRef, out var item))
                {
                    unexplained++;
                    examples.Add($"{code}: Tryton's {d.InvoiceNumber} ({invoiceRef}, {d.DaysOverdue} days) is not in Huikuan's letter");
                    continue;
                }
                itemsBoth++;
                var invoice = invoices[invoiceRef];
                if (item.OpenMinor == d.Amount)
                {
                    amountsEqual++;
                }
                else if (invoice.Status == "partial" && d.Amount == TrytonData.Cents(invoice.Amount) && item.OpenMinor == TrytonData.Cents(invoice.Open))
                {
                    amountsPartial++;
                }
                else
                {
                    unexplained++;
                    examples.Add($"{code}: {invoiceRef} amount {item.OpenMinor} vs Tryton's {d.Amount}");
                }
                if (item.DaysOverdue != d.DaysOverdue)
                {
                    unexplained++;
                    examples.Add($"{code}: {invoiceRef} {item.DaysOverdue} days overdue vs Tryton's {d.DaysOverdue}");
                }
            }
            foreach (var extra in ourItems.Values)
            {
                if (extra.DaysOverdue is >= 1 and < FirstLevelDays)
                {
                    itemsEarly++;
                }
                else
                {
                    unexplained++;
                    examples.Add($"{code}: Huikuan's {extra.Invoice} ({extra.DaysOverdue} days) has no Tryton dunning");
                }
            }
        }
        Console.WriteLine($"dunning: customers dunned by both: {sameCustomers}; by Tryton only: {onlyTryton}; by Huikuan only: {onlyHuikuan}");
        Console.WriteLine($"dunning: Tryton's {tryton.Dunnings.Count} dunnings all in Huikuan's letters: {itemsBoth}; amount equal: {amountsEqual}; "
            + $"Tryton's full amount against Huikuan's open amount of a partly paid invoice: {amountsPartial}; Huikuan's extra items 1-{FirstLevelDays - 1} "
            + $"days overdue (a letter names every overdue item): {itemsEarly}; unexplained: {unexplained}");
        Console.WriteLine("dunning: Huikuan's levels (customers): " + string.Join(", ", huikuan.Values.GroupBy(s => s.Level).OrderBy(g => g.Key)
            .Select(g => $"level {g.Key}: {g.Count()}")) + "; Tryton's (dunnings): " + string.Join(", ", tryton.Dunnings.GroupBy(d => d.Level)
            .OrderBy(g => g.Key).Select(g => $"level {g.Key}: {g.Count()}")));
        foreach (var e in examples.Take(10))
        {
            Console.WriteLine("  " + e);
        }
        return onlyTryton == 0 && onlyHuikuan == 0 && unexplained == 0;
    }
}
