namespace Huikuan.Domain.Collections;

/// <summary>A decided promise as the kept rate counts it: its currency, status, amount and what was paid towards it.</summary>
public readonly record struct DecidedPromise(string Currency, PromiseStatus Status, long AmountMinor, long PaidMinor);

/// <summary>What was promised and paid towards decided promises in one currency, and their ratio (null: nothing promised).</summary>
public sealed record KeptAmount(string Currency, long PromisedMinor, long PaidMinor, decimal? Rate);

/// <summary>
/// The promise-kept rate (R26) of a set of promises: by count, kept ÷ decided (a partly kept promise is not kept); by
/// amount, per currency, what was paid towards the decided promises ÷ what they promised. Open and cancelled promises
/// are left out; rates are fractions rounded to four places.
/// </summary>
public sealed record PromiseKeptRate(int Decided, int Kept, int PartlyKept, int Broken, decimal? ByCount, IReadOnlyList<KeptAmount> ByAmount)
{
    public static PromiseKeptRate Of(IEnumerable<DecidedPromise> promises)
    {
        ArgumentNullException.ThrowIfNull(promises);
        var decided = promises.Where(p => p.Status is PromiseStatus.Kept or PromiseStatus.PartlyKept or PromiseStatus.Broken).ToList();
        var kept = decided.Count(p => p.Status == PromiseStatus.Kept);
        var amounts = decided.GroupBy(p => p.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var promised = g.Sum(p => p.AmountMinor);
            // What came in beyond a promise's amount went to the next promise, or to none.
            var paid = g.Sum(p => Math.Clamp(p.PaidMinor, 0, p.AmountMinor));
            return new KeptAmount(g.Key, promised, paid, Ratio(paid, promised));
        }).ToList();
        return new PromiseKeptRate(decided.Count, kept, decided.Count(p => p.Status == PromiseStatus.PartlyKept),
            decided.Count(p => p.Status == PromiseStatus.Broken), Ratio(kept, decided.Count), amounts);
    }

    private static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4, MidpointRounding.AwayFromZero);
}
