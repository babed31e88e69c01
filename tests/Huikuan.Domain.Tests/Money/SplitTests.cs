using CsCheck;
using Huikuan.Domain.Money;

namespace Huikuan.Domain.Tests.Money;

public sealed class SplitTests
{
    [Fact]
    public void Equally_HundredInThree_GivesTheOddCentToTheLast() =>
        Assert.Equal([3333L, 3333L, 3334L], Split.Equally(10000, 3));

    [Theory]
    [InlineData(100L, new[] { 30, 40, 30 }, new[] { 30L, 40L, 30L })]
    [InlineData(1L, new[] { 50, 50 }, new[] { 0L, 1L })]
    [InlineData(158735L, new[] { 25, 25, 25, 25 }, new[] { 39683L, 39684L, 39684L, 39684L })]
    [InlineData(-10000L, new[] { 1, 1, 1 }, new[] { -3333L, -3333L, -3334L })]
    public void ByWeights_SplitsLikeAnAccountant(long total, int[] weights, long[] expected) =>
        Assert.Equal(expected, Split.ByWeights(total, weights.Select(w => (decimal)w).ToArray()));

    [Fact]
    public void ByWeights_AlwaysAddsUpToTheWholeAndStaysWithinOneUnitOfTheExactShare() =>
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Int[1, 10_000].Array[1, 24])
            .Sample((total, rawWeights) =>
            {
                var weights = rawWeights.Select(w => (decimal)w).ToArray();
                var parts = Split.ByWeights(total, weights);
                var sum = weights.Sum();
                return parts.Sum() == total
                    && parts.Select((p, i) => Math.Abs(p - (total * weights[i] / sum))).All(d => d < 1m);
            }, iter: 2000);

    [Fact]
    public void ByWeights_WithoutWeights_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Split.ByWeights(100, []));
}
