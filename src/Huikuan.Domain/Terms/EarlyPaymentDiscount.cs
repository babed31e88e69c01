using System.Globalization;
using System.Text.RegularExpressions;

namespace Huikuan.Domain.Terms;

/// <summary>
/// A cash discount for early payment (现金折扣), written the usual way: "2/10 net 30" is 2 % off when paid within
/// 10 days of the invoice date, otherwise the whole amount by day 30. The discount is granted only inside its
/// window: paid on day 10 it applies, on day 11 it does not.
/// </summary>
public sealed partial record EarlyPaymentDiscount
{
    public const decimal MaxPercent = 50m;

    public EarlyPaymentDiscount(decimal percent, int days, int netDays)
    {
        if (percent is <= 0 or > MaxPercent)
        {
            throw new DomainRuleException("discount.percent", "percent",
                string.Create(CultureInfo.InvariantCulture, $"The discount is a percentage greater than 0 and at most {MaxPercent}."), MaxPercent);
        }
        if (days < 0 || netDays < days || netDays > 3660)
        {
            throw new DomainRuleException("discount.days", "days", "The discount days come before the net days, e.g. 2/10 net 30.");
        }
        Percent = percent;
        Days = days;
        NetDays = netDays;
    }

    public decimal Percent { get; }
    public int Days { get; }
    public int NetDays { get; }

    /// <summary>Reads "2/10 net 30", "2/10, n/30" or "2/10 n30" (spaces and case do not matter).</summary>
    public static EarlyPaymentDiscount Parse(string text)
    {
        var match = Notation().Match(text ?? "");
        if (!match.Success)
        {
            throw new DomainRuleException("discount.notation", "discount", "Write the discount as percent/days net days, e.g. 2/10 net 30.");
        }
        return new EarlyPaymentDiscount(decimal.Parse(match.Groups["percent"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["net"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The last day a payment still earns the discount.</summary>
    public DateOnly LastDiscountDay(DateOnly invoiceDate) => invoiceDate.AddDays(Days);

    /// <summary>The day the whole amount is due.</summary>
    public DateOnly NetDueDate(DateOnly invoiceDate) => invoiceDate.AddDays(NetDays);

    /// <summary>
    /// The discount a payment of the rest of the invoice earns, in minor units rounded half away from zero: a share
    /// of what the payment settles, and nothing once the window has closed.
    /// </summary>
    public long DiscountMinor(long settledMinor, DateOnly invoiceDate, DateOnly paidOn)
    {
        if (paidOn > LastDiscountDay(invoiceDate) || settledMinor <= 0)
        {
            return 0;
        }
        return (long)decimal.Round(settledMinor * Percent / 100m, 0, MidpointRounding.AwayFromZero);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent:0.##}/{Days} net {NetDays}");

    [GeneratedRegex(@"^\s*(?<percent>\d+(\.\d+)?)\s*/\s*(?<days>\d+)\s*,?\s*(net|n)\s*/?\s*(?<net>\d+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notation();
}
