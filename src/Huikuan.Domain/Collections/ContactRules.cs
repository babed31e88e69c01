namespace Huikuan.Domain.Collections;

/// <summary>
/// What a logged contact (R15) must say: an outcome for every kind but a note, which has none; the day it happened,
/// today unless logged afterwards (at most <see cref="MaxDaysBack"/> days back, never ahead); a next step's day from
/// that day on, at most <see cref="MaxNextStepDaysAhead"/> days after today; a promise only with the outcome that says the
/// customer promised, and that outcome only with one.
/// </summary>
public static class ContactRules
{
    public const int MaxDaysBack = 30;
    public const int MaxNextStepDaysAhead = 366;

    public static void Validate(
        ContactKind kind, ContactOutcome? outcome, bool hasPromise, DateOnly occurredOn, bool hasNextStep, DateOnly? nextStepOn, DateOnly today)
    {
        if (kind == ContactKind.Note && outcome is not null)
        {
            throw new DomainRuleException("contact.noteOutcome", "outcome", "A note records no outcome: it is not a contact with the customer.");
        }
        if (kind != ContactKind.Note && outcome is null)
        {
            throw new DomainRuleException("contact.outcome", "outcome", "Say what came of the contact: pick an outcome.");
        }
        if (outcome == ContactOutcome.ReachedPromise && !hasPromise)
        {
            throw new DomainRuleException("contact.promiseMissing", "promise",
                "The customer promised to pay: give the promised amount and day.");
        }
        if (hasPromise && outcome != ContactOutcome.ReachedPromise)
        {
            throw new DomainRuleException("contact.promiseOutcome", "promise",
                "Only a contact in which the customer promised to pay records a promise.");
        }
        if (occurredOn > today)
        {
            throw new DomainRuleException("contact.futureDate", "occurredOn", "A contact cannot be logged for a day that has not come yet.");
        }
        if (occurredOn < today.AddDays(-MaxDaysBack))
        {
            throw new DomainRuleException("contact.tooOld", "occurredOn",
                $"A contact can be logged at most {MaxDaysBack} days after it happened.", MaxDaysBack);
        }
        if (nextStepOn is not null && !hasNextStep)
        {
            throw new DomainRuleException("contact.nextStep", "nextStep", "Say what the next step is, for the day given.");
        }
        if (nextStepOn is { } day && (day < occurredOn || day > today.AddDays(MaxNextStepDaysAhead)))
        {
            throw new DomainRuleException("contact.nextStepDate", "nextStepOn",
                $"The next step's day is from the day of the contact to {MaxNextStepDaysAhead} days after today.", MaxNextStepDaysAhead);
        }
    }
}
