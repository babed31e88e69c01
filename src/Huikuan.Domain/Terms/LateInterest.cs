using System.Globalization;

namespace Huikuan.Domain.Terms;

/// <summary>A payment made on an installment: from that day on, it no longer bears interest.</summary>
public readonly record struct Payment(DateOnly On, long AmountMinor);

/// <summary>
/// A contract's late-interest clause (违约金/逾期利息): a daily rate such as 0.05 % on what is still outstanding,
/// charged for each day past the due date once the grace days have run out, for every day counted (not only those
/// after the grace). Simple interest: it is never charged on earlier interest.
/// </summary>
/// <remarks>
/// 10,000.00 due on 1 March and still unpaid on 21 March (20 days overdue) at 0.05 % a day with 5 grace days:
/// the days after the grace are 7 to 21 March, 15 days, so 10,000.00 × 0.0005 × 15 = 75.00.
/// </remarks>
public sealed record LateInterest
{
    /// <summary>Above 1 % a day (365 % a year) a rate is surely a typing error, and courts would not uphold it anyway.</summary>
    public const decimal MaxDailyRatePercent = 1m;
    public const int MaxGraceDays = 365;

    public LateInterest(decimal dailyRatePercent, int graceDays)
    {
        if (dailyRatePercent is < 0 or > MaxDailyRatePercent)
        {
            throw new DomainRuleException("interest.rate", "dailyRatePercent",
                string.Create(CultureInfo.InvariantCulture, $"The daily rate is a percentage between 0 and {MaxDailyRatePercent}, such as 0.05."),
                MaxDailyRatePercent);
        }
        if (graceDays is < 0 or > MaxGraceDays)
        {
            throw new DomainRuleException("interest.grace", "graceDays",
                string.Create(CultureInfo.InvariantCulture, $"Grace days are between 0 and {MaxGraceDays}."), MaxGraceDays);
        }
        DailyRatePercent = dailyRatePercent;
        GraceDays = graceDays;
    }

    public decimal DailyRatePercent { get; }
    public int GraceDays { get; }

    /// <summary>The first day that bears interest: the day after the due date and the grace days.</summary>
    public DateOnly FirstInterestDay(DateOnly dueDate) => dueDate.AddDays(GraceDays + 1);

    /// <summary>
    /// The interest on one installment up to and including <paramref name="asOf"/>, in minor units rounded half away from
    /// zero once at the end. Each day from <see cref="FirstInterestDay"/> bears interest on what was outstanding that
    /// day; a payment counts from the day it was made (the day it arrives bears no interest on the part it paid).
    /// </summary>
    public long InterestMinor(long amountMinor, DateOnly dueDate, DateOnly asOf, IEnumerable<Payment> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var first = FirstInterestDay(dueDate);
        if (asOf < first || DailyRatePercent == 0)
        {
            return 0;
        }
        // Outstanding-days: the sum over the charged days of what was outstanding, in minor units × days. The
        // outstanding amount only changes on payment days, so it is summed in spans between them.
        var outstanding = amountMinor;
        var spanStart = first;
        decimal minorDays = 0;
        foreach (var payment in payments.Where(p => p.On <= asOf).OrderBy(p => p.On))
        {
            if (payment.On <= spanStart)
            {
                outstanding -= payment.AmountMinor;
                continue;
            }
            minorDays += Math.Max(outstanding, 0) * (decimal)(payment.On.DayNumber - spanStart.DayNumber);
            outstanding -= payment.AmountMinor;
            spanStart = payment.On;
        }
        minorDays += Math.Max(outstanding, 0) * (decimal)(asOf.DayNumber - spanStart.DayNumber + 1);
        return (long)decimal.Round(minorDays * DailyRatePercent / 100m, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The interest on an installment nothing has been paid on.</summary>
    public long InterestMinor(long amountMinor, DateOnly dueDate, DateOnly asOf) => InterestMinor(amountMinor, dueDate, asOf, []);
}
