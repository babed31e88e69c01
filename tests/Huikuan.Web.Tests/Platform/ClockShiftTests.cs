using Huikuan.Web.Features.Promises;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Platform;

/// <summary>
/// Huikuan:Clock:Shift runs the one clock ahead of the machine's time, so that a browser test can start the app again
/// "days later" on the same database. Today moves with it, still on the company's own calendar.
/// </summary>
public sealed class ClockShiftTests(ClockShiftTests.ShiftedApp app) : IClassFixture<ClockShiftTests.ShiftedApp>
{
    /// <summary>The same app, with the clock one day ahead of its test clock.</summary>
    public sealed class ShiftedApp : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(ClockShift.Key, "1.00:00:00");
        }
    }

    private static readonly DateOnly Day = new(2026, 11, 24);

    [Fact]
    public async Task AShiftOfOneDay_MovesTheCompanysToday_AndAt0730InShanghaiItIsAlreadyThatDayThereButNotInUtc()
    {
        app.Clock.SetShanghai(Day.AddDays(-10), new TimeOnly(12, 0));
        var shanghai = await app.NewCompanyAsync();
        var utc = await app.NewCompanyAsync("USD");
        var customer = await shanghai.CustomerAsync();

        // The machine says 07:30 in Shanghai the day before; shifted by a day it is 07:30 on the day, 23:30 UTC the day before.
        app.Clock.SetShanghai(Day.AddDays(-1), new TimeOnly(7, 30));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
            Assert.Equal(app.Clock.GetUtcNow().AddDays(1), clock.Now);
            Assert.Equal(Day.AddDays(-1), DateOnly.FromDateTime(clock.Now.UtcDateTime));
            Assert.Equal(Day, clock.TodayFor(shanghai.Company.Id));
            Assert.Equal(Day.AddDays(-1), clock.TodayFor(utc.Company.Id));
        }

        // Every handler reads the shifted day: the aging's day, and the day a promise is made on.
        Assert.Equal(Day, (await shanghai.AgingAsync()).AsOf);
        Assert.Equal(Day.AddDays(-1), (await utc.AgingAsync()).AsOf);
        var promise = await shanghai.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new { amount = 100m, promisedOn = Day.AddDays(1) });
        Assert.Equal(Day, promise.MadeOn);
        var yesterday = await shanghai.PostAsync($"/api/customers/{customer.Id}/promises", new { amount = 100m, promisedOn = Day.AddDays(-1) });
        await CompanyApi.AssertProblemAsync(yesterday, System.Net.HttpStatusCode.UnprocessableEntity, "promisedOn");
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("00:00:00", 0)]
    [InlineData("4.00:00:00", 4 * 24 * 60)]
    [InlineData(" -1.00:00:00 ", -24 * 60)]
    [InlineData("06:30:00", 6 * 60 + 30)]
    public void TheShift_IsReadAsASpanOfTime(string? setting, int minutes)
    {
        var shift = ClockShift.From(Settings(setting));
        Assert.Equal(TimeSpan.FromMinutes(minutes), shift.Value);
        Assert.Equal(minutes != 0, shift.IsShifted);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-12-08")]
    [InlineData("4000.00:00:00")]
    [InlineData("-3661.00:00:00")]
    public void AShiftThatIsNoSpanOrTooFar_StopsTheStart_NamingTheSetting(string setting)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ClockShift.From(Settings(setting)));
        Assert.Contains(ClockShift.Key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheSetting_TheAppsClockIsTheMachines()
    {
        using var plain = new SqliteApp();
        Assert.False(plain.Services.GetRequiredService<ClockShift>().IsShifted);
    }

    private static IConfiguration Settings(string? shift) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClockShift.Key] = shift }).Build();
}
