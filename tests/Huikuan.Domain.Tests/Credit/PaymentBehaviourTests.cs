using CsCheck;
using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Tests.Credit;

public sealed class PaymentBehaviourTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    private static DueItem Paid(int dueDaysAgo, long amount, int daysLate) =>
        new(AsOf.AddDays(-dueDaysAgo), amount, 0, AsOf.AddDays(-dueDaysAgo + daysLate));

    [Fact]
    public void ACustomerWhoAlwaysPaysOnTheDueDate_IsOnTimeWithNoDaysLate()
    {
        var b = PaymentBehaviour.From([Paid(10, 1_000, 0), Paid(40, 5_000, -3), Paid(200, 2_000, 0)], AsOf);
        Assert.Equal(3, b.ItemsDue);
        Assert.Equal(1m, b.OnTimeShare);
        Assert.Equal(0m, b.AverageDaysLate);
    }

    [Fact]
    public void DaysLate_AreWeightedByAmount()
    {
        // 1,000 paid 30 days late and 9,000 on time: (1,000 × 30) / 10,000 = 3.0 days.
        var b = PaymentBehaviour.From([Paid(100, 1_000, 30), Paid(150, 9_000, 0)], AsOf);
        Assert.Equal(0.5m, b.OnTimeShare);
        Assert.Equal(3.0m, b.AverageDaysLate);
    }

    [Fact]
    public void AnItemStillOpen_IsLateByTheDaysSoFar_AndNotOnTime()
    {
        var b = PaymentBehaviour.From([new DueItem(AsOf.AddDays(-45), 2_000, 2_000, null), new DueItem(AsOf.AddDays(-45), 2_000, 500, AsOf.AddDays(-5))], AsOf);
        Assert.Equal(0, b.PaidOnTime);
        Assert.Equal(45m, b.AverageDaysLate);
    }

    [Fact]
    public void Trend_ComparesTheLastThreeMonthsWithTheThreeBefore()
    {
        // Earlier (4–5 months ago): 10 days late; recent (last 3 months): 25 days late → 15 days worse.
        var b = PaymentBehaviour.From([Paid(130, 1_000, 10), Paid(60, 1_000, 25)], AsOf);
        Assert.Equal(25m, b.RecentDaysLate);
        Assert.Equal(10m, b.EarlierDaysLate);
        Assert.Equal(15m, b.Trend);
    }

    [Fact]
    public void ItemsOutsideTheWindow_OrNotYetDue_DoNotCount()
    {
        var b = PaymentBehaviour.From([Paid(400, 1_000, 90), new DueItem(AsOf.AddDays(10), 1_000, 1_000, null)], AsOf);
        Assert.Equal(0, b.ItemsDue);
        Assert.Null(b.OnTimeShare);
        Assert.Null(b.AverageDaysLate);
        Assert.Null(b.Trend);
    }

    [Fact]
    public void Shares_StayBetweenZeroAndOne_AndDaysLateAreNeverNegative()
    {
        var item = Gen.Select(Gen.Int[0, 500], Gen.Long[1, 1_000_000], Gen.Int[-30, 200], Gen.Bool)
            .Select((due, amount, late, open) => open ? new DueItem(AsOf.AddDays(-due), amount, amount, null) : Paid(due, amount, late));
        item.Array[0, 40].Sample(items =>
        {
            var b = PaymentBehaviour.From(items, AsOf);
            return (b.OnTimeShare is null || b.OnTimeShare is >= 0 and <= 1)
                && (b.AverageDaysLate is null || b.AverageDaysLate >= 0)
                && b.PaidOnTime <= b.ItemsDue;
        });
    }
}
