using System.Net;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huikuan.Web.Tests.Features.Companies;

/// <summary>
/// "Today" is the company's business day in its own time zone. At 07:30 in Shanghai it is still yesterday in UTC, and
/// at 23:30 in Shanghai it is the same day in UTC: a CNY company's aging, dunning day and credit check follow
/// Shanghai in both, and a company in another zone follows its own.
/// </summary>
public abstract class BusinessDayTests(HuikuanApp app)
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    [Theory]
    [InlineData(7, 30)]
    [InlineData(23, 30)]
    [InlineData(0, 5)]
    public async Task InShanghai_TodayIsShanghaisDay_ForAgingTheDunningDayAndTheCreditCheck(int hour, int minute)
    {
        app.Clock.SetShanghai(Day.AddDays(-30), new TimeOnly(12, 0));
        var admin = await app.NewCompanyAsync();
        Assert.Equal("Asia/Shanghai", (await admin.GetAsync<CompanyView>("/api/company")).TimeZone);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, Day.AddDays(-30), 1_000m, due: Day.AddDays(-1)); // due yesterday in Shanghai

        app.Clock.SetShanghai(Day, new TimeOnly(hour, minute));

        var aging = await admin.AgingAsync();
        Assert.Equal(Day, aging.AsOf);
        Assert.Equal(1_000m, aging.Totals[aging.BucketKeys.ToList().IndexOf("1-30")]); // one day overdue, not current
        Assert.Equal(Day, (await admin.GetAsync<DunningPreview>("/api/dunning/preview")).Day);
        Assert.Equal(1, (await admin.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing")).OldestDaysOverdue);
    }

    [Fact]
    public async Task ACompanyInAnotherZone_FollowsItsOwnCalendar_AtTheSameInstant()
    {
        app.Clock.SetShanghai(Day.AddDays(-40), new TimeOnly(12, 0));
        var newYork = await app.NewCompanyAsync("USD", "America/New_York");
        var utc = await app.NewCompanyAsync("USD");
        Assert.Equal("UTC", (await utc.GetAsync<CompanyView>("/api/company")).TimeZone);

        app.Clock.SetShanghai(Day, new TimeOnly(7, 30)); // 23:30 UTC and 18:30 in New York, on the day before

        Assert.Equal(Day.AddDays(-1), (await newYork.AgingAsync()).AsOf);
        Assert.Equal(Day.AddDays(-1), (await utc.AgingAsync()).AsOf);
        app.Clock.SetShanghai(Day, new TimeOnly(9, 0)); // 01:00 UTC, still 20:00 the day before in New York
        Assert.Equal(Day, (await utc.AgingAsync()).AsOf);
        Assert.Equal(Day.AddDays(-1), (await newYork.AgingAsync()).AsOf);
    }

    [Fact]
    public async Task TheDailyDunningJob_RunsEachCompanyOnItsOwnDayAndHour()
    {
        app.Clock.SetShanghai(Day.AddDays(-40), new TimeOnly(12, 0));
        var shanghai = await app.NewCompanyAsync();
        var utc = await app.NewCompanyAsync("USD");
        var job = new DunningDailyJob(app.Services, new ConfigurationBuilder().Build(), NullLogger<DunningDailyJob>.Instance);
        await using var scope = app.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        var lastRun = new Dictionary<Guid, DateOnly>();
        async Task<List<DateOnly>> RunDays(CompanyApi company) =>
            (await company.GetAsync<List<DunningRunView>>("/api/dunning/runs")).Select(r => r.RunDay).OrderDescending().ToList();

        // Each company's first run is confirmed by a person (the job leaves a first run alone), two days before.
        app.Clock.SetShanghai(Day.AddDays(-2), new TimeOnly(12, 0));
        await shanghai.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        await utc.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var before = Day.AddDays(-2);

        app.Clock.SetShanghai(Day, new TimeOnly(7, 30)); // 23:30 UTC the day before
        await job.RunDueAsync(clock, 6, lastRun, CancellationToken.None);
        Assert.Equal([Day, before], await RunDays(shanghai)); // 07:30 is past 06:00 in Shanghai: the run is for Shanghai's day
        Assert.Equal([Day.AddDays(-1), before], await RunDays(utc)); // 23:30 of the day before in UTC

        app.Clock.SetShanghai(Day, new TimeOnly(10, 0)); // 02:00 UTC: the UTC company's new day, before 06:00 there
        await job.RunDueAsync(clock, 6, lastRun, CancellationToken.None);
        Assert.Equal([Day, before], await RunDays(shanghai)); // once a day
        Assert.Equal([Day.AddDays(-1), before], await RunDays(utc));

        app.Clock.SetShanghai(Day, new TimeOnly(14, 30)); // 06:30 UTC
        await job.RunDueAsync(clock, 6, lastRun, CancellationToken.None);
        Assert.Equal([Day, before], await RunDays(shanghai));
        Assert.Equal([Day, Day.AddDays(-1), before], await RunDays(utc));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("UTC+8")]
    [InlineData("../../etc/passwd")]
    public async Task SettingUpACompany_InAnUnknownTimeZone_IsRefused(string zone)
    {
        var error = await Assert.ThrowsAsync<Huikuan.Domain.DomainRuleException>(() => app.NewCompanyAsync("CNY", zone));
        Assert.Equal("company.timeZone", error.Rule);
    }
}

public sealed class BusinessDayTestsOnSqlite(SqliteApp app) : BusinessDayTests(app), IClassFixture<SqliteApp>;

public sealed class BusinessDayTestsOnPostgres(PostgresApp app) : BusinessDayTests(app), IClassFixture<PostgresApp>;
