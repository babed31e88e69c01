namespace Huikuan.Domain.Dunning;

/// <summary>
/// When a person confirms a run before it goes out: a company's first run, or a run that sends a serious level (the
/// policy's <see cref="FromLevel"/> and above, by default the final demand) to more than <see cref="AboveCustomers"/>
/// customers. A wrong policy or a first run on old data must not put dozens of final demands in the post unseen.
/// </summary>
public sealed record DunningConfirmation
{
    public const int DefaultFromLevel = 3;
    public const int DefaultAboveCustomers = 20;
    public const int MaxAboveCustomers = 100_000;

    public DunningConfirmation(int fromLevel, int aboveCustomers)
    {
        if (fromLevel < 1)
        {
            throw new DomainRuleException("dunning.confirmFrom", "confirmFromLevel", "Confirmation starts at a level of the policy (1 or more).");
        }
        if (aboveCustomers is < 0 or > MaxAboveCustomers)
        {
            throw new DomainRuleException("dunning.confirmAbove", "confirmAboveCustomers",
                $"The number of customers above which a run is confirmed is between 0 and {MaxAboveCustomers}.", MaxAboveCustomers);
        }
        FromLevel = fromLevel;
        AboveCustomers = aboveCustomers;
    }

    public static readonly DunningConfirmation Default = new(DefaultFromLevel, DefaultAboveCustomers);

    public int FromLevel { get; }
    public int AboveCustomers { get; }

    /// <summary>Customers that get a level from <see cref="FromLevel"/> on in this plan.</summary>
    public int SeriousSends(IEnumerable<DunningProposal> proposals) =>
        proposals.Count(p => p.Outcome == DunningOutcome.Send && p.Level >= FromLevel);

    /// <summary>Whether the run waits for a person to confirm it.</summary>
    public bool Required(IEnumerable<DunningProposal> proposals, bool firstRun) => firstRun || SeriousSends(proposals) > AboveCustomers;
}
