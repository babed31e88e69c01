using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class PromiseToPayTests
{
    private static readonly DateOnly Made = new(2026, 11, 2);
    private static readonly DateOnly Promised = new(2026, 11, 10);

    [Theory]
    // today, receipts (day of month:amount), status, paid
    [InlineData(5, "", PromiseStatus.Open, 0)]
    [InlineData(10, "", PromiseStatus.Open, 0)]
    [InlineData(11, "", PromiseStatus.Broken, 0)]
    [InlineData(6, "6:500000", PromiseStatus.Kept, 500_000)]
    [InlineData(11, "4:200000,10:300000", PromiseStatus.Kept, 500_000)]
    [InlineData(11, "4:200000,11:300000", PromiseStatus.Broken, 200_000)]
    [InlineData(11, "1:500000", PromiseStatus.Broken, 0)]
    [InlineData(11, "3:500000,5:-500000", PromiseStatus.Broken, 0)]
    public void Evaluate_ReadsWhatCameInFromTheDayItWasMadeToThePromisedDay(int today, string receipts, PromiseStatus status, long paid)
    {
        var payments = receipts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(':'))
            .Select(p => new ReceivedPayment(new DateOnly(2026, 11, int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture)),
                long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));

        var result = PromiseToPay.Evaluate(500_000, Made, Promised, payments, new DateOnly(2026, 11, today));

        Assert.Equal((status, paid), result);
    }

    [Theory]
    [InlineData(0, 10, "amount")]
    [InlineData(100, -1, "promisedOn")]
    [InlineData(100, 367, "promisedOn")]
    public void Validate_RefusesNothingPromised_APastDay_OrOneTooFarAhead(long amount, int daysAhead, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => PromiseToPay.Validate(amount, Made, Made.AddDays(daysAhead))).Field);
}
