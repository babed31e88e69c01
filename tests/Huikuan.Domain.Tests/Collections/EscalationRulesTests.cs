using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class EscalationRulesTests
{
    [Theory]
    [InlineData(EscalationStatus.Open, EscalationStatus.InProgress, true)]
    [InlineData(EscalationStatus.Open, EscalationStatus.WrittenOff, false)] // nobody has worked it yet
    [InlineData(EscalationStatus.InProgress, EscalationStatus.Settled, true)]
    [InlineData(EscalationStatus.Settled, EscalationStatus.InProgress, true)] // the settlement was broken
    [InlineData(EscalationStatus.InProgress, EscalationStatus.WrittenOff, true)]
    [InlineData(EscalationStatus.InProgress, EscalationStatus.Open, false)]
    [InlineData(EscalationStatus.Closed, EscalationStatus.InProgress, false)]
    [InlineData(EscalationStatus.WrittenOff, EscalationStatus.Closed, false)]
    public void ATransition_IsAllowedOnlyAlongTheCasesLife(EscalationStatus from, EscalationStatus to, bool allowed)
    {
        var error = Record.Exception(() => EscalationRules.CheckTransition(from, to, 100, 0));

        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            Assert.Equal("escalation.transition", Assert.IsType<DomainRuleException>(error).Rule);
        }
    }

    [Theory]
    [InlineData(10_000, 10_000, true)]
    [InlineData(10_000, 9_999, false)]
    public void ACase_IsRecovered_OnlyOnceAllThatWasClaimedCameIn(long claimed, long recovered, bool allowed)
    {
        var error = Record.Exception(() => EscalationRules.CheckTransition(EscalationStatus.InProgress, EscalationStatus.Recovered, claimed, recovered));

        Assert.Equal(allowed, error is null);
    }

    [Theory]
    [InlineData(0, 4_000, true)]
    [InlineData(4_000, 6_000, true)]
    [InlineData(4_000, 6_001, false)]  // more than claimed
    [InlineData(4_000, -4_000, true)]  // a recovery booked by mistake, taken back
    [InlineData(4_000, -4_001, false)] // below zero
    [InlineData(4_000, 0, false)]
    public void WhatIsRecovered_StaysBetweenZeroAndTheClaim(long recovered, long amount, bool allowed)
    {
        var error = Record.Exception(() => EscalationRules.CheckRecovery(EscalationStatus.InProgress, 10_000, recovered, amount, "CNY"));

        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public void AFinishedCase_ChangesNoMore()
    {
        Assert.All([EscalationStatus.Recovered, EscalationStatus.WrittenOff, EscalationStatus.Closed], s =>
        {
            Assert.True(EscalationRules.IsFinished(s));
            Assert.Equal("escalation.finished", Assert.Throws<DomainRuleException>(() => EscalationRules.CheckRecovery(s, 100, 0, 10, "CNY")).Rule);
        });
        Assert.Equal("escalation.claim", Assert.Throws<DomainRuleException>(() => EscalationRules.CheckClaim(EscalationStatus.Open, 5_000, 4_999, "CNY")).Rule);
    }
}
