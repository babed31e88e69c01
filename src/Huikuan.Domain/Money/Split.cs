namespace Huikuan.Domain.Money;

/// <summary>
/// Splits an amount of minor units in proportion to weights so that the parts add up to the whole
/// exactly (largest-remainder method). Ties go to the later parts, so 100.00 in three equal parts is
/// 33.33, 33.33, 33.34 — the last installment carries the odd cent, as accountants expect.
/// </summary>
public static class Split
{
    public static long[] ByWeights(long total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }
        var sum = 0m;
        foreach (var w in weights)
        {
            if (w <= 0)
            {
                throw new ArgumentException("Weights must be positive.", nameof(weights));
            }
            sum += w;
        }

        var sign = total < 0 ? -1 : 1;
        var magnitude = Math.Abs(total);
        var parts = new long[weights.Count];
        var fractions = new decimal[weights.Count];
        long assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = magnitude * weights[i] / sum;
            parts[i] = (long)decimal.Truncate(exact);
            fractions[i] = exact - parts[i];
            assigned += parts[i];
        }

        var remainder = magnitude - assigned;
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => fractions[i])
            .ThenByDescending(i => i)
            .ToArray();
        for (var k = 0; k < remainder; k++)
        {
            parts[order[k % order.Length]]++;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] *= sign;
        }
        return parts;
    }

    public static long[] Equally(long total, int count) =>
        ByWeights(total, Enumerable.Repeat(1m, count).ToArray());
}
