using Huikuan.Domain.Money;

namespace Huikuan.Domain.Terms;

/// <summary>A payment-term template: one or more lines whose percentages add up to 100.</summary>
public sealed class PaymentTerm
{
    /// <summary>Percentages may be written to a few decimals (33.33 + 33.33 + 33.34, or 33.3333 × 3).</summary>
    private const decimal Tolerance = 0.01m;
    private const int MaxDays = 3660;

    public IReadOnlyList<PaymentTermLine> Lines { get; }

    public PaymentTerm(IReadOnlyList<PaymentTermLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Validate(lines);
        Lines = lines;
    }

    public static PaymentTerm Net(int days) => new([new PaymentTermLine(100m, days)]);

    public static PaymentTerm EndOfMonthPlus(int days) => new([new PaymentTermLine(100m, days, EndOfMonth: true)]);

    /// <summary><paramref name="count"/> equal installments, the first after <paramref name="firstDays"/>, then every <paramref name="intervalDays"/>.</summary>
    public static PaymentTerm EqualInstallments(int count, int firstDays, int intervalDays) =>
        new(Enumerable.Range(0, count)
            .Select(i => new PaymentTermLine(100m / count, firstDays + (i * intervalDays)))
            .ToArray());

    public static void Validate(IReadOnlyList<PaymentTermLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count is 0 or > 120)
        {
            throw new DomainRuleException("terms.lines", "lines", "A payment term needs between 1 and 120 lines.");
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Percent <= 0 || line.Percent > 100)
            {
                throw new DomainRuleException("terms.percent", $"lines[{i}].percent", "Each line's percent must be greater than 0 and at most 100.");
            }
            if (line.Days is < 0 or > MaxDays || line.Months is < 0 or > 120)
            {
                throw new DomainRuleException("terms.offset", $"lines[{i}].days", $"Offsets must be between 0 and {MaxDays} days and 0 and 120 months.", MaxDays);
            }
        }
        var sum = lines.Sum(l => l.Percent);
        if (Math.Abs(sum - 100m) > Tolerance)
        {
            throw new DomainRuleException("terms.sum", "lines", $"The lines' percentages add up to {sum:0.####}, not 100.", sum);
        }
    }

    /// <summary>
    /// The installments for an invoice: one per line, the amounts adding up exactly to
    /// <paramref name="totalMinor"/>, in due-date order. Lines that fall due on the same day are merged.
    /// </summary>
    public IReadOnlyList<ScheduledInstallment> Schedule(DateOnly invoiceDate, long totalMinor)
    {
        var amounts = Split.ByWeights(totalMinor, Lines.Select(l => l.Percent).ToArray());
        return Lines
            .Select((line, i) => (Due: line.DueDate(invoiceDate), Amount: amounts[i], Index: i))
            .GroupBy(x => x.Due)
            .OrderBy(g => g.Key)
            .Select((g, seq) => new ScheduledInstallment(seq + 1, g.Key, g.Sum(x => x.Amount)))
            .Where(s => s.AmountMinor != 0 || totalMinor == 0)
            .ToArray();
    }
}

public sealed record ScheduledInstallment(int Sequence, DateOnly DueDate, long AmountMinor);
