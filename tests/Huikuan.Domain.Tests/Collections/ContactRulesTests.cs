using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class ContactRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static string? Broken(ContactKind kind, ContactOutcome? outcome, bool promise = false, int daysAgo = 0, bool nextStep = false,
        int? nextStepInDays = null) =>
        (Record.Exception(() => ContactRules.Validate(kind, outcome, promise, Today.AddDays(-daysAgo), nextStep,
            nextStepInDays is { } d ? Today.AddDays(d) : null, Today)) as DomainRuleException)?.Rule;

    [Theory]
    [InlineData(ContactKind.Call, ContactOutcome.NoAnswer, null)]
    [InlineData(ContactKind.Letter, ContactOutcome.InvoiceNotReceived, null)]
    [InlineData(ContactKind.Note, null, null)]
    [InlineData(ContactKind.Note, ContactOutcome.SaysPaid, "contact.noteOutcome")]
    [InlineData(ContactKind.Visit, null, "contact.outcome")]
    [InlineData(ContactKind.Call, ContactOutcome.ReachedPromise, "contact.promiseMissing")]
    public void EveryKindButANote_SaysWhatCameOfIt(ContactKind kind, ContactOutcome? outcome, string? rule) =>
        Assert.Equal(rule, Broken(kind, outcome));

    [Theory]
    [InlineData(ContactOutcome.ReachedPromise, null)]
    [InlineData(ContactOutcome.AsksPaymentPlan, "contact.promiseOutcome")]
    public void OnlyAPromisingContact_CarriesAPromise(ContactOutcome outcome, string? rule) =>
        Assert.Equal(rule, Broken(ContactKind.Call, outcome, promise: true));

    [Theory]
    [InlineData(0, null)]
    [InlineData(30, null)]
    [InlineData(31, "contact.tooOld")]
    [InlineData(-1, "contact.futureDate")]
    public void AContact_IsLoggedForToday_OrUpTo30DaysBack(int daysAgo, string? rule) =>
        Assert.Equal(rule, Broken(ContactKind.Call, ContactOutcome.LeftMessage, daysAgo: daysAgo));

    [Theory]
    [InlineData(5, true, -5, null)]
    [InlineData(5, true, -6, "contact.nextStepDate")]
    [InlineData(0, true, 366, null)]
    [InlineData(5, true, 367, "contact.nextStepDate")]
    [InlineData(0, false, 1, "contact.nextStep")]
    public void TheNextStepsDay_FollowsTheContact_AndComesWithAStep(int daysAgo, bool nextStep, int nextStepInDays, string? rule) =>
        Assert.Equal(rule, Broken(ContactKind.Call, ContactOutcome.LeftMessage, daysAgo: daysAgo, nextStep: nextStep, nextStepInDays: nextStepInDays));
}
