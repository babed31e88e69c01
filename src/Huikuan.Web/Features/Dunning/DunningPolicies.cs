using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Dunning;
using Huikuan.Domain.Money;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>A level as the API and the editor show it: amounts in major units, channels and grades by name.</summary>
public sealed record DunningLevelView(
    string Code, int MinDaysOverdue, decimal MinOverdueAmount, IReadOnlyList<string> Grades, IReadOnlyList<string> Channels, decimal Fee,
    bool PutsOnCreditHold, string Responsible, string? Escalation);

/// <summary>The company's dunning policy; <see cref="IsDefault"/> until someone saves it.</summary>
public sealed record DunningPolicyView(
    string Currency, decimal? InterestDailyRatePercent, int InterestGraceDays, int PayByDays, string? PaymentInstructions,
    IReadOnlyList<int> ReminderDaysBefore, bool PaymentNotices, bool Reminders, IReadOnlyList<DunningLevelView> Levels, bool IsDefault,
    int DaysBetweenLevels, bool StraightToAgeLevel, int ConfirmFromLevel, int ConfirmAboveCustomers, decimal? InterestYearlyRatePercent = null);

/// <param name="DaysBetweenLevels">The pace: days from one level to the next (default 7).</param>
/// <param name="StraightToAgeLevel">Send the level the oldest item's age calls for at once (off by default).</param>
/// <param name="ConfirmFromLevel">The first level (1-based) whose sends are counted for confirmation (default 3, the final demand).</param>
/// <param name="ConfirmAboveCustomers">A run sending those levels to more customers than this waits for confirmation (default 20).</param>
/// <param name="InterestYearlyRatePercent">The default late interest per year (simple, actual/365) instead of per day.</param>
public sealed record SaveDunningPolicy(
    decimal? InterestDailyRatePercent, int InterestGraceDays, int PayByDays, string? PaymentInstructions, IReadOnlyList<int> ReminderDaysBefore,
    bool PaymentNotices, bool Reminders, IReadOnlyList<DunningLevelView> Levels, int? DaysBetweenLevels = null, bool StraightToAgeLevel = false,
    int? ConfirmFromLevel = null, int? ConfirmAboveCustomers = null, decimal? InterestYearlyRatePercent = null);

/// <summary>The policy the run works with: the domain's levels and pace, when a run is confirmed, plus what the messages need.</summary>
public sealed record CompanyDunningPolicy(
    DunningPolicy Policy, IReadOnlyList<string?> Escalations, LateInterest? Interest, int PayByDays, string? PaymentInstructions,
    IReadOnlyList<int> ReminderDaysBefore, bool PaymentNotices, bool Reminders, DunningConfirmation Confirmation);

/// <summary>
/// The dunning policy (R11): ordered levels by days overdue, minimum amount and grade, each with channels, a fee,
/// credit hold, the responsible role and an escalation; the default interest rate for items without a contract
/// clause (per day or per year); the pay-by days and payment instructions the messages quote; the pre-due reminder days and whether payment
/// notices go out (R10). A company that never saved one has the seeds' default in its currency.
/// </summary>
public sealed class DunningPoliciesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public static readonly string[] Escalations = ["Management", "Agency", "Legal"];
    public const int DefaultPayByDays = 7;

    public async Task<DunningPolicyView> GetAsync(CancellationToken ct)
    {
        var (settings, levels) = await ReadAsync(ct);
        return View(await CompanyPolicyAsync(settings, levels, ct), settings is null);
    }

    /// <summary>The policy as the run and the reminders use it.</summary>
    public async Task<CompanyDunningPolicy> PolicyAsync(CancellationToken ct)
    {
        var (settings, levels) = await ReadAsync(ct);
        return await CompanyPolicyAsync(settings, levels, ct);
    }

    public async Task<DunningPolicyView> SaveAsync(SaveDunningPolicy request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        var company = scope.CompanyId;
        var settings = await db.DunningSettings.SingleOrDefaultAsync(s => s.CompanyId == company, ct);
        var currency = Currency.Of(settings?.Currency ?? await CompanyCurrencyAsync(ct));
        var interest = LateInterest.Of(request.InterestDailyRatePercent, request.InterestYearlyRatePercent, request.InterestGraceDays);
        if (request.PayByDays is < 1 or > 90)
        {
            throw new DomainRuleException("dunning.payBy", "payByDays", "The pay-by date is between 1 and 90 days after the message.", 90);
        }
        PreDueReminders.Validate(request.ReminderDaysBefore ?? []);
        var rows = (request.Levels ?? []).Select((l, i) => LevelRow(company, currency, l, i)).ToList();
        _ = ToPolicy(currency.Code, rows);
        _ = new DunningPace(request.DaysBetweenLevels ?? DunningPace.DefaultDaysBetweenLevels, request.StraightToAgeLevel);
        _ = new DunningConfirmation(request.ConfirmFromLevel ?? DunningConfirmation.DefaultFromLevel,
            request.ConfirmAboveCustomers ?? DunningConfirmation.DefaultAboveCustomers);
        if (request.ConfirmFromLevel > rows.Count)
        {
            throw new DomainRuleException("dunning.confirmFrom", "confirmFromLevel", "Confirmation starts at a level of the policy (1 or more).");
        }

        var now = clock.Now;
        if (settings is null)
        {
            settings = new DunningSettings { CompanyId = company, Currency = currency.Code, ReminderDaysBefore = "", UpdatedBy = scope.Actor };
            db.DunningSettings.Add(settings);
        }
        settings.InterestDailyRatePercent = interest?.DailyRatePercent;
        settings.InterestYearlyRatePercent = interest?.YearlyRatePercent;
        settings.InterestGraceDays = interest?.GraceDays ?? 0;
        settings.PayByDays = request.PayByDays;
        settings.PaymentInstructions = Companies.CompanyHandler.Optional(request.PaymentInstructions, "paymentInstructions", 2000);
        settings.ReminderDaysBefore = string.Join(',', request.ReminderDaysBefore!.Order());
        settings.PaymentNotices = request.PaymentNotices;
        settings.Reminders = request.Reminders;
        settings.DaysBetweenLevels = request.DaysBetweenLevels;
        settings.StraightToAgeLevel = request.StraightToAgeLevel;
        settings.ConfirmFromLevel = request.ConfirmFromLevel;
        settings.ConfirmAboveCustomers = request.ConfirmAboveCustomers;
        settings.UpdatedAt = now;
        settings.UpdatedBy = scope.Actor;

        // Levels are configuration: replaced whole, each change in the audit trail. Customers keep the level number
        // they reached; the run reads it against the new list.
        var existing = await db.DunningLevels.Where(l => l.CompanyId == company).ToListAsync(ct);
        db.DunningLevels.RemoveRange(existing.Where(e => rows.All(r => r.Number != e.Number)));
        foreach (var row in rows)
        {
            if (existing.SingleOrDefault(e => e.Number == row.Number) is { } old)
            {
                db.Entry(old).CurrentValues.SetValues(row);
            }
            else
            {
                db.DunningLevels.Add(row);
            }
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    public static string ChannelName(DunningChannel channel) => channel switch
    {
        DunningChannel.Email => "email",
        DunningChannel.Sms => "sms",
        DunningChannel.Letter => "letter",
        DunningChannel.PhoneTask => "phone",
        DunningChannel.VisitTask => "visit",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static readonly DunningChannel[] AllChannels =
        [DunningChannel.Email, DunningChannel.Sms, DunningChannel.Letter, DunningChannel.PhoneTask, DunningChannel.VisitTask];

    public static IReadOnlyList<string> ChannelNames(DunningChannel channels) =>
        [.. AllChannels.Where(c => channels.HasFlag(c)).Select(ChannelName)];

    private async Task<(DunningSettings?, List<DunningLevelRow>)> ReadAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var settings = await db.DunningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == company, ct);
        var levels = await db.DunningLevels.AsNoTracking().Where(l => l.CompanyId == company).OrderBy(l => l.Number).ToListAsync(ct);
        return (settings, levels);
    }

    private async Task<CompanyDunningPolicy> CompanyPolicyAsync(DunningSettings? settings, List<DunningLevelRow> levels, CancellationToken ct)
    {
        if (settings is null || levels.Count == 0)
        {
            var policy = DunningPolicy.Default(settings?.Currency ?? await CompanyCurrencyAsync(ct));
            return new CompanyDunningPolicy(policy, [null, null, null, "Management", "Legal"], null, DefaultPayByDays, null,
                PreDueReminders.DefaultDaysBefore, PaymentNotices: true, Reminders: true, Confirmation(settings, policy));
        }
        var interest = LateInterest.Of(settings.InterestDailyRatePercent, settings.InterestYearlyRatePercent, settings.InterestGraceDays);
        var days = settings.ReminderDaysBefore.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToList();
        var saved = ToPolicy(settings.Currency, levels) with
        {
            Pace = new DunningPace(settings.DaysBetweenLevels ?? DunningPace.DefaultDaysBetweenLevels, settings.StraightToAgeLevel),
        };
        return new CompanyDunningPolicy(saved, [.. levels.Select(l => l.Escalation)], interest,
            settings.PayByDays, settings.PaymentInstructions, days, settings.PaymentNotices, settings.Reminders, Confirmation(settings, saved));
    }

    /// <summary>When a run waits for confirmation; a from-level beyond the policy's levels counts from its last level.</summary>
    private static DunningConfirmation Confirmation(DunningSettings? settings, DunningPolicy policy) => new(
        Math.Min(settings?.ConfirmFromLevel ?? DunningConfirmation.DefaultFromLevel, policy.Levels.Count),
        settings?.ConfirmAboveCustomers ?? DunningConfirmation.DefaultAboveCustomers);

    private Task<string> CompanyCurrencyAsync(CancellationToken ct) =>
        db.Companies.AsNoTracking().Where(c => c.Id == scope.CompanyId).Select(c => c.BaseCurrency).SingleAsync(ct);

    private static DunningPolicy ToPolicy(string currency, IReadOnlyList<DunningLevelRow> rows) => new(currency, [.. rows.Select(r =>
        new DunningLevel(r.Code, r.MinDaysOverdue, r.MinOverdueMinor, (DunningChannel)r.Channels, r.FeeMinor, r.PutsOnCreditHold, r.Responsible,
            r.Grades.Length == 0 ? null : r.Grades.Split(',').Select(Enum.Parse<CreditGrade>).ToHashSet()))]);

    private static DunningLevelRow LevelRow(Guid company, Currency currency, DunningLevelView l, int i)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"levels[{i}]");
        var channels = DunningChannel.None;
        foreach (var name in l.Channels ?? [])
        {
            channels |= AllChannels.FirstOrDefault(c => ChannelName(c) == name) is var c && c != DunningChannel.None ? c
                : throw new DomainRuleException("dunning.channel", field + ".channels", $"Unknown channel '{name}'.", name);
        }
        var grades = new List<CreditGrade>();
        foreach (var g in l.Grades ?? [])
        {
            grades.Add(Enum.TryParse<CreditGrade>(g, out var grade) && Enum.IsDefined(grade) ? grade
                : throw new DomainRuleException("dunning.grade", field + ".grades", $"Unknown credit grade '{g}'.", g));
        }
        if (!Enum.TryParse<Role>(l.Responsible, out var role) || !Enum.IsDefined(role))
        {
            throw new DomainRuleException("dunning.responsible", field + ".responsible", $"Unknown role '{l.Responsible}'.", l.Responsible);
        }
        if (l.Escalation is { Length: > 0 } e && !Escalations.Contains(e, StringComparer.Ordinal))
        {
            throw new DomainRuleException("dunning.escalation", field + ".escalation", $"Unknown escalation '{e}'.", e);
        }
        return new DunningLevelRow
        {
            CompanyId = company, Number = i + 1, Code = (l.Code ?? "").Trim(), MinDaysOverdue = l.MinDaysOverdue,
            MinOverdueMinor = currency.ToMinor(l.MinOverdueAmount, field + ".minOverdueAmount"), Grades = string.Join(',', grades.Distinct().Order()),
            Channels = (int)channels, FeeMinor = currency.ToMinor(l.Fee, field + ".fee"), PutsOnCreditHold = l.PutsOnCreditHold, Responsible = role,
            Escalation = l.Escalation is { Length: > 0 } ? l.Escalation : null,
        };
    }

    private static DunningPolicyView View(CompanyDunningPolicy p, bool isDefault)
    {
        var currency = Currency.Of(p.Policy.Currency);
        return new DunningPolicyView(p.Policy.Currency, p.Interest?.DailyRatePercent, p.Interest?.GraceDays ?? 0, p.PayByDays, p.PaymentInstructions,
            p.ReminderDaysBefore, p.PaymentNotices, p.Reminders,
            [.. p.Policy.Levels.Select((l, i) => new DunningLevelView(l.Code, l.MinDaysOverdue, currency.ToMajor(l.MinOverdueMinor),
                [.. (l.Grades ?? new HashSet<CreditGrade>()).Order().Select(g => g.ToString())], ChannelNames(l.Channels), currency.ToMajor(l.FeeMinor),
                l.PutsOnCreditHold, l.Responsible.ToString(), p.Escalations[i]))],
            isDefault, p.Policy.Pace.DaysBetweenLevels, p.Policy.Pace.StraightToAgeLevel, p.Confirmation.FromLevel, p.Confirmation.AboveCustomers,
            p.Interest?.YearlyRatePercent);
    }
}
