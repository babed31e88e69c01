using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class PaymentPlanTests
{
    /// <summary>A Monday.</summary>
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly PaymentPlanLine[] ThreeMonths =
        [new(Today.AddDays(7), 100_000), new(Today.AddDays(37), 100_000), new(Today.AddDays(67), 100_000)];

    private static string RuleOf(Action act) => Assert.ThrowsAny<DomainRuleException>(act).Rule;

    [Fact]
    public void AProposal_WhoseLinesAddUpAndFitWhatIsOverdue_IsValid() =>
        PaymentPlans.Validate(ThreeMonths, 300_000, 300_000, Today);

    [Theory]
    [InlineData("none", "paymentPlan.noLines")]
    [InlineData("many", "paymentPlan.tooManyLines")]
    [InlineData("zero", "paymentPlan.lineAmount")]
    [InlineData("negative", "paymentPlan.lineAmount")]
    [InlineData("yesterday", "paymentPlan.pastDate")]
    [InlineData("sameDay", "paymentPlan.dateOrder")]
    [InlineData("backwards", "paymentPlan.dateOrder")]
    [InlineData("farAway", "paymentPlan.tooFar")]
    [InlineData("mismatch", "paymentPlan.total")]
    [InlineData("overOverdue", "paymentPlan.overOverdue")]
    public void ABadProposal_IsRefused_WithItsRule(string what, string rule)
    {
        var lines = ThreeMonths.ToList();
        var covered = 300_000L;
        var overdue = 300_000L;
        switch (what)
        {
            case "none": lines.Clear(); covered = 0; break;
            case "many": lines = [.. Enumerable.Range(0, PaymentPlans.MaxLines + 1).Select(i => new PaymentPlanLine(Today.AddDays(i), 100))]; break;
            case "zero": lines[1] = lines[1] with { AmountMinor = 0 }; break;
            case "negative": lines[1] = lines[1] with { AmountMinor = -1 }; break;
            case "yesterday": lines[0] = lines[0] with { DueOn = Today.AddDays(-1) }; break;
            case "sameDay": lines[1] = lines[1] with { DueOn = lines[0].DueOn }; break;
            case "backwards": lines[2] = lines[2] with { DueOn = lines[0].DueOn.AddDays(1) }; lines[1] = lines[1] with { DueOn = lines[0].DueOn.AddDays(2) }; break;
            case "farAway": lines[2] = lines[2] with { DueOn = Today.AddDays(PaymentPlans.MaxDaysAhead + 1) }; break;
            case "mismatch": covered = 299_999; break;
            default: overdue = 299_999; break;
        }

        Assert.Equal(rule, RuleOf(() => PaymentPlans.Validate(lines, covered, overdue, Today)));
    }

    [Fact]
    public void AFirstLineDueToday_IsAllowed() =>
        PaymentPlans.Validate([new PaymentPlanLine(Today, 1)], 1, 1, Today);

    [Fact]
    public void Even_SpreadsMonthly_AndTheRemainderGoesToTheFirstLines()
    {
        var lines = PaymentPlans.Even(100_000, 3, new DateOnly(2027, 1, 31));

        Assert.Equal([33_334L, 33_333L, 33_333L], lines.Select(l => l.AmountMinor));
        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31)], lines.Select(l => l.DueOn));
        Assert.Equal(100_000, PaymentPlans.Total(lines));
    }

    [Fact]
    public void ReceiptsAfterApproval_FillTheLinesOldestFirst_AndThePlanRuns()
    {
        var outcome = Evaluate([new ReceivedPayment(Today.AddDays(1), 150_000)], Today.AddDays(2));

        Assert.Equal(PaymentPlanStatus.Running, outcome.Status);
        Assert.Equal(150_000, outcome.PaidMinor);
        Assert.Equal([100_000L, 50_000L, 0L], outcome.LinesPaidMinor);
        Assert.Null(outcome.BrokenLine);
    }

    [Fact]
    public void AReceiptFromBeforeTheApproval_DoesNotCount() =>
        Assert.Equal(0, Evaluate([new ReceivedPayment(Today.AddDays(-1), 300_000)], Today.AddDays(1)).PaidMinor);

    [Fact]
    public void EverythingPaid_CompletesThePlan_EvenBeforeTheLastDueDate() =>
        Assert.Equal(PaymentPlanStatus.Completed, Evaluate([new ReceivedPayment(Today, 300_000)], Today).Status);

    [Fact]
    public void ALineShortAfterItsDueDateAndGrace_BreaksThePlan_TheNextDayNotBefore()
    {
        // Line 1 due Monday 14th, grace 2 business days: last day Wednesday 16th.
        ReceivedPayment[] receipts = [new(Today.AddDays(1), 99_999)];

        Assert.Equal(PaymentPlanStatus.Running, Evaluate(receipts, Today.AddDays(9)).Status);
        var broken = Evaluate(receipts, Today.AddDays(10));
        Assert.Equal((PaymentPlanStatus.Broken, 0), (broken.Status, broken.BrokenLine));
    }

    [Fact]
    public void APaymentOnTheLastDayOfGrace_KeepsTheLine() =>
        Assert.Equal(PaymentPlanStatus.Running, Evaluate([new ReceivedPayment(Today.AddDays(9), 100_000)], Today.AddDays(20)).Status);

    [Fact]
    public void APaymentAfterTheGrace_DoesNotMendALineMissedBefore()
    {
        var outcome = Evaluate([new ReceivedPayment(Today.AddDays(12), 100_000)], Today.AddDays(12));

        Assert.Equal((PaymentPlanStatus.Broken, 0), (outcome.Status, outcome.BrokenLine));
    }

    [Fact]
    public void AReversal_TakesBackWhatItsReceiptPaid_SoALineMayBreakAfterAll()
    {
        var receipt = Guid.NewGuid();
        ReceivedPayment[] receipts = [new(Today.AddDays(1), 100_000, receipt), new(Today.AddDays(8), -100_000, Guid.NewGuid(), receipt)];

        Assert.Equal(PaymentPlanStatus.Broken, Evaluate(receipts, Today.AddDays(10)).Status);
    }

    [Fact]
    public void AReversalOfAReceiptFromBeforeTheApproval_TakesNothingFromThePlan()
    {
        var old = Guid.NewGuid();
        ReceivedPayment[] receipts =
            [new(Today.AddDays(-3), 50_000, old), new(Today.AddDays(1), 100_000, Guid.NewGuid()), new(Today.AddDays(2), -50_000, Guid.NewGuid(), old)];

        Assert.Equal(100_000, Evaluate(receipts, Today.AddDays(10)).PaidMinor);
    }

    [Theory]
    [InlineData(PaymentPlanStatus.Proposed)]
    [InlineData(PaymentPlanStatus.Cancelled)]
    [InlineData(PaymentPlanStatus.Broken)]
    public void APlanNotRunning_StaysAsItIs(PaymentPlanStatus stored) =>
        Assert.Equal(stored, PaymentPlans.Evaluate(ThreeMonths, stored, Today, [new ReceivedPayment(Today, 300_000)], Today.AddDays(100), 2).Status);

    [Fact]
    public void Cover_TakesTheOldestItemsFirst_TheLastInPart()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var covered = PaymentPlans.Cover([(c, Today.AddDays(-5), 100), (a, Today.AddDays(-40), 200), (b, Today.AddDays(-20), 300)], 400);

        Assert.Equal([(a, 200L), (b, 200L)], covered);
    }

    private static PaymentPlanOutcome Evaluate(IEnumerable<ReceivedPayment> receipts, DateOnly on) =>
        PaymentPlans.Evaluate(ThreeMonths, PaymentPlanStatus.Running, Today, receipts, on, graceDays: 2);
}
