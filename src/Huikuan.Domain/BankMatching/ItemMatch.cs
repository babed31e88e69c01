using System.Globalization;
using Huikuan.Domain.CashApplication;
using Huikuan.Domain.Money;

namespace Huikuan.Domain.BankMatching;

/// <summary>What the items rung found for one customer: how well the amount fits (0–100) and what it proposes.</summary>
/// <summary>How well each way of applying the amount fits (0–100); the confidence is never more than this.</summary>
public static class ItemScores
{
    public const int NamedExact = 100;
    public const int Exact = 95;
    public const int NamedTolerance = 95;
    public const int NamedSinglePartial = 95;
    public const int Discount = 90;
    public const int NamedCombination = 95;
    public const int SureCombination = 95;
    public const int Combination = 85;
    public const int Tolerance = 80;
    public const int Installment = 75;
    public const int NamedOverpaid = 75;
    public const int NamedPartial = 70;
    public const int Ambiguous = 65;
    public const int OldestFirst = 60;
}

internal sealed record ItemMatch(int Score, IReadOnlyList<MatchAllocation> Allocations, ProposedWriteOff? WriteOff, long UnappliedMinor,
    IReadOnlyList<MatchReason> Reasons, bool UsedNamed)
{
    public static ItemMatch None(params MatchReason[] reasons) => new(0, [], null, 0, reasons, false);
}

/// <summary>
/// The items rung: which of one customer's open items in the line's currency the amount pays. In this order: the
/// invoices the line names, exactly (or one of their installments, or less their discount); one open item of exactly
/// the amount; an installment's billed amount; an open item less its early-payment discount inside the window; an exact
/// combination (<see cref="Combinations"/>); a shortfall within the tolerance; the named invoices as far as the amount
/// goes; and, only when the payer is sure, the oldest due first. Every order is fixed, so the same input gives the same
/// proposal.
/// </summary>
internal static class ItemMatcher
{
    /// <param name="payerSure">The payer is sure enough to pay its oldest items first.</param>
    /// <param name="payerLikely">The payer is likely enough to search its items for a combination.</param>
    public static ItemMatch Match(BankLine line, IReadOnlyList<MatchOpenItem> items, IReadOnlyList<string> namedKeys, bool payerSure,
        bool payerLikely, MatchOptions options)
    {
        var amount = line.AmountMinor;
        var currency = (line.Currency ?? "").Trim().ToUpperInvariant();
        // The directory keeps each customer's items oldest due first (MatchDirectory.ItemOrder).
        var pool = items
            .Where(i => i.OpenMinor > 0 && string.Equals(i.Currency?.Trim(), currency, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (pool.Length == 0)
        {
            var others = items.Where(i => i.OpenMinor > 0).Select(i => (i.Currency ?? "").Trim().ToUpperInvariant())
                .Distinct().Order(StringComparer.Ordinal).ToArray();
            return others.Length > 0
                ? ItemMatch.None(new MatchReason(MatchReasons.ItemsOtherCurrency, currency, string.Join(", ", others)))
                : ItemMatch.None(new MatchReason(MatchReasons.ItemsNone));
        }
        var keys = namedKeys.Count == 0 ? [] : pool.Select(i => DocumentTokens.Key(i.InvoiceNumber)).ToArray();
        var named = namedKeys.Distinct(StringComparer.Ordinal)
            .SelectMany(key => pool.Where((_, n) => keys[n] == key)).Distinct().ToArray();
        var money = new Amounts(currency);

        return Named(named, amount, line, options, money)
            ?? Single(pool, named, amount, money)
            ?? Installment(pool, named, amount, money)
            ?? Discounted(pool, named, line, money)
            ?? (payerLikely ? Combined(pool, named, amount, payerSure) : null)
            ?? Short(pool, named, line, options, money)
            ?? NamedAsFarAsItGoes(named, amount, money)
            ?? (payerSure ? OldestFirst(pool, named, amount, money) : null)
            ?? ItemMatch.None(Expired(pool, line).Append(new MatchReason(MatchReasons.ItemsNone)).ToArray());
    }

    private static ItemMatch? Named(MatchOpenItem[] named, long amount, BankLine line, MatchOptions options, Amounts money)
    {
        if (named.Length == 0)
        {
            return null;
        }
        if (Sum(named) == amount)
        {
            return named.Length == 1
                ? Exact(named[0], ItemScores.NamedExact, true)
                : new(ItemScores.NamedExact, named.Select(Full).ToArray(), null, 0,
                    [new MatchReason(MatchReasons.ItemsCombination, Count(named.Length))], true);
        }
        var installments = named.Where(i => i.OpenMinor == amount).ToArray();
        if (installments.Length > 0)
        {
            var item = installments[0];
            var reasons = new List<MatchReason> { new(MatchReasons.ItemsInstallment, item.InvoiceNumber, Count(item.Sequence)) };
            if (installments.Length > 1)
            {
                reasons.Add(new(MatchReasons.ItemsAmbiguous, Count(installments.Length)));
            }
            return new(installments.Length == 1 ? ItemScores.NamedExact : ItemScores.Ambiguous, [Full(item)], null, 0, reasons, true);
        }
        var discounted = named.Where(i => i.DiscountedMinor(line.BookingDate) == amount).ToArray();
        if (discounted.Length == 1)
        {
            return DiscountOf(discounted[0], ItemScores.NamedExact, money, true);
        }
        var total = Sum(named);
        if (total > amount && total <= long.MaxValue && IsFee((long)total - amount, (long)total, options))
        {
            return ShortBy(named, (long)total - amount, line, options, money, ItemScores.NamedTolerance, true);
        }
        return null;
    }

    private static ItemMatch? Single(MatchOpenItem[] pool, MatchOpenItem[] named, long amount, Amounts money)
    {
        var exact = pool.Where(i => i.OpenMinor == amount).ToArray();
        return exact.Length switch
        {
            0 => null,
            1 => Exact(exact[0], ItemScores.Exact, false),
            _ => exact.FirstOrDefault(named.Contains) is { } chosen
                ? Exact(chosen, ItemScores.NamedExact, true)
                : Exact(exact[0], ItemScores.Ambiguous, false) with
                {
                    Reasons = [new(MatchReasons.ItemsExact, exact[0].InvoiceNumber), new(MatchReasons.ItemsAmbiguous, Count(exact.Length))],
                },
        };
    }

    private static ItemMatch? Installment(MatchOpenItem[] pool, MatchOpenItem[] named, long amount, Amounts money)
    {
        // Paid as billed though part of the installment was settled since: its open amount, the rest on account.
        var billed = pool.Where(i => i.InstallmentDueMinor == amount && i.OpenMinor < amount).ToArray();
        if (billed.Length != 1 && billed.Count(named.Contains) != 1)
        {
            return null;
        }
        var item = billed.Length == 1 ? billed[0] : billed.First(named.Contains);
        var rest = amount - item.OpenMinor;
        return new(ItemScores.Installment, [Full(item)], null, rest,
            [new(MatchReasons.ItemsInstallment, item.InvoiceNumber, Count(item.Sequence)), money.Unapplied(rest)], named.Contains(item));
    }

    private static ItemMatch? Discounted(MatchOpenItem[] pool, MatchOpenItem[] named, BankLine line, Amounts money)
    {
        var discounted = pool.Where(i => i.DiscountedMinor(line.BookingDate) == line.AmountMinor).ToArray();
        if (discounted.Length == 0)
        {
            return null;
        }
        var first = DiscountOf(discounted[0], discounted.Length == 1 ? ItemScores.Discount : ItemScores.Ambiguous, money,
            named.Contains(discounted[0]));
        return discounted.Length == 1
            ? first
            : first with { Reasons = [.. first.Reasons, new(MatchReasons.ItemsAmbiguous, Count(discounted.Length))] };
    }

    private static ItemMatch? Combined(MatchOpenItem[] pool, MatchOpenItem[] named, long amount, bool payerSure)
    {
        var result = Combinations.Find(pool, named, amount);
        if (result.First is not { Count: >= 2 } first)
        {
            return null;
        }
        // The set uses the named invoices when it pays all of them, or only installments of them.
        var usesNamed = named.Length > 0 && (named.All(first.Contains) || first.All(named.Contains));
        if (named.Length > 0 && !usesNamed)
        {
            // The text names invoices the set leaves out: the amount fitting other items is a coincidence, not what was meant.
            return null;
        }
        var reasons = new List<MatchReason> { new(MatchReasons.ItemsCombination, Count(first.Count)) };
        // The only set of a sure payer's items that adds up to the amount is what it pays (月结: "this month's invoices").
        var score = usesNamed ? ItemScores.NamedCombination : payerSure ? ItemScores.SureCombination : ItemScores.Combination;
        if (result.Another)
        {
            reasons.Add(new(MatchReasons.ItemsAmbiguous, "2"));
            score = ItemScores.Ambiguous;
        }
        return new(score, first.Select(Full).ToArray(), null, 0, reasons, usesNamed);
    }

    private static ItemMatch? Short(MatchOpenItem[] pool, MatchOpenItem[] named, BankLine line, MatchOptions options, Amounts money)
    {
        var within = pool
            .Where(i => i.OpenMinor > line.AmountMinor && IsFee(i.OpenMinor - line.AmountMinor, i.OpenMinor, options))
            .OrderBy(i => i.OpenMinor - line.AmountMinor).ToArray();
        if (within.Length == 0)
        {
            return null;
        }
        var best = within.Where(i => i.OpenMinor == within[0].OpenMinor).ToArray();
        var item = best.FirstOrDefault(named.Contains) ?? best[0];
        var score = named.Contains(item) ? ItemScores.NamedTolerance : best.Length == 1 ? ItemScores.Tolerance : ItemScores.Ambiguous;
        var match = ShortBy([item], item.OpenMinor - line.AmountMinor, line, options, money, score, named.Contains(item));
        if (match is null)
        {
            return null;
        }
        return best.Length > 1 && !named.Contains(item)
            ? match with { Reasons = [.. match.Reasons, new(MatchReasons.ItemsAmbiguous, Count(best.Length))] }
            : match;
    }

    /// <summary>
    /// Whether a shortfall is a fee rather than a part payment: within the account's tolerance, and at most a tenth of what
    /// it falls short of (a 50.00 tolerance must not turn 66.98 paid on a 94.79 invoice into a 27.81 fee).
    /// </summary>
    private static bool IsFee(long shortfall, long due, MatchOptions options) =>
        shortfall <= options.Tolerance.AllowedMinor(due) && shortfall <= due / 10;

    /// <summary>
    /// The items paid in full but for the shortfall, which the largest of them carries as the write-off; null when even
    /// that one is not larger than the shortfall.
    /// </summary>
    private static ItemMatch? ShortBy(MatchOpenItem[] items, long shortfall, BankLine line, MatchOptions options, Amounts money, int score,
        bool named)
    {
        var carrier = items.MaxBy(i => i.OpenMinor)!;
        if (carrier.OpenMinor <= shortfall)
        {
            return null;
        }
        var allocations = items.Select(i => i == carrier ? new MatchAllocation(i.InstallmentId, i.OpenMinor - shortfall) : Full(i)).ToArray();
        var kind = KindFromText(line.RemittanceText) ?? options.ShortfallKind;
        MatchReason[] reasons =
        [
            items.Length == 1 ? new(MatchReasons.ItemsExact, carrier.InvoiceNumber) : new(MatchReasons.ItemsCombination, Count(items.Length)),
            new(MatchReasons.ItemsTolerance, money.Format(shortfall), money.Code, kind.ToString()),
        ];
        return new(score, allocations, new ProposedWriteOff(carrier.InstallmentId, shortfall, kind), 0, reasons, named);
    }

    private static ItemMatch? NamedAsFarAsItGoes(MatchOpenItem[] named, long amount, Amounts money)
    {
        if (named.Length == 0)
        {
            return null;
        }
        var allocations = Apply(named, amount, out var rest, out var partial);
        var reasons = new List<MatchReason> { new(MatchReasons.ItemsNamed, string.Join(", ", named.Select(i => i.InvoiceNumber).Distinct())) };
        if (partial is not null)
        {
            reasons.Add(new(MatchReasons.ItemsPartial, partial.InvoiceNumber));
        }
        if (rest > 0)
        {
            reasons.Add(money.Unapplied(rest));
        }
        // Part of the one invoice the payer names goes to that invoice, the rest of it stays open: as sure as the payer.
        var single = named.Select(i => i.InvoiceNumber).Distinct(StringComparer.Ordinal).Count() == 1;
        var score = rest > 0 ? ItemScores.NamedOverpaid : single ? ItemScores.NamedSinglePartial : ItemScores.NamedPartial;
        return new(score, allocations, null, rest, reasons, true);
    }

    private static ItemMatch OldestFirst(MatchOpenItem[] pool, MatchOpenItem[] named, long amount, Amounts money)
    {
        var proposed = AutoApplication.Propose(amount, null,
            named.Concat(pool.Where(i => !named.Contains(i))).Select((i, n) => new OpenItem(i.InstallmentId, i.InvoiceNumber,
                named.Contains(i) ? DateOnly.MinValue : i.DueDate, n, i.OpenMinor)).ToArray());
        var allocations = proposed.Select(p => new MatchAllocation(p.InstallmentId, p.AmountMinor)).ToArray();
        var rest = amount - allocations.Sum(a => a.AmountMinor);
        var reasons = new List<MatchReason> { new(MatchReasons.ItemsOldestFirst, Count(allocations.Length)) };
        if (proposed.LastOrDefault(p => p.LeavesPartial) is { } partial)
        {
            reasons.Add(new(MatchReasons.ItemsPartial, pool.First(i => i.InstallmentId == partial.InstallmentId).InvoiceNumber));
        }
        if (rest > 0)
        {
            reasons.Add(money.Unapplied(rest));
        }
        return new(ItemScores.OldestFirst, allocations, null, rest, reasons, named.Length > 0);
    }

    private static IEnumerable<MatchReason> Expired(MatchOpenItem[] pool, BankLine line) =>
        pool.Where(i => i.DiscountMinor > 0 && i.DiscountLastDay is { } last && line.BookingDate > last
                && i.OpenMinor - i.DiscountMinor == line.AmountMinor)
            .Take(1).Select(i => new MatchReason(MatchReasons.ItemsDiscountExpired, Day(i.DiscountLastDay!.Value)));

    private static MatchAllocation[] Apply(MatchOpenItem[] items, long amount, out long rest, out MatchOpenItem? partial)
    {
        var allocations = new List<MatchAllocation>();
        rest = amount;
        partial = null;
        foreach (var item in items)
        {
            if (rest == 0)
            {
                break;
            }
            var take = Math.Min(rest, item.OpenMinor);
            allocations.Add(new MatchAllocation(item.InstallmentId, take));
            rest -= take;
            if (take < item.OpenMinor)
            {
                partial = item;
            }
        }
        return [.. allocations];
    }

    private static ItemMatch Exact(MatchOpenItem item, int score, bool named) =>
        new(score, [Full(item)], null, 0, [new MatchReason(MatchReasons.ItemsExact, item.InvoiceNumber)], named);

    private static ItemMatch DiscountOf(MatchOpenItem item, int score, Amounts money, bool named) =>
        new(score, [new MatchAllocation(item.InstallmentId, item.OpenMinor - item.DiscountMinor)],
            new ProposedWriteOff(item.InstallmentId, item.DiscountMinor, WriteOffKind.Discount), 0,
            [new MatchReason(MatchReasons.ItemsDiscount, Day(item.DiscountLastDay!.Value), money.Format(item.DiscountMinor), money.Code)],
            named);

    private static MatchAllocation Full(MatchOpenItem item) => new(item.InstallmentId, item.OpenMinor);

    // Open amounts are at most Currency.MaxMinor each, but a hostile caller may give more: summed wide, never wrapped.
    private static Int128 Sum(IEnumerable<MatchOpenItem> items) => items.Aggregate(Int128.Zero, (sum, i) => sum + i.OpenMinor);

    /// <summary>What the line's text says a shortfall is: 服务费 a wallet's, 手续费 a bank's, 汇差/汇兑 an exchange difference.</summary>
    public static WriteOffKind? KindFromText(string? text)
    {
        var folded = Fold.Text(text);
        return folded.Contains("服务费", StringComparison.Ordinal) ? WriteOffKind.WalletFee
            : folded.Contains("手续费", StringComparison.Ordinal) ? WriteOffKind.BankFee
            : folded.Contains("汇差", StringComparison.Ordinal) || folded.Contains("汇兑", StringComparison.Ordinal)
                ? WriteOffKind.ExchangeDifference
            : null;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Amounts written in the line's currency (its decimals when the currency is known, whole minor units otherwise).</summary>
    private sealed class Amounts(string code)
    {
        private readonly Currency? _currency = Currency.IsKnown(code) ? Currency.Of(code) : null;

        public string Code { get; } = code;

        public string Format(long minor) => _currency?.Format(minor) ?? minor.ToString(CultureInfo.InvariantCulture);

        public MatchReason Unapplied(long minor) => new(MatchReasons.LineUnapplied, Format(minor), Code);
    }
}
