using System.Globalization;

namespace Huikuan.Domain.Terms;

/// <summary>A payment made on an installment: from that day on, it no longer bears interest.</summary>
public readonly record struct Payment(DateOnly On, long AmountMinor);

/// <summary>
/// A part of an installment that bears no interest from <see cref="From"/> through <see cref="Through"/> (both
/// included): the part a dispute covers while it is open.
/// </summary>
public readonly record struct InterestPause(DateOnly From, DateOnly Through, long AmountMinor);

/// <summary>Whether a late-interest rate is per day or per year (simple, actual/365).</summary>
public enum InterestRateKind
{
    Daily,
    Yearly,
}

/// <summary>
/// A contract's late-interest clause (违约金/逾期利息): a daily rate such as 0.05 % on what is still outstanding, or a
/// yearly one such as 10 % (simple, actual/365: amount × rate × days / 365), charged for each day past the due date
/// once the grace days have run out, for every day counted (not only those after the grace). Simple interest: it is
/// never charged on earlier interest.
/// </summary>
/// <remarks>
/// 10,000.00 due on 1 March and still unpaid on 21 March (20 days overdue) at 0.05 % a day with 5 grace days:
/// the days after the grace are 7 to 21 March, 15 days, so 10,000.00 × 0.0005 × 15 = 75.00. At 10 % a year,
/// 1,000,000.00 unpaid for 365 charged days is 100,000.00, where the daily rate 0.0273972 % would give 99,999.78.
/// </remarks>
public sealed record LateInterest
{
    /// <summary>Above 1 % a day (365 % a year) a rate is surely a typing error, and courts would not uphold it anyway.</summary>
    public const decimal MaxDailyRatePercent = 1m;
    public const decimal MaxYearlyRatePercent = 365m;

    /// <summary>
    /// Decimal places a rate may have: what the databases store (numeric(12,8) on PostgreSQL, the same digits as text on
    /// SQLite), so a rate is refused rather than rounded differently by each.
    /// </summary>
    public const int RateDecimals = 8;
    public const int MaxGraceDays = 365;

    public LateInterest(decimal dailyRatePercent, int graceDays) : this(dailyRatePercent, graceDays, InterestRateKind.Daily)
    {
    }

    public LateInterest(decimal ratePercent, int graceDays, InterestRateKind kind)
    {
        if (kind == InterestRateKind.Yearly)
        {
            if (ratePercent is < 0 or > MaxYearlyRatePercent)
            {
                throw new DomainRuleException("interest.yearlyRate", "interestYearlyRatePercent",
                    string.Create(CultureInfo.InvariantCulture, $"The yearly rate is a percentage between 0 and {MaxYearlyRatePercent}, such as 10.5."),
                    MaxYearlyRatePercent);
            }
        }
        else if (ratePercent is < 0 or > MaxDailyRatePercent)
        {
            throw new DomainRuleException("interest.rate", "interestDailyRatePercent",
                string.Create(CultureInfo.InvariantCulture, $"The daily rate is a percentage between 0 and {MaxDailyRatePercent}, such as 0.05."),
                MaxDailyRatePercent);
        }
        if (decimal.Round(ratePercent, RateDecimals) != ratePercent)
        {
            throw new DomainRuleException("interest.rateDecimals", kind == InterestRateKind.Yearly ? "interestYearlyRatePercent" : "interestDailyRatePercent",
                string.Create(CultureInfo.InvariantCulture, $"A rate has at most {RateDecimals} decimal places."), RateDecimals);
        }
        if (graceDays is < 0 or > MaxGraceDays)
        {
            throw new DomainRuleException("interest.grace", "graceDays",
                string.Create(CultureInfo.InvariantCulture, $"Grace days are between 0 and {MaxGraceDays}."), MaxGraceDays);
        }
        RatePercent = Normal(ratePercent);
        Kind = kind;
        GraceDays = graceDays;
    }

    /// <summary>A rate without trailing zeros, so 10.5 read back from numeric(12,8) as 10.50000000 is written 10.5 again.</summary>
    public static decimal Normal(decimal ratePercent) => ratePercent / 1.000000000000000000000000000000000m;

    /// <summary>The rate in percent, per day or per year as <see cref="Kind"/> says.</summary>
    public decimal RatePercent { get; }

    public InterestRateKind Kind { get; }

    /// <summary>The rate if it is per day, else null; with <see cref="YearlyRatePercent"/>, how the rate is stored.</summary>
    public decimal? DailyRatePercent => Kind == InterestRateKind.Daily ? RatePercent : null;

    public decimal? YearlyRatePercent => Kind == InterestRateKind.Yearly ? RatePercent : null;

    /// <summary>
    /// The clause from a request or a row that gives its rate per day or per year, never both; null when it gives neither.
    /// </summary>
    public static LateInterest? Of(decimal? dailyRatePercent, decimal? yearlyRatePercent, int graceDays)
    {
        if (dailyRatePercent is not null && yearlyRatePercent is not null)
        {
            throw new DomainRuleException("interest.rateKind", "interestYearlyRatePercent", "Give the interest rate per day or per year, not both.");
        }
        return dailyRatePercent is { } daily ? new LateInterest(daily, graceDays)
            : yearlyRatePercent is { } yearly ? new LateInterest(yearly, graceDays, InterestRateKind.Yearly) : null;
    }
    public int GraceDays { get; }

    /// <summary>The first day that bears interest: the day after the due date and the grace days.</summary>
    public DateOnly FirstInterestDay(DateOnly dueDate) => dueDate.AddDays(GraceDays + 1);

    /// <summary>
    /// The interest on one installment up to and including <paramref name="asOf"/>, in minor units rounded half away from
    /// zero once at the end. Each day from <see cref="FirstInterestDay"/> bears interest on what was outstanding that
    /// day; a payment counts from the day it was made (the day it arrives bears no interest on the part it paid).
    /// </summary>
    public long InterestMinor(long amountMinor, DateOnly dueDate, DateOnly asOf, IEnumerable<Payment> payments) =>
        InterestMinor(amountMinor, dueDate, asOf, payments, []);

    /// <summary>
    /// As above, less the paused parts: on each day the amount bearing interest is what is outstanding less what is
    /// paused that day, never below zero (a payment takes off the part not in dispute first).
    /// </summary>
    public long InterestMinor(long amountMinor, DateOnly dueDate, DateOnly asOf, IEnumerable<Payment> payments, IEnumerable<InterestPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(pauses);
        var first = FirstInterestDay(dueDate);
        if (asOf < first || RatePercent == 0)
        {
            return 0;
        }
        var paid = payments.Where(p => p.On <= asOf).ToList();
        var paused = pauses.Where(p => p.AmountMinor > 0 && p.From <= p.Through).ToList();
        // Outstanding-days: the sum over the charged days of what bore interest, in minor units × days. That amount
        // only changes on payment days and where a pause begins or ends, so it is summed in spans between them.
        var end = asOf.AddDays(1);
        var changes = paid.Select(p => p.On).Concat(paused.Select(p => p.From)).Concat(paused.Select(p => p.Through < asOf ? p.Through.AddDays(1) : end))
            .Where(d => d > first && d < end).Append(first).Append(end).Distinct().Order().ToList();
        decimal minorDays = 0;
        for (var k = 0; k + 1 < changes.Count; k++)
        {
            var day = changes[k];
            var outstanding = amountMinor - paid.Where(p => p.On <= day).Sum(p => p.AmountMinor);
            var inPause = paused.Where(p => p.From <= day && day <= p.Through).Sum(p => p.AmountMinor);
            minorDays += Math.Max(outstanding - inPause, 0) * (decimal)(changes[k + 1].DayNumber - day.DayNumber);
        }
        // A yearly rate counts actual days over a year of 365 (actual/365), leap years included.
        var interest = Kind == InterestRateKind.Yearly ? minorDays * RatePercent / 36_500m : minorDays * RatePercent / 100m;
        return (long)decimal.Round(interest, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The interest on an installment nothing has been paid on.</summary>
    public long InterestMinor(long amountMinor, DateOnly dueDate, DateOnly asOf) => InterestMinor(amountMinor, dueDate, asOf, []);
}
