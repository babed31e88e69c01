using CsCheck;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Dunning;

namespace Huikuan.Domain.Tests.Dunning;

public sealed class DunningPlannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DunningPolicy Policy = DunningPolicy.Default("CNY");
    private static readonly DunningPolicy Straight = Policy with { Pace = new DunningPace(7, straightToAgeLevel: true) };
    private static readonly Guid Customer = Guid.Parse("11111111-1111-1111-1111-111111111111");

    private static DunningItem Item(int daysOverdue, long openMinor, long disputed = 0, bool blocked = false, string currency = "CNY") =>
        new(Guid.NewGuid(), currency, Today.AddDays(-daysOverdue), openMinor, disputed, blocked);

    private static DunningCustomer State(int level = 0, int reachedDaysAgo = 30, CreditGrade? grade = CreditGrade.B, bool blocked = false,
        bool promise = false, params DunningItem[] items) =>
        new(Customer, grade, level, level == 0 ? null : Today.AddDays(-reachedDaysAgo), blocked, promise, items);

    [Theory]
    [InlineData(2, 0, DunningSkipReason.TooEarly)]
    [InlineData(3, 1, DunningSkipReason.None)]
    [InlineData(14, 1, DunningSkipReason.None)]
    [InlineData(15, 2, DunningSkipReason.None)]
    [InlineData(30, 3, DunningSkipReason.None)]
    [InlineData(45, 4, DunningSkipReason.None)]
    [InlineData(89, 4, DunningSkipReason.None)]
    [InlineData(90, 5, DunningSkipReason.None)]
    public void Plan_StraightToTheAgesLevel_GivesACustomerNeverDunnedTheLevelOfTheOldestItemsAge(int daysOverdue, int level, DunningSkipReason reason)
    {
        var p = DunningPlanner.Plan(Straight, State(items: Item(daysOverdue, 100_000)), Today);

        Assert.Equal(level == 0 ? DunningOutcome.Skip : DunningOutcome.Send, p.Outcome);
        Assert.Equal(level, p.Level);
        Assert.Equal(reason, p.Reason);
    }

    [Fact]
    public void Plan_OneCommunication_CoversEveryCountedOverdueItem_OldestFirst_AndLeavesOutWhatIsNotDueOrDisputed()
    {
        var old = Item(20, 50_000);
        var recent = Item(4, 30_000);
        var partlyDisputed = Item(10, 40_000, disputed: 15_000);
        var disputed = Item(25, 10_000, disputed: 10_000);
        var blocked = Item(60, 90_000, blocked: true);
        var notDue = new DunningItem(Guid.NewGuid(), "CNY", Today.AddDays(5), 70_000);

        var p = DunningPlanner.Plan(Straight, State(items: [recent, notDue, partlyDisputed, blocked, old, disputed]), Today);

        // The blocked 60-day item and the fully disputed 25-day one do not set the level: the 20-day item does (firm, 15).
        Assert.Equal(2, p.Level);
        Assert.Equal([old.InstallmentId, partlyDisputed.InstallmentId, recent.InstallmentId], p.Items.Select(i => i.InstallmentId));
        Assert.Equal(50_000 + 25_000 + 30_000, p.OverdueMinorByCurrency["CNY"]);
        Assert.Equal(20, p.OldestDaysOverdue);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(45)]
    [InlineData(800)]
    public void Plan_ByDefault_StartsEveryCustomerNeverDunnedAtTheFirstLevel_HoweverOldTheDebt(int daysOverdue)
    {
        var p = DunningPlanner.Plan(Policy, State(items: Item(daysOverdue, 100_000)), Today);

        Assert.Equal(DunningOutcome.Send, p.Outcome);
        Assert.Equal(1, p.Level);
    }

    [Theory]
    [InlineData(6, DunningOutcome.Skip, 1, DunningSkipReason.WaitingForNextLevel)]
    [InlineData(7, DunningOutcome.Send, 2, DunningSkipReason.None)]
    [InlineData(30, DunningOutcome.Send, 2, DunningSkipReason.None)]
    public void Plan_ByDefault_SendsTheNextLevelOnly_AndNoSoonerThanThePacesDaysAfterThePrevious(
        int reachedDaysAgo, DunningOutcome outcome, int level, DunningSkipReason reason)
    {
        var p = DunningPlanner.Plan(Policy, State(level: 1, reachedDaysAgo: reachedDaysAgo, items: Item(100, 100_000)), Today);

        Assert.Equal((outcome, level, reason), (p.Outcome, p.Level, p.Reason));
    }

    [Fact]
    public void Plan_ThePacesNextLevel_PassesOverALevelThatDoesNotApplyToTheCustomersGrade()
    {
        var levels = Policy.Levels.Select((l, i) => i == 2 ? l with { Grades = new HashSet<CreditGrade> { CreditGrade.E } } : l).ToList();
        var policy = new DunningPolicy("CNY", levels);

        var p = DunningPlanner.Plan(policy, State(level: 2, reachedDaysAgo: 10, grade: CreditGrade.A, items: Item(50, 10_000)), Today);

        Assert.Equal(4, p.Level);
    }

    [Fact]
    public void Plan_WithNoWaitBetweenLevels_StillClimbsOneLevelPerRun()
    {
        var policy = Policy with { Pace = new DunningPace(0, straightToAgeLevel: false) };

        var p = DunningPlanner.Plan(policy, State(level: 2, reachedDaysAgo: 0, items: Item(100, 10_000)), Today);

        Assert.Equal((DunningOutcome.Send, 3), (p.Outcome, p.Level));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(91)]
    public void Pace_OutsideZeroToNinetyDays_IsRefused(int days) =>
        Assert.Equal("dunning.pace", Assert.Throws<DomainRuleException>(() => new DunningPace(days, false)).Rule);

    [Fact]
    public void Plan_WhileWhatIsOverdueStillReachesTheLevel_NeverLowersIt_NorSendsItAgain()
    {
        var p = DunningPlanner.Plan(Policy, State(level: 3, items: Item(31, 10_000)), Today);

        Assert.Equal(DunningOutcome.Skip, p.Outcome);
        Assert.Equal(3, p.Level);
        Assert.Equal(DunningSkipReason.LevelAlreadyReached, p.Reason);
    }

    [Fact]
    public void Plan_WhenWhatIsOverdueNoLongerReachesTheLevel_LowersIt_WithoutSending()
    {
        var p = DunningPlanner.Plan(Policy, State(level: 3, items: Item(16, 10_000)), Today);

        Assert.Equal(DunningOutcome.Lower, p.Outcome);
        Assert.Equal(2, p.Level);
        Assert.Empty(p.Items);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Plan_WhenNothingIsOverdue_LowersToNone_EvenABlockedCustomerOrOneWithAPromise(bool blocked, bool promise)
    {
        var notDue = new DunningItem(Guid.NewGuid(), "CNY", Today.AddDays(3), 70_000);

        var p = DunningPlanner.Plan(Policy, State(level: 4, reachedDaysAgo: 1, blocked: blocked, promise: promise, items: notDue), Today);

        Assert.Equal(DunningOutcome.Lower, p.Outcome);
        Assert.Equal(0, p.Level);
    }

    [Fact]
    public void Plan_ItemsStillOverdueButDisputed_KeepTheLevel_AndSendNothing()
    {
        var p = DunningPlanner.Plan(Policy, State(level: 4, items: Item(50, 10_000, disputed: 10_000)), Today);

        Assert.Equal((DunningOutcome.Skip, 4, DunningSkipReason.OnlyDisputedOrBlocked), (p.Outcome, p.Level, p.Reason));
    }

    [Fact]
    public void Plan_AMinimumInAnotherCurrency_IsCheckedAtTheRate_AndWithoutARateThatLevelIsNotSentAndSaysWhy()
    {
        var policy = new DunningPolicy("CNY", [new("friendly", 3, 100_000, DunningChannel.Email, 0, false, Role.Collector)]);
        var usd = State(items: Item(10, 20_000, currency: "USD"));

        var noRate = DunningPlanner.Plan(policy, usd, Today, (_, _) => null);
        var atSeven = DunningPlanner.Plan(policy, usd, Today, (c, m) => c == "USD" ? m * 7 : null);
        var atFour = DunningPlanner.Plan(policy, usd, Today, (c, m) => c == "USD" ? m * 4 : null);

        Assert.Equal((DunningOutcome.Skip, DunningSkipReason.NoRateForMinimum), (noRate.Outcome, noRate.Reason));
        Assert.Equal((DunningOutcome.Skip, DunningSkipReason.NoRateForMinimum), (DunningPlanner.Plan(policy, usd, Today).Outcome,
            DunningPlanner.Plan(policy, usd, Today).Reason));
        Assert.Equal((DunningOutcome.Send, 1), (atSeven.Outcome, atSeven.Level));
        Assert.Equal(DunningSkipReason.BelowMinimum, atFour.Reason);
    }

    [Fact]
    public void Plan_ALevelWhoseMinimumCannotBeCheckedForLackOfARate_IsNotLowered()
    {
        var levels = Policy.Levels.Select((l, i) => i == 2 ? l with { MinOverdueMinor = 100_000 } : l).ToList();
        var policy = new DunningPolicy("CNY", levels);

        var p = DunningPlanner.Plan(policy, State(level: 3, items: Item(40, 20_000, currency: "USD")), Today);

        Assert.Equal((DunningOutcome.Skip, 3), (p.Outcome, p.Level));
    }

    [Theory]
    [InlineData(false, 20, false)]
    [InlineData(false, 21, true)]
    [InlineData(true, 0, true)]
    public void Confirmation_IsRequiredForAFirstRun_OrMoreSeriousSendsThanTheLimit(bool firstRun, int finals, bool required)
    {
        var proposals = Enumerable.Range(0, finals)
            .Select(_ => new DunningProposal(Guid.NewGuid(), DunningOutcome.Send, 3, DunningSkipReason.None, [], new Dictionary<string, long>(), 40))
            .Append(new DunningProposal(Guid.NewGuid(), DunningOutcome.Send, 2, DunningSkipReason.None, [], new Dictionary<string, long>(), 20))
            .ToList();

        Assert.Equal(required, DunningConfirmation.Default.Required(proposals, firstRun));
        Assert.Equal(finals, DunningConfirmation.Default.SeriousSends(proposals));
    }

    [Theory]
    [InlineData(true, false, DunningSkipReason.CustomerBlocked)]
    [InlineData(false, true, DunningSkipReason.PromiseToPay)]
    public void Plan_SkipsCustomersBlockedByHand_OrWithAPromiseToPay(bool blocked, bool promise, DunningSkipReason reason)
    {
        var p = DunningPlanner.Plan(Policy, State(level: 1, blocked: blocked, promise: promise, items: Item(60, 10_000)), Today);

        Assert.Equal(DunningOutcome.Skip, p.Outcome);
        Assert.Equal(reason, p.Reason);
        Assert.Equal(1, p.Level);
    }

    [Fact]
    public void Plan_OnlyDisputedItemsOverdue_IsSkippedAndSaysSo()
    {
        var p = DunningPlanner.Plan(Policy, State(items: Item(40, 10_000, disputed: 10_000)), Today);

        Assert.Equal(DunningSkipReason.OnlyDisputedOrBlocked, p.Reason);
    }

    [Fact]
    public void Plan_UnderALevelsMinimumAmount_FallsBackToTheHighestLevelWhoseMinimumIsReached()
    {
        // Legal action only from 50,000.00 overdue in CNY; 12,000.00 at 100 days stays at the credit hold.
        var levels = Policy.Levels.Select((l, i) => i == 4 ? l with { MinOverdueMinor = 5_000_000 } : l).ToList();
        var policy = new DunningPolicy("CNY", levels);

        var p = DunningPlanner.Plan(policy with { Pace = Straight.Pace }, State(items: Item(100, 1_200_000)), Today);

        Assert.Equal(4, p.Level);
    }

    [Fact]
    public void Plan_BelowEveryMinimum_IsSkippedAsBelowMinimum()
    {
        var policy = new DunningPolicy("CNY", [new("friendly", 3, 10_000, DunningChannel.Email, 0, false, Role.Collector)]);

        var p = DunningPlanner.Plan(policy, State(items: Item(10, 9_999)), Today);

        Assert.Equal(DunningSkipReason.BelowMinimum, p.Reason);
        Assert.Equal(DunningOutcome.Send, DunningPlanner.Plan(policy, State(items: Item(10, 10_000)), Today).Outcome);
    }

    [Fact]
    public void Plan_ALevelForSomeGradesOnly_IsPassedOverForOtherGrades()
    {
        var levels = Policy.Levels.Select((l, i) => i == 3 ? l with { Grades = new HashSet<CreditGrade> { CreditGrade.D, CreditGrade.E } } : l).ToList();
        var policy = new DunningPolicy("CNY", levels);

        policy = policy with { Pace = Straight.Pace };
        Assert.Equal(3, DunningPlanner.Plan(policy, State(grade: CreditGrade.A, items: Item(50, 10_000)), Today).Level);
        Assert.Equal(4, DunningPlanner.Plan(policy, State(grade: CreditGrade.D, items: Item(50, 10_000)), Today).Level);
    }

    [Fact]
    public void Key_IsOnePerCustomerLevelAndDay()
    {
        Assert.Equal(DunningPlanner.Key(Customer, 2, Today), DunningPlanner.Key(Customer, 2, Today));
        Assert.NotEqual(DunningPlanner.Key(Customer, 2, Today), DunningPlanner.Key(Customer, 3, Today));
        Assert.NotEqual(DunningPlanner.Key(Customer, 2, Today), DunningPlanner.Key(Customer, 2, Today.AddDays(1)));
    }

    [Theory]
    [InlineData(0, "levels")]
    [InlineData(1, "levels[1].minDaysOverdue")]
    public void Policy_WithoutLevels_OrOutOfOrder_IsRefused(int variant, string field)
    {
        IReadOnlyList<DunningLevel> levels = variant == 0 ? [] :
        [
            new("a", 10, 0, DunningChannel.Email, 0, false, Role.Collector),
            new("b", 10, 0, DunningChannel.Email, 0, false, Role.Collector),
        ];
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => new DunningPolicy("CNY", levels)).Field);
    }

    private static readonly Gen<DunningItem> Items = Gen.Select(Gen.Int[-30, 200], Gen.Long[1, 10_000_000], Gen.Long[0, 10_000_000], Gen.Bool,
        (days, open, disputed, blocked) => new DunningItem(Guid.NewGuid(), "CNY", Today.AddDays(-days), open, disputed % 3 == 0 ? disputed : 0, blocked && days % 7 == 0));

    [Fact]
    public void Plan_ASendRaisesTheLevelByOne_AtThePace_AndALowerOnlyWhenWhatIsOverdueNoLongerReachesTheLevel() =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 20], Items.Array[0, 12], Gen.Bool, Gen.Bool)
            .Sample((level, reachedDaysAgo, items, blocked, promise) =>
            {
                var customer = new DunningCustomer(Customer, CreditGrade.C, level, level == 0 ? null : Today.AddDays(-reachedDaysAgo), blocked, promise, items);
                var p = DunningPlanner.Plan(Policy, customer, Today);
                var straight = DunningPlanner.Plan(Straight, customer, Today);
                var oldestOpen = items.Where(i => i.DueDate < Today).Select(i => Today.DayNumber - i.DueDate.DayNumber).DefaultIfEmpty(0).Max();
                return p.Outcome switch
                {
                    DunningOutcome.Send => p.Level == level + 1 && p.Items.Count > 0 && !blocked && !promise && (level == 0 || reachedDaysAgo >= 7)
                        && straight.Outcome == DunningOutcome.Send && straight.Level >= p.Level,
                    DunningOutcome.Lower => p.Level < level && oldestOpen < Policy.Level(level).MinDaysOverdue,
                    _ => p.Level == level,
                };
            }, iter: 3000);

    [Fact]
    public void Plan_IsAPureFunction_ARepeatedRunProposesTheSame() =>
        Gen.Select(Gen.Int[0, 5], Items.Array[0, 12], Gen.Bool)
            .Sample((level, items, straight) =>
            {
                var customer = new DunningCustomer(Customer, CreditGrade.C, level, level == 0 ? null : Today.AddDays(-7), false, false, items);
                var policy = straight ? Straight : Policy;
                var a = DunningPlanner.Plan(policy, customer, Today);
                var b = DunningPlanner.Plan(policy, customer, Today);
                return a.Outcome == b.Outcome && a.Level == b.Level && a.Items.SequenceEqual(b.Items) && a.Key(Today) == b.Key(Today);
            }, iter: 1000);
}
