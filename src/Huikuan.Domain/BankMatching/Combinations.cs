namespace Huikuan.Domain.BankMatching;

/// <summary>
/// An exact combination of a customer's open items for an amount. At most <see cref="MaxNamed"/> named items and the
/// <see cref="MaxOldest"/> oldest others are considered. Tried in this order, each complete and cheap: the oldest items
/// in a row (what a payer clearing its oldest debts pays); any two, three or four items (through a table of pair sums,
/// a few thousand look-ups); then, only when none of these fits, larger sets by a depth-first search, larger amounts
/// first, cut where the remaining items cannot reach the amount and stopped after <see cref="MaxSteps"/> steps. It goes on to a second, different
/// combination: when one exists the amount does not say which items it pays. Every order is fixed, so the result is
/// always the same.
/// </summary>
public static class Combinations
{
    public const int MaxNamed = 30;
    public const int MaxOldest = 30;
    public const int MaxSteps = 5_000;

    /// <summary>The most work one search does: the oldest in a row, the singles, pairs and their sums, and the search's steps.</summary>
    public const int MaxWork = MaxOldest + 2 * (MaxNamed + MaxOldest) + (MaxNamed + MaxOldest) * (MaxNamed + MaxOldest - 1) / 2 + MaxSteps;

    /// <param name="First">The first combination found (two items or more), or null.</param>
    /// <param name="Another">Whether a second, different one exists.</param>
    /// <param name="Steps">The work done, in look-ups and search steps.</param>
    public sealed record Result(IReadOnlyList<MatchOpenItem>? First, bool Another, int Steps);

    /// <param name="pool">The customer's open items in the line's currency, oldest due first.</param>
    public static Result Find(IReadOnlyList<MatchOpenItem> pool, IReadOnlyList<MatchOpenItem> named, long amount)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(named);
        var oldest = pool.Where(i => !named.Contains(i)).Take(MaxOldest).ToArray();
        var considered = named.Take(MaxNamed).Concat(oldest.OrderByDescending(i => i.OpenMinor))
            .Where(i => i.OpenMinor > 0 && i.OpenMinor <= amount).Distinct().ToArray();
        var search = new Search(considered, amount);
        search.OldestInARow(oldest);
        search.Small();
        if (search.Found.Count == 0)
        {
            search.Large();
        }
        return new Result(search.Found.Count > 0 ? search.Found[0] : null, search.Found.Count > 1, search.Steps);
    }

    private sealed class Search(MatchOpenItem[] items, long amount)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<MatchOpenItem[]> Found { get; } = [];

        public int Steps { get; private set; }

        private bool Done => Found.Count >= 2;

        public void OldestInARow(MatchOpenItem[] oldest)
        {
            var remaining = amount;
            for (var k = 0; k < oldest.Length && remaining > 0 && oldest[k].OpenMinor <= remaining; k++)
            {
                Steps++;
                remaining -= oldest[k].OpenMinor;
                if (remaining == 0 && k >= 1)
                {
                    Add(oldest.Take(k + 1));
                }
            }
        }

        public void Small()
        {
            var singles = new Dictionary<long, List<int>>();
            var pairs = new Dictionary<long, List<(int, int)>>();
            for (var i = 0; i < items.Length; i++)
            {
                Add(singles, items[i].OpenMinor, i);
                for (var j = i + 1; j < items.Length; j++)
                {
                    // Both are at most the amount, so the sum is compared without adding past long.MaxValue.
                    if (items[i].OpenMinor <= amount - items[j].OpenMinor)
                    {
                        Add(pairs, items[i].OpenMinor + items[j].OpenMinor, (i, j));
                    }
                }
            }
            for (var i = 0; i < items.Length && !Done; i++)
            {
                Steps++;
                foreach (var j in singles.GetValueOrDefault(amount - items[i].OpenMinor) ?? [])
                {
                    if (j > i)
                    {
                        Add([items[i], items[j]]);
                    }
                }
            }
            for (var i = 0; i < items.Length && !Done; i++)
            {
                Steps++;
                foreach (var (j, k) in pairs.GetValueOrDefault(amount - items[i].OpenMinor) ?? [])
                {
                    if (j > i)
                    {
                        Add([items[i], items[j], items[k]]);
                    }
                }
            }
            foreach (var ((i, j), sum) in pairs.SelectMany(p => p.Value.Select(ij => (ij, p.Key))).OrderBy(x => x.ij))
            {
                if (Done)
                {
                    break;
                }
                Steps++;
                foreach (var (k, l) in pairs.GetValueOrDefault(amount - sum) ?? [])
                {
                    if (k > j && k != i && l != i)
                    {
                        Add([items[i], items[j], items[k], items[l]]);
                    }
                }
            }
        }

        /// <summary>Five items or more: depth first, larger amounts first, within the step budget.</summary>
        public void Large()
        {
            var suffix = new Int128[items.Length + 1];
            for (var i = items.Length - 1; i >= 0; i--)
            {
                suffix[i] = suffix[i + 1] + items[i].OpenMinor;
            }
            var chosen = new List<MatchOpenItem>();
            var budget = Steps + MaxSteps;
            Visit(0, amount);

            void Visit(int index, long remaining)
            {
                if (Done || Steps >= budget)
                {
                    return;
                }
                Steps++;
                if (remaining == 0)
                {
                    if (chosen.Count >= 5)
                    {
                        Add(chosen);
                    }
                    return;
                }
                if (index == items.Length || suffix[index] < remaining)
                {
                    return;
                }
                var item = items[index];
                if (item.OpenMinor <= remaining)
                {
                    chosen.Add(item);
                    Visit(index + 1, remaining - item.OpenMinor);
                    chosen.RemoveAt(chosen.Count - 1);
                }
                Visit(index + 1, remaining);
            }
        }

        private void Add(IEnumerable<MatchOpenItem> combination)
        {
            var set = combination.ToArray();
            var key = string.Join(',', set.Select(i => i.InstallmentId).Order());
            if (!Done && _seen.Add(key))
            {
                Found.Add(set);
            }
        }

        private static void Add<TValue>(Dictionary<long, List<TValue>> map, long key, TValue value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            list.Add(value);
        }
    }
}
