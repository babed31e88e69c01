using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class WorklistTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    /// <summary>The default rules, amounts in fen (CNY).</summary>
    private static readonly IReadOnlyList<WorklistRuleSpec> Rules =
        [.. Worklist.Defaults.Select((d, i) => new WorklistRuleSpec(new Guid(i + 1, 0, 0, new byte[8]), d.Kind, d.Days,
            d.Amount is { } a ? (long)(a * 100) : null, d.Points))];

    private static WorklistScore Score(WorklistFacts facts) => Worklist.Score(facts, Rules, Today);

    [Fact]
    public void NothingOverdueAndNothingPromised_ScoresNothing()
    {
        var score = Score(new WorklistFacts());

        Assert.Equal(0, score.Points);
        Assert.Empty(score.Reasons);
        Assert.Null(score.SetAside);
    }

    [Fact]
    public void OfEachKind_OnlyTheStrongestBandCounts()
    {
        // 150,000.00 overdue for 45 days, never contacted: ≥ 100,000 (35), ≥ 30 days (15), no contact (20).
        var score = Score(new WorklistFacts { OverdueMinor = 15_000_000, OldestDueDate = Today.AddDays(-45) });

        Assert.Equal(35 + 15 + 20, score.Points);
        Assert.Equal([WorklistRuleKind.OverdueAmount, WorklistRuleKind.NoContact, WorklistRuleKind.DaysPastDue], score.Reasons.Select(r => r.Kind));
        Assert.Equal(45, score.Reasons.Single(r => r.Kind == WorklistRuleKind.DaysPastDue).Days);
        Assert.Equal(15_000_000, score.AtStakeMinor);
        Assert.Equal(SuggestedAction.Call, score.Action);
    }

    [Fact]
    public void ABrokenPromise_OutweighsAnyAmount_AndAsksForANewDate()
    {
        var large = Score(new WorklistFacts { OverdueMinor = 500_000_000, OldestDueDate = Today.AddDays(-100), LastContactOn = Today.AddDays(-1) });
        var broken = Score(new WorklistFacts
        {
            OverdueMinor = 200_000, OldestDueDate = Today.AddDays(-5), PromiseBrokenOn = Today.AddDays(-1), BrokenPromiseMinor = 200_000,
            LastContactOn = Today.AddDays(-10),
        });

        Assert.True(broken.Points > large.Points, $"{broken.Points} ≤ {large.Points}");
        Assert.Equal(WorklistRuleKind.PromiseBroken, broken.Reasons[0].Kind);
        Assert.Equal(SuggestedAction.ChaseBrokenPromise, broken.Action);
    }

    [Fact]
    public void ABrokenPromiseOlderThanItsWindow_NoLongerCounts() =>
        Assert.DoesNotContain(WorklistRuleKind.PromiseBroken,
            Score(new WorklistFacts { PromiseBrokenOn = Today.AddDays(-31), BrokenPromiseMinor = 100 }).Reasons.Select(r => r.Kind));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void APromiseDueTodayOrTomorrow_IsAReasonToCall_ALaterOne_DropsTheCustomer(int daysAhead, bool onList)
    {
        var score = Score(new WorklistFacts
        {
            OverdueMinor = 1_000_000, OldestDueDate = Today.AddDays(-20), PromiseDueOn = Today.AddDays(daysAhead), PromiseDueMinor = 1_000_000,
        });

        Assert.Equal(onList, score.SetAside is null);
        Assert.Equal(onList ? SuggestedAction.ConfirmPromise : SuggestedAction.Call, score.Action);
        if (!onList)
        {
            Assert.Equal(SetAsideReason.PromiseRunning, score.SetAside);
            Assert.True(score.Dropped);
        }
    }

    [Fact]
    public void NoContact_CountsFromTheLastContact_AndOnlyWhenSomethingIsOverdue()
    {
        Assert.DoesNotContain(WorklistRuleKind.NoContact, Score(new WorklistFacts { LastContactOn = Today.AddDays(-90) }).Reasons.Select(r => r.Kind));
        var recent = Score(new WorklistFacts { OverdueMinor = 100, OldestDueDate = Today.AddDays(-3), LastContactOn = Today.AddDays(-13) });
        Assert.DoesNotContain(WorklistRuleKind.NoContact, recent.Reasons.Select(r => r.Kind));
        var stale = Score(new WorklistFacts { OverdueMinor = 100, OldestDueDate = Today.AddDays(-3), LastContactOn = Today.AddDays(-30) });
        var reason = Assert.Single(stale.Reasons, r => r.Kind == WorklistRuleKind.NoContact);
        Assert.Equal((20, 30), (reason.Points, reason.Days));
    }

    [Fact]
    public void ALargeItemDueSoon_BeforeAnythingIsOverdue_AsksForAReminder()
    {
        var score = Score(new WorklistFacts { LargeItemDueOn = Today.AddDays(5), LargeItemMinor = 8_000_000, LastContactOn = Today.AddDays(-60) });

        Assert.Equal(15, score.Points);
        Assert.Equal(8_000_000, score.AtStakeMinor);
        Assert.Equal(SuggestedAction.RemindBeforeDue, score.Action);
        Assert.Equal(0, Score(new WorklistFacts { LargeItemDueOn = Today.AddDays(8), LargeItemMinor = 8_000_000 }).Points);
        Assert.Equal(0, Score(new WorklistFacts { LargeItemDueOn = Today.AddDays(5), LargeItemMinor = 4_999_999 }).Points);
    }

    [Theory]
    [InlineData("snoozed", SetAsideReason.Snoozed, true)]
    [InlineData("unapplied", SetAsideReason.UnappliedCash, false)]
    [InlineData("remittance", SetAsideReason.RemittancePending, false)]
    [InlineData("paid", SetAsideReason.JustPaid, false)]
    [InlineData("blocked", SetAsideReason.Blocked, false)]
    public void ACustomerWhomChasingWouldWrong_IsSetAside_WithTheReason_ButKeepsTheirPoints(string state, SetAsideReason reason, bool dropped)
    {
        var facts = new WorklistFacts { OverdueMinor = 5_000_000, OldestDueDate = Today.AddDays(-40) };
        facts = state switch
        {
            "snoozed" => facts with { SnoozedUntil = Today },
            "unapplied" => facts with { UnappliedMinor = 1 },
            "remittance" => facts with { RemittancePending = true },
            "paid" => facts with { LastReceiptOn = Today.AddDays(-Worklist.JustPaidDays), JustPaidMinor = 5_000_000 },
            _ => facts with { Blocked = true },
        };

        var score = Score(facts);

        Assert.Equal(reason, score.SetAside);
        Assert.Equal(dropped, score.Dropped);
        Assert.Equal(Score(new WorklistFacts { OverdueMinor = 5_000_000, OldestDueDate = Today.AddDays(-40) }).Points, score.Points);
    }

    [Fact]
    public void ASnoozeThatEndedYesterday_OrAPaymentFourDaysAgo_NoLongerSetsAside()
    {
        Assert.Null(Score(new WorklistFacts { OverdueMinor = 100, OldestDueDate = Today.AddDays(-9), SnoozedUntil = Today.AddDays(-1) }).SetAside);
        Assert.Null(Score(new WorklistFacts { OverdueMinor = 100, OldestDueDate = Today.AddDays(-9), LastReceiptOn = Today.AddDays(-4) }).SetAside);
    }

    [Fact]
    public void ASmallPaymentAgainstALargeDebt_DoesNotSetTheCustomerAside()
    {
        var facts = new WorklistFacts { OverdueMinor = 5_000_000, OldestDueDate = Today.AddDays(-40), LastReceiptOn = Today.AddDays(-1) };

        Assert.Null(Score(facts with { JustPaidMinor = 4_999_999 }).SetAside);
        Assert.Equal(SetAsideReason.JustPaid, Score(facts with { JustPaidMinor = 5_000_000 }).SetAside);
    }

    [Fact]
    public void ALatePayersRecentlyDueItems_CountByAmountBand_OnlyWhenTheyPayLateOnAverageEnough()
    {
        var facts = new WorklistFacts { OverdueMinor = 20_000_000, OldestDueDate = Today.AddDays(-12), RecentlyDueMinor = 15_000_000, AverageDaysLate = 31.4m };

        var reason = Assert.Single(Score(facts).Reasons, r => r.Kind == WorklistRuleKind.LatePayerRecentlyDue);

        Assert.Equal((60, 15_000_000L, 31), (reason.Points, reason.Amount, reason.Days));
        Assert.DoesNotContain(Score(facts with { AverageDaysLate = 19.9m }).Reasons, r => r.Kind == WorklistRuleKind.LatePayerRecentlyDue);
        Assert.DoesNotContain(Score(facts with { AverageDaysLate = null }).Reasons, r => r.Kind == WorklistRuleKind.LatePayerRecentlyDue);
        Assert.DoesNotContain(Score(facts with { RecentlyDueMinor = 999_999 }).Reasons, r => r.Kind == WorklistRuleKind.LatePayerRecentlyDue);
        Assert.Equal(90, Assert.Single(Score(facts with { RecentlyDueMinor = 100_000_000 }).Reasons, r => r.Kind == WorklistRuleKind.LatePayerRecentlyDue).Points);
        // Paying six weeks late or more, the same amounts weigh more: they will be a month overdue almost surely.
        Assert.Equal(120, Assert.Single(Score(facts with { RecentlyDueMinor = 100_000_000, AverageDaysLate = 45m }).Reasons,
            r => r.Kind == WorklistRuleKind.LatePayerRecentlyDue).Points);
    }

    [Fact]
    public void WithTheDefaultRules_ABrokenPromise_OutranksAnyCustomerWithoutOne()
    {
        WorklistRuleKind[] brokenKinds = [WorklistRuleKind.PromiseBroken, WorklistRuleKind.PlanBroken];
        var others = Worklist.Defaults.Where(d => !brokenKinds.Contains(d.Kind)).GroupBy(d => d.Kind).Sum(g => g.Max(d => d.Points));

        foreach (var kind in brokenKinds)
        {
            var broken = Worklist.Defaults.Where(d => d.Kind == kind).Min(d => d.Points);
            Assert.True(broken > others, $"{kind}: {broken} points, everything else together {others}");
        }
    }

    [Fact]
    public void DisabledRules_AddNothing()
    {
        var rules = Rules.Select(r => r.Kind == WorklistRuleKind.NoContact ? r with { Enabled = false } : r).ToList();
        var facts = new WorklistFacts { OverdueMinor = 100, OldestDueDate = Today.AddDays(-2) };

        Assert.Equal(5, Worklist.Score(facts, rules, Today).Points);
    }

    [Theory]
    [InlineData(WorklistRuleKind.OverdueAmount, null, 100L, 10, null)]
    [InlineData(WorklistRuleKind.OverdueAmount, 5, 100L, 10, "days")]
    [InlineData(WorklistRuleKind.NoContact, null, null, 10, "days")]
    [InlineData(WorklistRuleKind.NoContact, 14, 100L, 10, "amount")]
    [InlineData(WorklistRuleKind.LargeItemDue, 7, -1L, 10, "amount")]
    [InlineData(WorklistRuleKind.OverLimit, null, null, 1001, "points")]
    [InlineData(WorklistRuleKind.DaysPastDue, -1, null, 10, "days")]
    public void Validate_AsksForTheThresholdsOfTheKind_AndPointsInRange(WorklistRuleKind kind, int? days, long? amount, int points, string? field)
    {
        var rule = new WorklistRuleSpec(Guid.Empty, kind, days, amount, points);
        if (field is null)
        {
            rule.Validate();
            return;
        }
        Assert.Equal(field, Assert.Throws<DomainRuleException>(rule.Validate).Field);
    }
}

public sealed class WorklistPlanAndCauseTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly IReadOnlyList<WorklistRuleSpec> Rules =
        [.. Worklist.Defaults.Select((d, i) => new WorklistRuleSpec(new Guid(i + 1, 0, 0, new byte[8]), d.Kind, d.Days,
            d.Amount is { } a ? (long)(a * 100) : null, d.Points))];

    private static readonly WorklistFacts Overdue = new() { OverdueMinor = 5_000_000, OldestDueDate = Today.AddDays(-40) };

    private static WorklistScore Score(WorklistFacts facts) => Worklist.Score(facts, Rules, Today);

    [Fact]
    public void ABrokenPlan_CountsAsMuchAsABrokenPromise_AndAsksAboutTheMissedInstallment()
    {
        var plan = Score(Overdue with { PlanBrokenOn = Today.AddDays(-1), BrokenPlanMinor = 100_000 });
        var promise = Score(Overdue with { PromiseBrokenOn = Today.AddDays(-1), BrokenPromiseMinor = 100_000 });

        Assert.Equal(promise.Points, plan.Points);
        Assert.Equal(WorklistRuleKind.PlanBroken, plan.Reasons[0].Kind);
        Assert.Equal(SuggestedAction.ChaseBrokenPlan, plan.Action);
        Assert.Equal(Worklist.Defaults.Single(d => d.Kind == WorklistRuleKind.PromiseBroken).Points,
            Worklist.Defaults.Single(d => d.Kind == WorklistRuleKind.PlanBroken).Points);
    }

    [Fact]
    public void ARunningPlan_DropsTheCustomer_WithThatReason()
    {
        var score = Score(Overdue with { PlanRunning = true, PlanMade = true });

        Assert.Equal(SetAsideReason.PaymentPlanRunning, score.SetAside);
        Assert.True(score.Dropped);
    }

    [Theory]
    [InlineData(CollectionStrategy.OfferPaymentPlan, false, SuggestedAction.OfferPaymentPlan)]
    [InlineData(CollectionStrategy.OfferPaymentPlan, true, SuggestedAction.Call)]
    [InlineData(CollectionStrategy.ResolveDisputeFirst, false, SuggestedAction.ResolveDispute)]
    [InlineData(CollectionStrategy.Escalate, false, SuggestedAction.Escalate)]
    [InlineData(CollectionStrategy.ResendInvoice, false, SuggestedAction.ResendInvoice)]
    [InlineData(CollectionStrategy.FollowApproval, false, SuggestedAction.FollowApproval)]
    [InlineData(CollectionStrategy.ReminderCall, false, SuggestedAction.Call)]
    public void TheCausesStrategy_SuggestsTheAction(CollectionStrategy strategy, bool planMade, SuggestedAction action) =>
        Assert.Equal(action, Score(Overdue with { Strategy = strategy, PlanMade = planMade }).Action);

    [Fact]
    public void ABrokenPromise_StillComesBeforeTheCausesStrategy() =>
        Assert.Equal(SuggestedAction.ChaseBrokenPromise,
            Score(Overdue with { Strategy = CollectionStrategy.Escalate, PromiseBrokenOn = Today, BrokenPromiseMinor = 1 }).Action);

    [Fact]
    public void UnappliedCash_StillComesFirst() =>
        Assert.Equal(SuggestedAction.ApplyCash, Score(Overdue with { Strategy = CollectionStrategy.Escalate, UnappliedMinor = 1 }).Action);
}
