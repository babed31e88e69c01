using Huikuan.Domain.Dunning;
using Huikuan.Domain.Terms;

namespace Huikuan.Domain.Tests.Dunning;

public sealed class DisputePausesTests
{
    private static readonly DateOnly Due = new(2026, 3, 1);
    private static readonly LateInterest Clause = new(0.05m, 0);

    [Fact]
    public void WithoutPauses_InterestIsAsBefore()
    {
        var payments = new[] { new Payment(new DateOnly(2026, 3, 11), 400_000) };
        Assert.Equal(Clause.InterestMinor(1_000_000, Due, new DateOnly(2026, 3, 31), payments),
            Clause.InterestMinor(1_000_000, Due, new DateOnly(2026, 3, 31), payments, []));
        // From 2 March: 9 days on 10,000.00 (45.00) and 21 on 6,000.00 (63.00).
        Assert.Equal(10_800, Clause.InterestMinor(1_000_000, Due, new DateOnly(2026, 3, 31), payments));
    }

    [Fact]
    public void APause_TakesItsAmountOffForItsDaysOnly_BothIncluded()
    {
        // 30 days on 10,000.00 is 150.00; 4,000.00 paused from the 11th to the 20th (10 days) takes off 20.00.
        var pause = new InterestPause(new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 20), 400_000);
        Assert.Equal(13_000, Clause.InterestMinor(1_000_000, Due, new DateOnly(2026, 3, 31), [], [pause]));
        // An open pause runs to the day asked about.
        var open = new InterestPause(new DateOnly(2026, 3, 11), DateOnly.MaxValue, 1_000_000);
        Assert.Equal(4_500, Clause.InterestMinor(1_000_000, Due, new DateOnly(2026, 3, 31), [], [open]));
    }

    [Fact]
    public void ADispute_CoversTheOldestItemsFirst_UpToWhatWasOpenTheDayItWasOpened()
    {
        var first = new PausedItem(Guid.NewGuid(), Due, 300_000, [new Payment(new DateOnly(2026, 3, 5), 100_000)]);
        var second = new PausedItem(Guid.NewGuid(), Due.AddDays(30), 500_000, []);
        var opened = new DateOnly(2026, 3, 10);
        var pauses = DisputePauses.Cover([second, first], [new PausingDispute(400_000, opened, null)]);

        Assert.Equal([new InterestPause(opened, DateOnly.MaxValue, 200_000)], pauses[first.Id]);
        Assert.Equal([new InterestPause(opened, DateOnly.MaxValue, 200_000)], pauses[second.Id]);
    }

    [Fact]
    public void TwoDisputesOpenAtOnce_DoNotCoverTheSameMoney_ButOneResolvedEarlierFreesIt()
    {
        var item = new PausedItem(Guid.NewGuid(), Due, 500_000, []);
        var other = new PausedItem(Guid.NewGuid(), Due.AddDays(10), 500_000, []);
        var pauses = DisputePauses.Cover([item, other],
        [
            new PausingDispute(300_000, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12)),
            new PausingDispute(300_000, new DateOnly(2026, 3, 11), null),
            new PausingDispute(500_000, new DateOnly(2026, 3, 20), null),
        ]);

        Assert.Equal([300_000, 200_000, 300_000], pauses[item.Id].Select(p => p.AmountMinor));
        Assert.Equal([100_000, 200_000], pauses[other.Id].Select(p => p.AmountMinor));
    }
}
