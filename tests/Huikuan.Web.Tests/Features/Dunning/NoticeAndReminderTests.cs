using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Dunning;

public abstract class NoticeAndReminderTests(HuikuanApp app)
{
    [Fact]
    public async Task IssuingAnInvoice_SendsAPaymentNotice_ByTheChannelAndInTheLanguageTheContactPrefers()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var bySms = await admin.CustomerAsync();
        await admin.PostOkAsync<ContactView>($"/api/customers/{bySms.Id}/contacts",
            new ContactInput("李出纳", ["finance"], Mobile: "13900000009", Email: "li@sms.example", Language: "zh-CN", Channel: "sms"));
        var english = await DunningRunTests.CustomerWithContactAsync(admin, "ap@english.example", null, language: "en");
        var nobody = await admin.CustomerAsync();

        var sms = await admin.IssueInvoiceAsync(bySms.Id, today, 2_000m, due: today.AddDays(30));
        await admin.IssueInvoiceAsync(english.Id, today, 750m, due: today.AddDays(30));
        await admin.IssueInvoiceAsync(nobody.Id, today, 100m, due: today.AddDays(30));

        var notices = await DunningRunTests.OutboxAsync(admin, "notice:");
        Assert.Equal(2, notices.Count);
        var text = Assert.Single(notices, m => m.Channel == MessageChannel.Sms);
        Assert.Equal("13900000009", text.To);
        Assert.Contains("2,000.00 CNY", text.Body, StringComparison.Ordinal);
        var mail = Assert.Single(notices, m => m.Channel == MessageChannel.Email);
        Assert.Equal("ap@english.example", mail.To);
        Assert.StartsWith(admin.Company.Name + " payment notice: 750.00 CNY", mail.Subject, StringComparison.Ordinal);
        var history = await admin.GetAsync<CustomerDunningView>($"/api/customers/{bySms.Id}/dunning");
        var notice = Assert.Single(history.Communications);
        Assert.Equal(("notice", null, 2_000m), (notice.Outcome, notice.RunId, notice.Overdue));
        Assert.Equal(sms.Number, Assert.Single((await admin.GetAsync<CommunicationDetail>($"/api/dunning/communications/{notice.Id}")).Items).InvoiceNumber);
    }

    [Fact]
    public async Task RemindersGoOut7And1DaysBeforeDue_OnceEach_AndNotWhenTheCompanyTurnedThemOff()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var today = app.Clock.Today;
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "remind@example.com", null);
        await admin.IssueInvoiceAsync(customer.Id, today, 600m, due: today.AddDays(10));
        await admin.IssueInvoiceAsync(customer.Id, today, 400m, due: today.AddDays(10));

        Assert.Equal(0, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Reminders);
        app.Clock.Advance(TimeSpan.FromDays(3)); // 7 days before due
        Assert.Equal(1, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Reminders);
        Assert.Equal(0, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Reminders);
        var first = Assert.Single(await DunningRunTests.OutboxAsync(admin, "remind:"));
        Assert.Contains("1,000.00 CNY", first.Subject, StringComparison.Ordinal); // both invoices due that day, in one reminder

        app.Clock.Advance(TimeSpan.FromDays(6)); // 1 day before due
        Assert.Equal(1, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Reminders);
        Assert.Equal(2, (await DunningRunTests.OutboxAsync(admin, "remind:")).Count);

        var policy = await admin.GetAsync<DunningPolicyView>("/api/dunning/policy");
        var off = new SaveDunningPolicy(policy.InterestDailyRatePercent, policy.InterestGraceDays, policy.PayByDays, policy.PaymentInstructions, [3],
            PaymentNotices: false, Reminders: false, policy.Levels);
        Assert.True((await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative), off, HuikuanApp.Json)).IsSuccessStatusCode);
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today, 300m, due: app.Clock.Today.AddDays(2));
        Assert.Equal(0, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Reminders);
        Assert.Equal(2, (await DunningRunTests.OutboxAsync(admin, "notice:")).Count); // the two invoices before notices were turned off
    }
}

public sealed class NoticeAndReminderTestsOnSqlite(SqliteApp app) : NoticeAndReminderTests(app), IClassFixture<SqliteApp>;

public sealed class NoticeAndReminderTestsOnPostgres(PostgresApp app) : NoticeAndReminderTests(app), IClassFixture<PostgresApp>;
