using Huikuan.Domain.Money;

namespace Huikuan.Domain.Collections;

/// <summary>Who takes over a debt the dunning levels did not collect (R13).</summary>
public enum EscalationKind
{
    /// <summary>管理层升级: the account goes to management, who call the customer's management.</summary>
    Management,

    /// <summary>催收机构: a collection agency works the debt.</summary>
    Agency,

    /// <summary>法律诉讼: a law firm, a lawyer's letter, a suit or arbitration.</summary>
    Legal,
}

public enum EscalationStatus
{
    Open,
    InProgress,

    /// <summary>An agreement with the customer (a settlement, an instalment plan) is being paid.</summary>
    Settled,

    /// <summary>Everything claimed was recovered.</summary>
    Recovered,

    /// <summary>Given up: what was not recovered is to be written off.</summary>
    WrittenOff,

    /// <summary>Closed for another reason (paid to us directly, withdrawn, passed on to another case).</summary>
    Closed,
}

/// <summary>
/// The life of an escalation case: which status may follow which, and the amounts claimed and recovered (minor
/// units). Recovered, written off and closed cases are finished and change no more; an amount recovered is never
/// more than the amount claimed, and a correction of a recovery is a negative recovery, never below zero in all.
/// </summary>
public static class EscalationRules
{
    private static readonly Dictionary<EscalationStatus, EscalationStatus[]> Next = new()
    {
        [EscalationStatus.Open] = [EscalationStatus.InProgress, EscalationStatus.Settled, EscalationStatus.Recovered, EscalationStatus.Closed],
        [EscalationStatus.InProgress] = [EscalationStatus.Settled, EscalationStatus.Recovered, EscalationStatus.WrittenOff, EscalationStatus.Closed],
        [EscalationStatus.Settled] = [EscalationStatus.InProgress, EscalationStatus.Recovered, EscalationStatus.WrittenOff, EscalationStatus.Closed],
        [EscalationStatus.Recovered] = [],
        [EscalationStatus.WrittenOff] = [],
        [EscalationStatus.Closed] = [],
    };

    public static bool IsFinished(EscalationStatus status) => Next[status].Length == 0;

    public static IReadOnlyList<EscalationStatus> Allowed(EscalationStatus from) => Next[from];

    /// <summary>Refuses a status that may not follow the current one; Recovered only once all that was claimed came in.</summary>
    public static void CheckTransition(EscalationStatus from, EscalationStatus to, long claimedMinor, long recoveredMinor)
    {
        if (!Next[from].Contains(to))
        {
            throw new DomainRuleException("escalation.transition", "status", $"A case that is {from} cannot become {to}.", from.ToString(), to.ToString());
        }
        if (to == EscalationStatus.Recovered && recoveredMinor < claimedMinor)
        {
            throw new DomainRuleException("escalation.notRecovered", "status",
                "A case is recovered once everything claimed came in; record the recovery first, or close or write off the case.");
        }
    }

    /// <summary>A recovery (negative to correct one) keeps what was recovered between zero and the amount claimed.</summary>
    public static void CheckRecovery(EscalationStatus status, long claimedMinor, long recoveredMinor, long amountMinor, string currency)
    {
        CheckOpen(status);
        var after = recoveredMinor + amountMinor;
        if (amountMinor == 0 || after < 0 || after > claimedMinor)
        {
            throw new DomainRuleException("escalation.recovery", "amount",
                $"What is recovered stays between 0 and the amount claimed ({Currency.Of(currency).Format(claimedMinor)}).", Currency.Of(currency).Format(claimedMinor));
        }
    }

    /// <summary>The claim may change while the case runs (interest, costs, a partial settlement) but not below what was recovered.</summary>
    public static void CheckClaim(EscalationStatus status, long recoveredMinor, long claimedMinor, string currency)
    {
        CheckOpen(status);
        if (claimedMinor <= 0 || claimedMinor < recoveredMinor)
        {
            throw new DomainRuleException("escalation.claim", "amount",
                $"The amount claimed is more than zero and at least what was recovered ({Currency.Of(currency).Format(recoveredMinor)}).", Currency.Of(currency).Format(recoveredMinor));
        }
    }

    public static void CheckOpen(EscalationStatus status)
    {
        if (IsFinished(status))
        {
            throw new DomainRuleException("escalation.finished", "status", $"The case is {status} and changes no more.", status.ToString());
        }
    }
}
