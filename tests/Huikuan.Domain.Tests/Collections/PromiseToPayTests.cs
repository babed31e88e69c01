using System.Globalization;
using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

/// <summary>Days are of November 2026: the 2nd is a Monday, the 7th and 8th, 14th and 15th are weekends.</summary>
public sealed class PromiseToPayTests
{
    private static readonly DateOnly Made = new(2026, 11, 2);
    private static readonly DateOnly Promised = new(2026, 11, 10);

    [Theory]
    // today, receipts (day:amount, a reversal as day:-amount@n naming the n-th receipt), status, paid; promised on
    // Tuesday the 10th, made on the 2nd, grace 2 business days: the last day is Thursday the 12th.
    [InlineData(5, "", PromiseStatus.Open, 0)]
    [InlineData(10, "", PromiseStatus.Open, 0)]
    [InlineData(12, "", PromiseStatus.Open, 0)]
    [InlineData(13, "", PromiseStatus.Broken, 0)]
    [InlineData(6, "6:500000", PromiseStatus.Kept, 500_000)]
    [InlineData(6, "6:700000", PromiseStatus.Kept, 500_000)]
    [InlineData(13, "4:200000,10:300000", PromiseStatus.Kept, 500_000)]
    [InlineData(11, "4:200000,11:300000", PromiseStatus.Kept, 500_000)]
    [InlineData(13, "4:200000,12:300000", PromiseStatus.Kept, 500_000)]
    [InlineData(13, "4:200000", PromiseStatus.PartlyKept, 200_000)]
    [InlineData(16, "4:200000,13:300000", PromiseStatus.PartlyKept, 200_000)]
    [InlineData(13, "1:500000", PromiseStatus.Broken, 0)]
    [InlineData(13, "3:500000,5:-500000@1", PromiseStatus.Broken, 0)]
    [InlineData(13, "3:500000,5:-500000", PromiseStatus.Broken, 0)]
    [InlineData(5, "3:500000,4:-500000@1", PromiseStatus.Open, 0)]
    [InlineData(13, "3:500000,12:-500000@1,12:500000", PromiseStatus.Kept, 500_000)]
    [InlineData(16, "3:500000,13:-500000@1", PromiseStatus.Kept, 500_000)]
    [InlineData(13, "3:300000,4:200000,5:-200000@2", PromiseStatus.PartlyKept, 300_000)]
    [InlineData(13, "1:500000,5:-500000@1", PromiseStatus.Broken, 0)]
    public void Evaluate_ReadsWhatCameInFromTheDayItWasMadeToTheLastDayOfItsGrace(int today, string receipts, PromiseStatus status, long paid)
    {
        var result = PromiseToPay.Evaluate(500_000, Made, Promised, Receipts(receipts), Day(today));

        Assert.Equal((status, paid), result);
    }

    [Theory]
    // promised, grace, last day: business days are Monday to Friday.
    [InlineData(10, 2, 12)]
    [InlineData(6, 2, 10)]
    [InlineData(5, 2, 9)]
    [InlineData(7, 2, 10)]
    [InlineData(6, 0, 6)]
    [InlineData(7, 0, 7)]
    [InlineData(6, 1, 9)]
    [InlineData(2, 10, 16)]
    public void LastDay_CountsOnlyMondayToFriday(int promised, int grace, int lastDay) =>
        Assert.Equal(Day(lastDay), PromiseToPay.LastDay(Day(promised), grace));

    [Theory]
    // day, grace, the earliest promised day still running on that day.
    [InlineData(10, 2, 6)]
    [InlineData(9, 2, 5)]
    [InlineData(10, 0, 10)]
    [InlineData(9, 0, 9)]
    [InlineData(16, 1, 13)]
    public void RunningFrom_IsTheEarliestPromisedDayWhoseGraceReachesTheDay(int day, int grace, int from)
    {
        Assert.Equal(Day(from), PromiseToPay.RunningFrom(Day(day), grace));
        Assert.True(PromiseToPay.LastDay(Day(from), grace) >= Day(day));
        Assert.True(PromiseToPay.LastDay(Day(from).AddDays(-1), grace) < Day(day));
    }

    [Theory]
    // promised Friday the 6th: with 2 business days of grace money counts until Tuesday the 10th.
    [InlineData(2, 9, "", PromiseStatus.Open)]
    [InlineData(2, 10, "10:500000", PromiseStatus.Kept)]
    [InlineData(2, 11, "", PromiseStatus.Broken)]
    [InlineData(2, 11, "9:100", PromiseStatus.PartlyKept)]
    [InlineData(0, 7, "", PromiseStatus.Broken)]
    [InlineData(0, 7, "7:500000", PromiseStatus.Broken)]
    [InlineData(0, 6, "6:500000", PromiseStatus.Kept)]
    public void Grace_RunsOverTheWeekendInBusinessDays(int grace, int today, string receipts, PromiseStatus status) =>
        Assert.Equal(status, PromiseToPay.Evaluate(500_000, Made, Day(6), Receipts(receipts), Day(today), grace).Status);

    [Theory]
    // promises (made-promised:amount, optionally =StoredStatus/storedPaid), receipts, today, outcomes (status:paid).
    // Two promises, one receipt that covers the older one and part of the newer.
    [InlineData("2-10:300000;3-12:300000", "4:400000", 17, "Kept:300000;PartlyKept:100000")]
    [InlineData("2-10:300000;3-12:300000", "4:400000", 9, "Kept:300000;Open:100000")]
    // The older promise is served first even when it is given second.
    [InlineData("3-12:300000;2-10:300000", "4:400000", 9, "Open:100000;Kept:300000")]
    // A receipt from before the newer promise was made counts only for the older one.
    [InlineData("2-10:300000;5-12:300000", "3:500000", 17, "Kept:300000;Broken:0")]
    // A receipt after the older one's last day goes to the newer one.
    [InlineData("2-10:300000;3-16:300000", "13:300000", 17, "Broken:0;Kept:300000")]
    // A reversal takes back from the promises its receipt served, newest first.
    [InlineData("2-10:300000;3-12:300000", "4:400000,5:-400000@1", 9, "Open:0;Open:0")]
    [InlineData("2-10:300000;3-12:300000", "4:400000,6:200000,9:-400000@1", 9, "Open:0;Open:200000")]
    // A promise decided for good keeps what it was given: a late-recorded receipt in its window goes to the next.
    [InlineData("2-10:300000=Broken/0;3-12:300000", "4:300000", 11, "Broken:0;Kept:300000")]
    [InlineData("2-10:300000=PartlyKept/100000;3-12:300000", "4:300000", 11, "PartlyKept:100000;Open:200000")]
    [InlineData("2-4:300000=Kept/300000;3-12:300000", "3:300000,4:300000", 11, "Kept:300000;Kept:300000")]
    // A promise kept before its last day is read again: a reversal in its window reopens it.
    [InlineData("2-10:300000=Kept/300000", "3:300000,9:-300000@1", 9, "Open:0")]
    // Cancelled promises take nothing.
    [InlineData("2-10:300000=Cancelled/0;3-12:300000", "4:300000", 9, "Cancelled:0;Kept:300000")]
    // Huge amounts in minor units, near 10^15.
    [InlineData("2-10:999999999999999", "3:500000000000000,4:499999999999999", 9, "Kept:999999999999999")]
    [InlineData("2-10:999999999999999;3-12:999999999999999", "4:1999999999999997", 17, "Kept:999999999999999;PartlyKept:999999999999998")]
    // A promise made for today, paid today; and one made for today that nobody pays.
    [InlineData("10-10:300000", "10:300000", 10, "Kept:300000")]
    [InlineData("10-10:300000", "", 10, "Open:0")]
    [InlineData("10-10:300000", "", 13, "Broken:0")]
    public void EvaluateAll_CountsEachReceiptOnce_OldestPromiseFirst(string promises, string receipts, int today, string outcomes)
    {
        var terms = promises.Split(';').Select(Terms).ToList();

        var result = PromiseToPay.EvaluateAll(terms, Receipts(receipts), Day(today), PromiseToPay.DefaultGraceDays);

        Assert.Equal(terms.Select(t => t.Id), result.Select(r => r.Id));
        Assert.Equal(outcomes, string.Join(";", result.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Status}:{r.PaidMinor}"))));
    }

    [Theory]
    [InlineData(0, 10, "amount")]
    [InlineData(100, -1, "promisedOn")]
    [InlineData(100, 367, "promisedOn")]
    public void Validate_RefusesNothingPromised_APastDay_OrOneTooFarAhead(long amount, int daysAhead, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => PromiseToPay.Validate(amount, Made, Made.AddDays(daysAhead))).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void ValidateGraceDays_RefusesLessThanNone_OrMoreThanTen(int days) =>
        Assert.Equal("promise.graceDays", Assert.Throws<DomainRuleException>(() => PromiseToPay.ValidateGraceDays(days)).Rule);

    private static DateOnly Day(int day) => new(2026, 11, day);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static PromiseTerms Terms(string text, int index)
    {
        var (terms, stored) = text.Split('=') is [var t, var s] ? (t, s) : (text, null);
        var days = terms.Split(':')[0].Split('-');
        var id = new Guid(index + 1, 0, 0, new byte[8]);
        var promise = new PromiseTerms(id, Long(terms.Split(':')[1]), Day(int.Parse(days[0], CultureInfo.InvariantCulture)),
            Day(int.Parse(days[1], CultureInfo.InvariantCulture)));
        return stored is null ? promise
            : promise with { Stored = Enum.Parse<PromiseStatus>(stored.Split('/')[0]), StoredPaidMinor = Long(stored.Split('/')[1]) };
    }

    private static IEnumerable<ReceivedPayment> Receipts(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((r, i) =>
        {
            var (payment, reverses) = r.Split('@') is [var p, var n] ? (p, (int?)int.Parse(n, CultureInfo.InvariantCulture)) : (r, null);
            var parts = payment.Split(':');
            return new ReceivedPayment(Day(int.Parse(parts[0], CultureInfo.InvariantCulture)), Long(parts[1]), ReceiptId(i + 1),
                reverses is { } of ? ReceiptId(of) : null);
        });

    private static Guid ReceiptId(int n) => new(0, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)n]);
}
