using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.Orders;
using Huikuan.Web.Tests.Features.Orders;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Dunning;

public abstract class DunningRunTests(HuikuanApp app)
{
    [Fact]
    public async Task ARun_SendsEachCustomerTheFirstLevel_OnceADay_AndTheNextLevelNoSoonerThanThePaceAllows()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var late = await CustomerWithContactAsync(admin, "finance@late.example", "13800000001");
        var recent = await CustomerWithContactAsync(admin, "finance@recent.example", "13800000002");
        var onTime = await CustomerWithContactAsync(admin, "finance@ontime.example", null);
        var today = app.Clock.Today;
        await admin.IssueInvoiceAsync(late.Id, today.AddDays(-50), 1_000m, due: today.AddDays(-20));
        await admin.IssueInvoiceAsync(late.Id, today.AddDays(-30), 500m, due: today.AddDays(-2));
        await admin.IssueInvoiceAsync(recent.Id, today.AddDays(-35), 800m, due: today.AddDays(-5));
        await admin.IssueInvoiceAsync(onTime.Id, today.AddDays(-5), 300m, due: today.AddDays(25));

        // 20 days overdue calls for the firm notice, but a customer never reminded gets the friendly reminder first.
        var preview = await collector.GetAsync<DunningPreview>("/api/dunning/preview");
        Assert.Equal((2, 0, 2), (preview.ToSend, preview.Skipped, preview.Considered)); // nothing overdue, nothing to consider
        var row = Assert.Single(preview.Rows, r => r.CustomerId == late.Id);
        Assert.Equal(("send", "friendly", 20, 3), (row.Outcome, row.LevelCode, row.OldestDaysOverdue, row.LevelMinDaysOverdue));
        Assert.Equal("friendly", Assert.Single(preview.Rows, r => r.CustomerId == recent.Id).LevelCode);
        Assert.DoesNotContain(preview.Rows, r => r.CustomerId == onTime.Id);

        var first = await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var second = await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        Assert.Equal((2, 2, 0), (first.Considered, first.Sent, first.Failed));
        Assert.Equal(4, first.Messages); // friendly: e-mail and SMS to each
        Assert.Equal(0, first.Tasks);
        Assert.Equal(0, second.Sent);
        var outbox = await OutboxAsync(admin);
        Assert.Equal(4, outbox.Count);
        var friendly = Assert.Single(outbox, m => m.To == "finance@late.example");
        Assert.Contains("1,500.00", friendly.Body, StringComparison.Ordinal); // one message covers both overdue items
        Assert.Contains(outbox, m => m.Channel == MessageChannel.Sms && m.To == "13800000002");
        var view = await collector.GetAsync<CustomerDunningView>($"/api/customers/{late.Id}/dunning");
        Assert.Equal(("friendly", 2, false), (view.LevelCode, Assert.Single(view.Communications, c => c.Outcome == "sent").ItemCount, view.CreditHold));
        Assert.Equal(2, view.Communications.Count(c => c.Outcome == "notice")); // one payment notice per invoice, when it was issued

        // Three days on the firm notice is due by age, but the pace keeps a week between levels; the preview says so.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var waiting = await collector.GetAsync<DunningPreview>("/api/dunning/preview");
        Assert.Equal(("skip", "waitingForNextLevel"), (Outcome(waiting, late.Id), Reason(waiting, late.Id)));
        Assert.Equal(0, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { })).Sent);

        // A week after the reminder, one level up: the firm notice, with a call for the collector; not the final demand.
        app.Clock.Advance(TimeSpan.FromDays(4));
        var third = await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        Assert.Equal((1, 1), (third.Sent, third.Tasks)); // the recent customer, 12 days overdue, stays at friendly
        var history = await collector.GetAsync<CustomerDunningView>($"/api/customers/{late.Id}/dunning");
        Assert.Equal(["firm", "friendly"], history.Communications.Where(c => c.Outcome == "sent").Select(c => c.LevelCode));
        var runs = await collector.GetAsync<List<DunningRunView>>("/api/dunning/runs");
        Assert.Equal([third.Id, second.Id, first.Id], runs.Where(r => r.Sent > 0 || r.Id == second.Id).Select(r => r.Id));
    }

    [Fact]
    public async Task AFirstRun_AndARunSendingSeriousLevelsToManyCustomers_AnswerConflictWithTheCounts_AndWriteNothingUntilConfirmed()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var today = app.Clock.Today;
        var a = await CustomerWithContactAsync(admin, "a@serious.example", null);
        var b = await CustomerWithContactAsync(admin, "b@serious.example", null);
        await admin.IssueInvoiceAsync(a.Id, today.AddDays(-60), 1_000m, due: today.AddDays(-40));
        await admin.IssueInvoiceAsync(b.Id, today.AddDays(-60), 1_000m, due: today.AddDays(-35));

        Assert.True((await collector.GetAsync<DunningPreview>("/api/dunning/preview")).Confirmation is { Required: true, FirstRun: true });
        var first = await collector.PostAsync("/api/dunning/runs", new { });
        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        var asked = (await first.Content.ReadFromJsonAsync<DunningRunConfirmation>(HuikuanApp.Json))!;
        Assert.Equal((true, true, 2), (asked.Required, asked.FirstRun, asked.ByLevel["friendly"]));
        Assert.Empty(await collector.GetAsync<List<DunningRunView>>("/api/dunning/runs"));
        Assert.Empty(await OutboxAsync(admin));
        Assert.Equal(2, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Sent);

        // Straight to the age's level, with confirmation above one final demand: two finals wait for a person.
        await GoStraightToTheAgesLevelAsync(admin, confirmAboveCustomers: 1);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var serious = await collector.PostAsync("/api/dunning/runs", new { confirm = false });
        Assert.Equal(HttpStatusCode.Conflict, serious.StatusCode);
        var counts = (await serious.Content.ReadFromJsonAsync<DunningRunConfirmation>(HuikuanApp.Json))!;
        Assert.Equal((false, 2, 1, "final"), (counts.FirstRun, counts.SeriousSends, counts.AboveCustomers, counts.FromLevelCode));
        Assert.Equal(new Dictionary<string, int> { ["final"] = 2 }, counts.ByLevel);
        Assert.Single(await collector.GetAsync<List<DunningRunView>>("/api/dunning/runs"));
        Assert.Equal(2, (await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true })).Sent);
    }

    [Fact]
    public async Task ARunDatedBeforeTheLastRun_IsRefused_AndWritesNothing()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var customer = await CustomerWithContactAsync(admin, "ap@clock.example", null);
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-40), 1_000m, due: today.AddDays(-10));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        try
        {
            app.Clock.SetToday(today.AddDays(-1));
            var problem = await CompanyApi.AssertProblemAsync(await admin.PostAsync("/api/dunning/runs", new { confirm = true }),
                HttpStatusCode.UnprocessableEntity);
            Assert.Equal("https://huikuan.dev/problems/dunning.runBeforeLast", problem.GetProperty("type").GetString());
            Assert.Single(await admin.GetAsync<List<DunningRunView>>("/api/dunning/runs"));
        }
        finally
        {
            app.Clock.SetToday(today);
        }
        // The same day again is allowed (and sends nothing twice).
        Assert.Equal(0, (await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { })).Sent);
    }

    [Fact]
    public async Task ARun_LeavesOutDisputedAmounts_PromisesToPay_AndBlocks_UntilTheyEnd()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var disputed = await CustomerWithContactAsync(admin, "a@disputed.example", null);
        var promised = await CustomerWithContactAsync(admin, "b@promised.example", null);
        var blocked = await CustomerWithContactAsync(admin, "c@blocked.example", null);
        var invoiceBlocked = await CustomerWithContactAsync(admin, "d@invoice.example", null);
        var dispute = await admin.IssueInvoiceAsync(disputed.Id, today.AddDays(-40), 900m, due: today.AddDays(-10));
        await admin.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(dispute.Id, 900m, "quality", "货物破损"));
        await admin.IssueInvoiceAsync(promised.Id, today.AddDays(-40), 900m, due: today.AddDays(-10));
        await admin.PostOkAsync<PromiseView>($"/api/customers/{promised.Id}/promises", new CreatePromise(900m, today.AddDays(3)));
        await admin.IssueInvoiceAsync(blocked.Id, today.AddDays(-40), 900m, due: today.AddDays(-10));
        var block = await admin.PostOkAsync<DunningBlockView>($"/api/customers/{blocked.Id}/dunning-blocks", new BlockDunning("正在对账", Until: today.AddDays(30)));
        var held = await admin.IssueInvoiceAsync(invoiceBlocked.Id, today.AddDays(-40), 900m, due: today.AddDays(-10));
        await admin.PostOkAsync<DunningBlockView>($"/api/customers/{invoiceBlocked.Id}/dunning-blocks", new BlockDunning("发票待重开", held.Id));

        var preview = await admin.GetAsync<DunningPreview>("/api/dunning/preview");
        Assert.Equal("onlyDisputedOrBlocked", Reason(preview, disputed.Id));
        Assert.Equal("promiseToPay", Reason(preview, promised.Id));
        Assert.Equal("customerBlocked", Reason(preview, blocked.Id));
        Assert.Equal("onlyDisputedOrBlocked", Reason(preview, invoiceBlocked.Id));
        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        Assert.Equal((0, 4), (run.Sent, run.Skipped));
        Assert.Empty(await OutboxAsync(admin));
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PostAsync($"/api/customers/{blocked.Id}/dunning-blocks", new BlockDunning("again"))).StatusCode);

        // Released by hand, the customer is dunned the same day; the unkept promise ends with its day and the grace
        // after it (two business days: at most four calendar days).
        await admin.PostOkAsync<DunningBlockView>($"/api/dunning/blocks/{block.Id}/release", new { });
        app.Clock.Advance(TimeSpan.FromDays(8));
        var after = await admin.GetAsync<DunningPreview>("/api/dunning/preview");
        Assert.Equal("send", Outcome(after, blocked.Id));
        Assert.Equal("send", Outcome(after, promised.Id));
        Assert.Equal("skip", Outcome(after, disputed.Id));
    }

    [Fact]
    public async Task ALevelFalls_AsSoonAsWhatIsOverdueNoLongerReachesIt_ThenDunningStartsAgainFromTheFirstLevel()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var customer = await CustomerWithContactAsync(admin, "pay@example.com", null);
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-60), 2_000m, due: today.AddDays(-16));
        await GoStraightToTheAgesLevelAsync(admin);
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        Assert.Equal("firm", (await admin.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning")).LevelCode);

        // A new invoice only 4 days late does not lower the level reached.
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-30), 100m, due: today.AddDays(-4));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("levelAlreadyReached", Reason(await admin.GetAsync<DunningPreview>("/api/dunning/preview"), customer.Id));

        // Paying the old invoice leaves only the new one, 5 days overdue: the level falls to friendly, recorded as lowered.
        var receipt = await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 2_000m);
        await admin.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 2_000m);
        var lowered = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        Assert.Equal((1, 0), (lowered.Lowered, lowered.Sent));
        var state = await admin.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning");
        Assert.Equal("friendly", state.LevelCode);
        Assert.Equal("lowered", state.Communications.First(c => c.Outcome != "notice").Outcome);
        Assert.Single(await OutboxAsync(admin)); // lowering sends nothing
    }

    [Fact]
    public async Task AReceiptDatedBeforeTheHoldWasReached_RecordedAfter_EndsTheLevelAndTheHoldAtTheNextRun()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var customer = await admin.CustomerWithTermAsync();
        await admin.SetCreditAsync(customer.Id, limit: 1_000_000m, grade: "A");
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-90), 5_000m, due: today.AddDays(-50));
        await GoStraightToTheAgesLevelAsync(admin);
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        Assert.True((await admin.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning")).CreditHold);
        var held = await admin.ConfirmedOrderAsync(customer.Id);
        Assert.Contains(held.Checks.SelectMany(c => c.Reasons), r => r.Code == CreditCheck.DunningHold);

        // The customer paid the day before the hold; the bank statement comes in two days later.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var receipt = await admin.RecordReceiptAsync(customer.Id, today.AddDays(-1), 5_000m);
        await admin.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 5_000m);
        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        var order = await admin.ConfirmedOrderAsync(customer.Id);

        Assert.Equal(1, run.Lowered);
        var state = await admin.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning");
        Assert.Equal((0, false), (state.Level, state.CreditHold));
        Assert.NotEqual(SalesOrderStatus.OnHold, order.Status);
        Assert.DoesNotContain(order.Checks.SelectMany(c => c.Reasons), r => r.Code == CreditCheck.DunningHold);
    }

    [Fact]
    public async Task AHoldLevel_PutsTheCustomerOnCreditHold_SoOrdersAreHeld_AndAsksTheCreditManagerToVisit()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var today = app.Clock.Today;
        var customer = await admin.CustomerWithTermAsync();
        await admin.SetCreditAsync(customer.Id, limit: null, grade: "A"); // grade A alone would only warn at 50 days overdue
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-90), 5_000m, due: today.AddDays(-50));
        await GoStraightToTheAgesLevelAsync(admin);

        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var order = await admin.ConfirmedOrderAsync(customer.Id);

        Assert.Equal(1, run.Sent);
        var view = await manager.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning");
        Assert.Equal(("hold", true), (view.LevelCode, view.CreditHold));
        Assert.Equal(SalesOrderStatus.OnHold, order.Status);
        Assert.Contains(Assert.Single(order.Checks).Reasons, r => r.Code == CreditCheck.DunningHold);
        var task = Assert.Single(await manager.GetAsync<List<CollectionTaskView>>("/api/dunning/tasks?mine=true"), t => t.CustomerId == customer.Id);
        Assert.Equal(("visit", "CreditManager", today.AddDays(3)), (task.Kind, task.Responsible, task.DueOn));
        var done = await manager.PostOkAsync<CollectionTaskView>($"/api/dunning/tasks/{task.Id}/complete", new CompleteTask("客户承诺下周付款"));
        Assert.Equal("done", done.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/dunning/tasks/{task.Id}/complete", new CompleteTask("again"))).StatusCode);
    }

    [Fact]
    public async Task ASalesperson_CannotRunDunning_AndSeesNoOtherSalespersonsCustomers()
    {
        var admin = await app.NewCompanyAsync();
        var mine = await admin.SalespersonAsync("S1", "Mine");
        var sales = await admin.AsNewUserAsync(Role.Salesperson, mine.Id);
        var other = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(other.Id, app.Clock.Today.AddDays(-40), 100m, due: app.Clock.Today.AddDays(-10));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync("/api/dunning/runs", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri($"/api/customers/{other.Id}/dunning", UriKind.Relative))).StatusCode);
    }

    /// <summary>Saves the company's policy as it is, but sending each customer the level its oldest item's age calls for.</summary>
    internal static async Task GoStraightToTheAgesLevelAsync(CompanyApi admin, int? confirmAboveCustomers = null)
    {
        var p = await admin.GetAsync<DunningPolicyView>("/api/dunning/policy");
        var save = new SaveDunningPolicy(p.InterestDailyRatePercent, p.InterestGraceDays, p.PayByDays, p.PaymentInstructions, p.ReminderDaysBefore,
            p.PaymentNotices, p.Reminders, p.Levels, p.DaysBetweenLevels, StraightToAgeLevel: true, p.ConfirmFromLevel,
            confirmAboveCustomers ?? p.ConfirmAboveCustomers);
        var response = await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative), save, HuikuanApp.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    internal static async Task<CustomerView> CustomerWithContactAsync(CompanyApi admin, string email, string? mobile, string language = "zh-CN")
    {
        var customer = await admin.CustomerAsync();
        await admin.PostOkAsync<ContactView>($"/api/customers/{customer.Id}/contacts",
            new ContactInput("王会计", ["finance"], Email: email, Mobile: mobile, Language: language, Channel: "email"));
        return customer;
    }

    /// <summary>The company's outbox messages whose key starts with <paramref name="prefix"/> (dun: dunning, notice: payment notices, remind: reminders).</summary>
    internal static Task<List<OutboxMessage>> OutboxAsync(CompanyApi admin, string prefix = "dun:") =>
        admin.App.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.CompanyId == admin.Company.Id && m.Key.StartsWith(prefix))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Key).ToListAsync());

    private static string Reason(DunningPreview preview, Guid customerId) => Assert.Single(preview.Rows, r => r.CustomerId == customerId).Reason;

    private static string Outcome(DunningPreview preview, Guid customerId) => Assert.Single(preview.Rows, r => r.CustomerId == customerId).Outcome;
}

public sealed class DunningRunTestsOnSqlite(SqliteApp app) : DunningRunTests(app), IClassFixture<SqliteApp>;

public sealed class DunningRunTestsOnPostgres(PostgresApp app) : DunningRunTests(app), IClassFixture<PostgresApp>;
