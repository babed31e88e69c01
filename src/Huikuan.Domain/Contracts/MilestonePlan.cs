using System.Globalization;
using Huikuan.Domain.Money;

namespace Huikuan.Domain.Contracts;

/// <summary>What a payment stage of a contract is tied to (IT projects: 预付款, 到货, 验收, 上线, 质保金).</summary>
public enum StageKind
{
    Advance,
    Delivery,
    Acceptance,
    GoLive,
    /// <summary>质保金: held back until the warranty period after acceptance has run out.</summary>
    Retention,
    Other,
}

/// <summary>One stage as entered: a percent of the contract total or an exact amount (one of them), and the days to pay once reached.</summary>
public sealed record StageSpec(StageKind Kind, decimal? Percent, long? AmountMinor, int DueDays);

/// <summary>
/// A contract's payment stages (R6, R8): they add up exactly to the contract total, retention included. Percent-only
/// plans are split by the largest remainder (so 3 × 33.33 % of 100.00 still adds up); plans with exact amounts must
/// add up to the cent themselves. The retention stage falls due a warranty period after acceptance.
/// </summary>
public static class MilestonePlan
{
    public const int MaxStages = 20;
    public const int MaxDueDays = 3660;
    public const int MaxWarrantyMonths = 120;

    public static long[] Amounts(long totalMinor, IReadOnlyList<StageSpec> stages, int? warrantyMonths, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(currency);
        if (totalMinor <= 0)
        {
            throw new DomainRuleException("contract.total", "total", "A contract's total must be greater than zero.");
        }
        if (stages.Count is 0 or > MaxStages)
        {
            throw new DomainRuleException("contract.stages", "stages", $"A contract needs between 1 and {MaxStages} payment stages.", MaxStages);
        }
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            if ((s.Percent is null) == (s.AmountMinor is null))
            {
                throw new DomainRuleException("contract.stagePercentOrAmount", $"stages[{i}].percent", "Give each stage either a percent or an amount.");
            }
            if (s.Percent is <= 0 or > 100 || s.AmountMinor is <= 0)
            {
                throw new DomainRuleException("contract.stageAmount", $"stages[{i}].percent", "A stage's percent or amount must be greater than zero (and at most 100 %).");
            }
            if (s.DueDays is < 0 or > MaxDueDays)
            {
                throw new DomainRuleException("contract.stageDueDays", $"stages[{i}].dueDays", $"Days to pay are between 0 and {MaxDueDays}.", MaxDueDays);
            }
        }
        var retention = stages.Count(s => s.Kind == StageKind.Retention);
        if (retention > 1)
        {
            throw new DomainRuleException("contract.retentionStages", "stages", "A contract has at most one retention (质保金) stage.");
        }
        if (retention == 1)
        {
            if (!stages.Any(s => s.Kind == StageKind.Acceptance))
            {
                throw new DomainRuleException("contract.retentionNeedsAcceptance", "stages",
                    "Retention falls due a warranty period after acceptance: add an acceptance stage.");
            }
            if (warrantyMonths is not (>= 1 and <= MaxWarrantyMonths))
            {
                throw new DomainRuleException("contract.warrantyMonths", "warrantyMonths",
                    $"With a retention stage, give the warranty period in months (1 to {MaxWarrantyMonths}).", MaxWarrantyMonths);
            }
        }

        long[] amounts;
        if (stages.All(s => s.Percent is not null))
        {
            var sum = stages.Sum(s => s.Percent!.Value);
            if (sum != 100m)
            {
                throw new DomainRuleException("contract.stagesSum", "stages",
                    string.Create(CultureInfo.InvariantCulture, $"The stages add up to {sum:0.####} %, not 100 %."),
                    sum.ToString("0.####", CultureInfo.InvariantCulture) + " %", "100 %");
            }
            amounts = Split.ByWeights(totalMinor, stages.Select(s => s.Percent!.Value).ToArray());
        }
        else
        {
            amounts = stages.Select(s => s.AmountMinor ?? currency.RoundToMinor(currency.ToMajor(totalMinor) * s.Percent!.Value / 100m)).ToArray();
            var sum = amounts.Sum();
            if (sum != totalMinor)
            {
                throw new DomainRuleException("contract.stagesSum", "stages",
                    $"The stages add up to {currency.Format(sum)}, not the contract total {currency.Format(totalMinor)}.",
                    currency.Format(sum), currency.Format(totalMinor));
            }
        }
        return amounts;
    }

    /// <summary>
    /// When a reached stage falls due: its days after the day it was reached, or for retention the end of the warranty
    /// period counted from acceptance (plus its days), and never before the day it was reached.
    /// </summary>
    public static DateOnly DueDate(StageKind kind, int dueDays, DateOnly reachedOn, DateOnly? acceptedOn, int? warrantyMonths)
    {
        if (kind != StageKind.Retention)
        {
            return reachedOn.AddDays(dueDays);
        }
        if (acceptedOn is not { } accepted || warrantyMonths is not { } months)
        {
            throw new DomainRuleException("contract.retentionBeforeAcceptance", "stageId",
                "Retention (质保金) can be billed only once acceptance has been reached.");
        }
        var due = accepted.AddMonths(months).AddDays(dueDays);
        return due < reachedOn ? reachedOn : due;
    }
}
