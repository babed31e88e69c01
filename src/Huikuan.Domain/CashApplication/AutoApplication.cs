namespace Huikuan.Domain.CashApplication;

/// <summary>An installment that can take money: its invoice number (to match references) and what is still open.</summary>
public sealed record OpenItem(Guid InstallmentId, string InvoiceNumber, DateOnly DueDate, int Sequence, long OpenMinor);

public enum MatchReason
{
    /// <summary>The receipt's reference names the invoice.</summary>
    Reference,

    /// <summary>No reference matched (or money was left): the oldest due installment first.</summary>
    OldestDue,
}

public sealed record ProposedAllocation(Guid InstallmentId, long AmountMinor, MatchReason Reason, bool LeavesPartial);

/// <summary>
/// Proposes how to apply an amount to a customer's open items: first the invoices named in the
/// payer's reference (in the order they are named), then oldest due first. Pure: it only proposes.
/// </summary>
public static class AutoApplication
{
    public static IReadOnlyList<ProposedAllocation> Propose(long availableMinor, string? reference, IReadOnlyList<OpenItem> openItems)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        var result = new List<ProposedAllocation>();
        if (availableMinor <= 0)
        {
            return result;
        }
        var remaining = availableMinor;
        var taken = new HashSet<Guid>();

        foreach (var number in NamedInvoices(reference, openItems))
        {
            foreach (var item in openItems.Where(i => i.InvoiceNumber == number).OrderBy(i => i.DueDate).ThenBy(i => i.Sequence))
            {
                remaining = Take(item, MatchReason.Reference);
            }
        }
        foreach (var item in openItems.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal).ThenBy(i => i.Sequence))
        {
            remaining = Take(item, MatchReason.OldestDue);
        }
        return result;

        long Take(OpenItem item, MatchReason reason)
        {
            if (remaining == 0 || item.OpenMinor <= 0 || !taken.Add(item.InstallmentId))
            {
                return remaining;
            }
            var amount = Math.Min(remaining, item.OpenMinor);
            result.Add(new ProposedAllocation(item.InstallmentId, amount, reason, amount < item.OpenMinor));
            return remaining - amount;
        }
    }

    /// <summary>
    /// Invoice numbers that occur in the reference as whole tokens (not inside a longer number),
    /// in the order they occur. "付INV-2026-0012及INV-2026-0015" names both; "INV-2026-00123" does not name INV-2026-0012.
    /// </summary>
    public static IReadOnlyList<string> NamedInvoices(string? reference, IReadOnlyList<OpenItem> openItems)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        if (string.IsNullOrWhiteSpace(reference))
        {
            return [];
        }
        var found = new List<(int Position, string Number)>();
        foreach (var number in openItems.Select(i => i.InvoiceNumber).Distinct(StringComparer.Ordinal))
        {
            var at = IndexOfToken(reference, number);
            if (at >= 0)
            {
                found.Add((at, number));
            }
        }
        return found.OrderBy(f => f.Position).Select(f => f.Number).ToArray();
    }

    private static int IndexOfToken(string text, string token)
    {
        if (token.Length == 0)
        {
            return -1;
        }
        var start = 0;
        while (true)
        {
            var at = text.IndexOf(token, start, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }
            var before = at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]);
            var end = at + token.Length;
            var after = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (before && after)
            {
                return at;
            }
            start = at + 1;
        }
    }
}
