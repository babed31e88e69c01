namespace Huikuan.Web.Tests.Infrastructure;

/// <summary>
/// A clock the tests set; business rules never read the machine's time. The default instant, 09:00 UTC, is 17:00 in
/// Shanghai, the same calendar day in both; tests of the business day put the clock at 07:30 or 23:30 Shanghai time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateOnly DefaultToday = new(2026, 11, 23);

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private DateTimeOffset _now = new(DefaultToday.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Today for a CNY test company: the day in Shanghai.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_now, Shanghai).DateTime);

    public void Advance(TimeSpan by) => _now += by;

    public void SetToday(DateOnly day) => _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>Puts the clock at a wall-clock time in Shanghai (UTC+8, no daylight saving).</summary>
    public void SetShanghai(DateOnly day, TimeOnly time) => _now = new DateTimeOffset(day.ToDateTime(time), TimeSpan.FromHours(8)).ToUniversalTime();
}
