using System.Globalization;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;

namespace Huikuan.Domain.Dunning;

/// <summary>How a level reaches the customer. Tasks are for a person: a collector calls or visits.</summary>
[Flags]
public enum DunningChannel
{
    None = 0,
    Email = 1,
    Sms = 2,
    Letter = 4,
    PhoneTask = 8,
    VisitTask = 16,
}

/// <summary>
/// One step of a dunning policy (催收级别). It applies to a customer whose oldest counted overdue item is at least
/// <see cref="MinDaysOverdue"/> days past due and whose counted overdue total in one currency is at least
/// <see cref="MinOverdueMinor"/>; when <see cref="Grades"/> is not empty, only to customers of those credit grades.
/// </summary>
/// <param name="Code">Stable and unique within the policy; templates are found by it.</param>
/// <param name="FeeMinor">Charged once per letter of this level, in the policy's currency.</param>
/// <param name="PutsOnCreditHold">Reaching this level stops deliveries (停止供货) until a payment lowers the level.</param>
/// <param name="Responsible">The role that answers for this level's follow-up.</param>
public sealed record DunningLevel(
    string Code, int MinDaysOverdue, long MinOverdueMinor, DunningChannel Channels, long FeeMinor, bool PutsOnCreditHold,
    Role Responsible, IReadOnlySet<CreditGrade>? Grades = null)
{
    public bool AppliesTo(CreditGrade? grade) => Grades is not { Count: > 0 } || (grade is { } g && Grades.Contains(g));
}

/// <summary>
/// An ordered list of levels, friendly first. Level numbers are 1-based positions in <see cref="Levels"/>; 0 means
/// "not dunned". Each level must come strictly later (in days overdue) than the one before.
/// </summary>
public sealed record DunningPolicy
{
    public DunningPolicy(string currency, IReadOnlyList<DunningLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Currency = Money.Currency.Of(currency).Code;
        if (levels.Count is 0 or > 20)
        {
            throw new DomainRuleException("dunning.levels", "levels", "A dunning policy has between 1 and 20 levels.", 20);
        }
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (string.IsNullOrWhiteSpace(level.Code) || level.Code.Length > 32)
            {
                throw new DomainRuleException("dunning.levelCode", $"levels[{i}].code", "Each level needs a code of at most 32 characters.");
            }
            if (level.MinDaysOverdue < 1 || level.MinOverdueMinor < 0 || level.FeeMinor < 0)
            {
                throw new DomainRuleException("dunning.levelThreshold", $"levels[{i}].minDaysOverdue",
                    "A level starts at least 1 day overdue; its minimum amount and its fee cannot be negative.");
            }
            if (level.Channels == DunningChannel.None)
            {
                throw new DomainRuleException("dunning.levelChannel", $"levels[{i}].channels", "Each level needs at least one channel.");
            }
            if (i > 0 && level.MinDaysOverdue <= levels[i - 1].MinDaysOverdue)
            {
                throw new DomainRuleException("dunning.levelOrder", $"levels[{i}].minDaysOverdue",
                    string.Create(CultureInfo.InvariantCulture,
                        $"Level {i + 1} must start later than level {i} ({levels[i - 1].MinDaysOverdue} days overdue)."),
                    i + 1, i, levels[i - 1].MinDaysOverdue);
            }
        }
        var duplicate = levels.GroupBy(l => l.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("dunning.levelCodeDuplicate", "levels", $"The level code '{duplicate.Key}' is used twice.", duplicate.Key);
        }
        Levels = levels;
    }

    public string Currency { get; }
    public IReadOnlyList<DunningLevel> Levels { get; }

    /// <summary>How fast a customer climbs the levels; by default one level per run, a week apart at least.</summary>
    public DunningPace Pace { get; init; } = DunningPace.Default;

    /// <summary>The level with this 1-based number.</summary>
    public DunningLevel Level(int number) => Levels[number - 1];

    /// <summary>
    /// The seeds' 分级催收: a friendly reminder at 3 days, a firm notice at 15, a final demand stating the consequences at 30,
    /// credit hold and escalation to management at 45, a collection agency or legal case at 90.
    /// </summary>
    public static DunningPolicy Default(string currency) => new(currency,
    [
        new("friendly", 3, 0, DunningChannel.Email | DunningChannel.Sms, 0, false, Role.Collector),
        new("firm", 15, 0, DunningChannel.Email | DunningChannel.PhoneTask, 0, false, Role.Collector),
        new("final", 30, 0, DunningChannel.Email | DunningChannel.Letter, 0, false, Role.Collector),
        new("hold", 45, 0, DunningChannel.Letter | DunningChannel.VisitTask, 0, true, Role.CreditManager),
        new("legal", 90, 0, DunningChannel.Letter, 0, true, Role.Executive),
    ]);
}

/// <summary>
/// How fast a customer climbs the levels. By default one level per run, and the next level no sooner than
/// <see cref="DaysBetweenLevels"/> days after the previous one, so that a letter never follows one the customer did not
/// get; <see cref="StraightToAgeLevel"/> sends the level the oldest item's age calls for at once instead.
/// </summary>
public sealed record DunningPace
{
    public const int DefaultDaysBetweenLevels = 7;
    public const int MaxDaysBetweenLevels = 90;

    public static readonly DunningPace Default = new(DefaultDaysBetweenLevels, false);

    public DunningPace(int daysBetweenLevels, bool straightToAgeLevel)
    {
        if (daysBetweenLevels is < 0 or > MaxDaysBetweenLevels)
        {
            throw new DomainRuleException("dunning.pace", "daysBetweenLevels",
                $"The days between two levels are between 0 and {MaxDaysBetweenLevels}.", MaxDaysBetweenLevels);
        }
        DaysBetweenLevels = daysBetweenLevels;
        StraightToAgeLevel = straightToAgeLevel;
    }

    public int DaysBetweenLevels { get; }
    public bool StraightToAgeLevel { get; }
}
