using CsCheck;
using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Tests.Terms;

public sealed class PaymentTermTests
{
    private static readonly DateOnly Jan31 = new(2026, 1, 31);

    [Theory]
    [InlineData(30, false, 0, "2026-03-02")]   // net 30 from 31 January
    [InlineData(0, true, 0, "2026-01-31")]     // end of month
    [InlineData(60, true, 0, "2026-04-01")]    // 月结60天: end of January + 60 days
    [InlineData(0, false, 1, "2026-02-28")]    // one month later, clamped to February's end
    [InlineData(15, true, 1, "2026-03-15")]    // end of next month + 15 days
    public void DueDate_FollowsTheLine(int days, bool endOfMonth, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new PaymentTermLine(100, days, endOfMonth, months).DueDate(Jan31));

    [Fact]
    public void Schedule_EqualThirds_AddUpExactlyToTheTotal()
    {
        var schedule = PaymentTerm.EqualInstallments(3, 0, 30).Schedule(new DateOnly(2026, 5, 1), 10000);
        Assert.Equal([3333L, 3333L, 3334L], schedule.Select(s => s.AmountMinor));
        Assert.Equal([new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), new DateOnly(2026, 6, 30)], schedule.Select(s => s.DueDate));
        Assert.Equal([1, 2, 3], schedule.Select(s => s.Sequence));
    }

    [Fact]
    public void Schedule_LinesDueTheSameDay_AreMerged()
    {
        var term = new PaymentTerm([new PaymentTermLine(50, 30), new PaymentTermLine(50, 30)]);
        var s = Assert.Single(term.Schedule(new DateOnly(2026, 1, 1), 999));
        Assert.Equal(999, s.AmountMinor);
    }

    [Theory]
    [InlineData(new[] { 50.0, 40.0 }, "terms.sum")]
    [InlineData(new[] { 0.0, 100.0 }, "terms.percent")]
    [InlineData(new double[0], "terms.lines")]
    public void Validate_RefusesTermsThatDoNotAddUp(double[] percents, string rule)
    {
        var e = Assert.Throws<DomainRuleException>(() => new PaymentTerm(percents.Select(p => new PaymentTermLine((decimal)p, 30)).ToArray()));
        Assert.Equal(rule, e.Rule);
    }

    [Fact]
    public void Validate_RefusesNegativeOffsets() =>
        Assert.Equal("terms.offset", Assert.Throws<DomainRuleException>(() => new PaymentTerm([new PaymentTermLine(100, -1)])).Rule);

    [Fact]
    public void Schedule_AnyTermAndTotal_SumsExactlyAndIsInDueDateOrder() =>
        Gen.Select(Gen.Int[1, 12], Gen.Long[1, 100_000_000_000], Gen.Int[0, 365], Gen.Bool)
            .Sample((count, total, first, eom) =>
            {
                var term = new PaymentTerm(Enumerable.Range(0, count)
                    .Select(i => new PaymentTermLine(100m / count, first + (i * 30), eom)).ToArray());
                var schedule = term.Schedule(new DateOnly(2025, 2, 28), total);
                return schedule.Sum(s => s.AmountMinor) == total
                    && schedule.Zip(schedule.Skip(1)).All(p => p.First.DueDate < p.Second.DueDate);
            }, iter: 1000);
}
