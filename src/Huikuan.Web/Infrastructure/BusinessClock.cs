using System.Collections.Concurrent;
using Huikuan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// The one clock. "Now" is an instant (UTC); "today" is the company's business day in its own time zone, so at 07:30
/// in Shanghai it is already today there while it is still yesterday in UTC. Handlers, pages, jobs and reports ask
/// this service; nothing else reads the time (an architecture test holds that). A configured <see cref="ClockShift"/>
/// moves "now" (and so today) for every reader at once.
/// </summary>
public sealed class BusinessClock(TimeProvider time, ClockShift shift, Scope scope, CompanyTimeZones zones, IServiceScopeFactory scopes)
{
    /// <summary>The company in scope.</summary>
    public Guid CompanyId => scope.CompanyId;

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => time.GetUtcNow() + shift.Value;

    /// <summary>The business day of the company in scope.</summary>
    public DateOnly Today => TodayFor(scope.CompanyId);

    /// <summary>The current time of day on the company's wall clock.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Now, ZoneOf(scope.CompanyId));

    /// <summary>Today in a given zone: for the moment before a company exists (the demo seeder).</summary>
    public DateOnly TodayIn(string zoneId) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, CompanyTimeZones.Find(zoneId) ?? TimeZoneInfo.Utc).DateTime);

    /// <summary>The wall-clock time of any company.</summary>
    public DateTimeOffset LocalNowFor(Guid companyId) => TimeZoneInfo.ConvertTime(Now, ZoneOf(companyId));

    /// <summary>Waits on this clock's time, so a test clock can drive background jobs.</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, time, ct);

    /// <summary>A point to measure a duration from: a stopwatch reading, not a time of day.</summary>
    public long Timestamp() => time.GetTimestamp();

    /// <summary>How long since <paramref name="timestamp"/>, from <see cref="Timestamp"/>.</summary>
    public TimeSpan Since(long timestamp) => time.GetElapsedTime(timestamp);

    /// <summary>An instant on the wall clock of the company in scope, for showing it to a person.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ZoneOf(scope.CompanyId));

    /// <summary>The business day on which an instant fell for the company in scope.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DayOf(instant, scope.CompanyId);

    /// <summary>The business day of any company: for jobs that go over every company.</summary>
    public DateOnly TodayFor(Guid companyId) => DayOf(Now, companyId);

    /// <summary>The business day on which an instant fell for the company.</summary>
    public DateOnly DayOf(DateTimeOffset instant, Guid companyId) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ZoneOf(companyId)).DateTime);

    /// <summary>The company's time zone.</summary>
    public TimeZoneInfo ZoneOf(Guid companyId) => zones.Get(companyId, scopes);
}

/// <summary>
/// A fixed span the clock runs ahead (or behind) of the machine's time, from <c>Huikuan:Clock:Shift</c> (a TimeSpan such
/// as <c>4.00:00:00</c>; none by default). It exists so that a browser test can start the app again on the same database
/// "days later" and watch what the next mornings bring (promises falling due and broken, items ageing). Everything that
/// asks <see cref="BusinessClock"/> sees the shifted time; waits and durations keep the machine's pace. The host writes a
/// warning at start while it is set, and no page shows it. A value that is not a span, or more than ten years either way,
/// stops the start with the reason.
/// </summary>
public sealed class ClockShift
{
    public const string Key = "Huikuan:Clock:Shift";

    /// <summary>The largest shift taken either way.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3660);

    public static ClockShift None { get; } = new(TimeSpan.Zero);

    private ClockShift(TimeSpan value) => Value = value;

    public TimeSpan Value { get; }

    public bool IsShifted => Value != TimeSpan.Zero;

    /// <summary>The shift the configuration asks for; none when the key is absent or empty.</summary>
    public static ClockShift From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }
        if (!TimeSpan.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidOperationException($"{Key} is \"{text}\", not a span of time: write days.hours:minutes:seconds, e.g. 4.00:00:00 or -1.00:00:00.");
        }
        if (value.Duration() > Max)
        {
            throw new InvalidOperationException($"{Key} is {value}: the clock is moved at most {Max.TotalDays:0} days either way.");
        }
        return value == TimeSpan.Zero ? None : new ClockShift(value);
    }
}

/// <summary>Each company's time zone, read once and kept (a company's zone changes only through <see cref="Forget"/>).</summary>
public sealed class CompanyTimeZones
{
    private readonly ConcurrentDictionary<Guid, TimeZoneInfo> _zones = new();

    /// <summary>The time zone a CNY company gets unless it says otherwise.</summary>
    public const string China = "Asia/Shanghai";

    /// <summary>The default zone for a new company: China's for a CNY company, else UTC until set.</summary>
    public static string DefaultFor(string baseCurrency) => string.Equals(baseCurrency, "CNY", StringComparison.OrdinalIgnoreCase) ? China : "UTC";

    /// <summary>A known IANA zone id, or null.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    internal TimeZoneInfo Get(Guid companyId, IServiceScopeFactory scopes) => _zones.GetOrAdd(companyId, id =>
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuikuanDbContext>();
        var zone = db.Companies.AsNoTracking().Where(c => c.Id == id).Select(c => c.TimeZone).SingleOrDefault();
        return Find(zone) ?? TimeZoneInfo.Utc;
    });

    /// <summary>Drops a company's cached zone after it was changed.</summary>
    public void Forget(Guid companyId) => _zones.TryRemove(companyId, out _);
}
