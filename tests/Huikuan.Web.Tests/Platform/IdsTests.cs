using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Tests.Platform;

public sealed class IdsTests
{
    [Fact]
    public void New_CalledManyTimesInOneMillisecond_KeepsStrictlyIncreasingInTheOrderBothDatabasesSortBy()
    {
        // 20 000 keys take well under a few milliseconds each, so most share a millisecond with the previous one.
        var ids = Enumerable.Range(0, 20_000).Select(_ => Ids.New()).ToList();

        for (var i = 1; i < ids.Count; i++)
        {
            // PostgreSQL compares uuid bytes in order; EF Core stores a Guid on SQLite as upper-case text.
            Assert.True(string.CompareOrdinal(ids[i - 1].ToString().ToUpperInvariant(), ids[i].ToString().ToUpperInvariant()) < 0,
                $"{ids[i - 1]} does not sort before {ids[i]}");
            Assert.Equal(7, ids[i].Version);
        }
    }

    [Fact]
    public void New_FromManyThreadsAtOnce_NeverRepeatsAKey()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++) ids.Add(Ids.New());
        });
        Assert.Equal(40_000, ids.Distinct().Count());
    }
}
