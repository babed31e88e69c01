namespace Huikuan.Bench;

/// <summary>
/// Customer by customer: the balance must be equal; the buckets may differ, for two known reasons,
/// each checked by recomputing Tryton's figure from the invoices rather than assumed.
/// </summary>
internal static class AgedComparison
{
    public static bool Report(TrytonData tryton, Dictionary<string, long[]> huikuan)
    {
        var asOf = tryton.AsOf;
        var codes = tryton.Aged.Keys.Union(huikuan.Keys).Order(StringComparer.Ordinal).ToList();
        int balanceDiffers = 0, same = 0, boundary = 0, partial = 0, unexplained = 0;
        var examples = new List<string>();
        foreach (var code in codes)
        {
            var ours = huikuan.GetValueOrDefault(code) ?? new long[5];
            var theirs = tryton.Aged.GetValueOrDefault(code) ?? new TrytonAged(code, new long[5], 0);
            if (ours.Sum() != theirs.Balance)
            {
                balanceDiffers++;
                examples.Add($"{code}: balance {ours.Sum()} vs {theirs.Balance}");
                continue;
            }
            if (ours.SequenceEqual(theirs.Buckets))
            {
                same++;
                continue;
            }
            var invoices = tryton.Invoices.Where(i => i.CustomerCode == code).ToList();
            // Huikuan's open amounts, placed in Tryton's windows: equal means only the boundary days differ.
            var netted = new long[5];
            foreach (var i in invoices)
            {
                netted[TrytonColumn(asOf, i.DueDate)] += TrytonData.Cents(i.Open);
            }
            // Tryton's own rule: the full invoice at its due date, an unreconciled partial payment at its payment date.
            var gross = new long[5];
            foreach (var i in invoices.Where(i => i.Status != "paid"))
            {
                gross[TrytonColumn(asOf, i.DueDate)] += TrytonData.Cents(i.Amount);
                if (i.Status == "partial")
                {
                    gross[TrytonColumn(asOf, i.PaidOn!.Value)] -= TrytonData.Cents(i.Paid);
                }
            }
            if (netted.SequenceEqual(theirs.Buckets))
            {
                boundary++;
            }
            else if (gross.SequenceEqual(theirs.Buckets) && invoices.Any(i => i.Status == "partial"))
            {
                partial++;
            }
            else
            {
                unexplained++;
                examples.Add($"{code}: buckets {string.Join('/', ours)} vs {string.Join('/', theirs.Buckets)}");
            }
        }
        Console.WriteLine($"customers: {codes.Count}; balance equal: {codes.Count - balanceDiffers}, different: {balanceDiffers}");
        Console.WriteLine($"buckets identical: {same}; differ only by the boundary day (age exactly 0/30/60/90): {boundary}; "
            + $"differ because Tryton ages a partial payment at its payment date: {partial}; unexplained: {unexplained}");
        var ourTotals = Enumerable.Range(0, 5).Select(b => huikuan.Values.Sum(v => v[b])).ToArray();
        var theirTotals = Enumerable.Range(0, 5).Select(b => tryton.Aged.Values.Sum(v => v.Buckets[b])).ToArray();
        Console.WriteLine($"totals Huikuan (current/1-30/31-60/61-90/90+): {string.Join(" / ", ourTotals.Select(Money))} = {Money(ourTotals.Sum())}");
        Console.WriteLine($"totals Tryton  (not due/0-29/30-59/60-89/90+):  {string.Join(" / ", theirTotals.Select(Money))} = {Money(tryton.Aged.Values.Sum(v => v.Balance))}");
        foreach (var e in examples.Take(10))
        {
            Console.WriteLine("  " + e);
        }
        return balanceDiffers == 0 && unexplained == 0;
    }

    /// <summary>Tryton's half-open windows: not due when d &gt; date; then date−30 &lt; d ≤ date, and so on.</summary>
    private static int TrytonColumn(DateOnly asOf, DateOnly d)
    {
        var age = asOf.DayNumber - d.DayNumber;
        return age < 0 ? 0 : age < 30 ? 1 : age < 60 ? 2 : age < 90 ? 3 : 4;
    }

    private static string Money(long cents) => (cents / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
}
