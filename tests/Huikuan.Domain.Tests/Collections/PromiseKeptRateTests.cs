using System.Globalization;
using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class PromiseKeptRateTests
{
    [Theory]
    // promises (currency:status:amount:paid), decided, by count, by amount per currency (currency:rate)
    [InlineData("", 0, null, "")]
    [InlineData("CNY:Open:100:0,CNY:Cancelled:100:0", 0, null, "")]
    [InlineData("CNY:Kept:100:100,CNY:Broken:100:0", 2, "0.5", "CNY:0.5")]
    [InlineData("CNY:Kept:100:100,CNY:PartlyKept:300:100,CNY:Broken:100:0", 3, "0.3333", "CNY:0.4")]
    [InlineData("CNY:Kept:100:150,USD:PartlyKept:200:50,CNY:Open:500:0", 2, "0.5", "CNY:1;USD:0.25")]
    [InlineData("CNY:Kept:999999999999999:999999999999999,CNY:PartlyKept:999999999999999:1", 2, "0.5", "CNY:0.5")]
    public void Of_CountsKeptOverDecided_AndPaidOverPromisedPerCurrency(string promises, int decided, string? byCount, string byAmount)
    {
        var rows = promises.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).Select(p =>
            new DecidedPromise(p[0], Enum.Parse<PromiseStatus>(p[1]), long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture)));

        var rate = PromiseKeptRate.Of(rows);

        Assert.Equal(decided, rate.Decided);
        Assert.Equal(byCount is null ? null : decimal.Parse(byCount, CultureInfo.InvariantCulture), rate.ByCount);
        Assert.Equal(byAmount, string.Join(";", rate.ByAmount.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Currency}:{a.Rate:0.####}"))));
    }
}
