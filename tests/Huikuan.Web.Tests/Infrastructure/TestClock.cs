namespace Huikuan.Web.Tests.Infrastructure;

/// <summary>A clock the tests set; business rules never read the machine's time.</summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateOnly DefaultToday = new(2026, 11, 23);

    private DateTimeOffset _now = new(DefaultToday.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public void Advance(TimeSpan by) => _now += by;

    public void SetToday(DateOnly day) => _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
