using System.Net;
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
    public async Task ARun_SendsEachCustomerTheLevelItsOldestItemReached_OnceADay_AndTheNextLevelWhenItIsDue()
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

        var preview = await collector.GetAsync<DunningPreview>("/api/dunning/preview");
        Assert.Equal((2, 0, 2), (preview.ToSend, preview.Skipped, preview.Considered)); // nothing overdue, nothing to consider
        var row = Assert.Single(preview.Rows, r => r.CustomerId == late.Id);
        Assert.Equal(("send", "firm", 20, 15), (row.Outcome, row.LevelCode, row.OldestDaysOverdue, row.LevelMinDaysOverdue));
        Assert.Equal("friendly", Assert.Single(preview.Rows, r => r.CustomerId == recent.Id).LevelCode);
        Assert.DoesNotContain(preview.Rows, r => r.CustomerId == onTime.Id);

        var first = await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        var second = await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });

        Assert.Equal((2, 2, 0), (first.Considered, first.Sent, first.Failed));
        Assert.Equal(3, first.Messages); // firm: one e-mail; friendly: e-mail and SMS
        Assert.Equal(1, first.Tasks);    // firm asks a collector to call
        Assert.Equal(0, second.Sent);
        var outbox = await OutboxAsync(admin);
        Assert.Equal(3, outbox.Count);
        var firm = Assert.Single(outbox, m => m.To == "finance@late.example");
        Assert.Contains("1,500.00", firm.Body, StringComparison.Ordinal); // one message covers both overdue items
        Assert.Contains(outbox, m => m.Channel == MessageChannel.Sms && m.To == "13800000002");
        var view = await collector.GetAsync<CustomerDunningView>($"/api/customers/{late.Id}/dunning");
        Assert.Equal(("firm", 2, false), (view.LevelCode, Assert.Single(view.Communications, c => c.Outcome == "sent").ItemCount, view.CreditHold));
        Assert.Equal(2, view.Communications.Count(c => c.Outcome == "notice")); // one payment notice per invoice, when it was issued
        var task = Assert.Single(view.Tasks);
        Assert.Equal(("phone", "Collector"), (task.Kind, task.Responsible));

        // Ten days on, the late customer's oldest item is 30 days overdue: the final demand, by e-mail and letter.
        app.Clock.Advance(TimeSpan.FromDays(10));
        var third = await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        Assert.Equal(2, third.Sent);
        var history = await collector.GetAsync<CustomerDunningView>($"/api/customers/{late.Id}/dunning");
        Assert.Equal(["final", "firm"], history.Communications.Where(c => c.Outcome == "sent").Select(c => c.LevelCode));
        var runs = await collector.GetAsync<List<DunningRunView>>("/api/dunning/runs");
        Assert.Equal([third.Id, second.Id, first.Id], runs.Select(r => r.Id));
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
        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        Assert.Equal((0, 4), (run.Sent, run.Skipped));
        Assert.Empty(await OutboxAsync(admin));
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PostAsync($"/api/customers/{blocked.Id}/dunning-blocks", new BlockDunning("again"))).StatusCode);

        // Released by hand, the customer is dunned the same day; the unkept promise ends with its day.
        await admin.PostOkAsync<DunningBlockView>($"/api/dunning/blocks/{block.Id}/release", new { });
        app.Clock.Advance(TimeSpan.FromDays(4));
        var after = await admin.GetAsync<DunningPreview>("/api/dunning/preview");
        Assert.Equal("send", Outcome(after, blocked.Id));
        Assert.Equal("send", Outcome(after, promised.Id));
        Assert.Equal("skip", Outcome(after, disputed.Id));
    }

    [Fact]
    public async Task ALevelOnlyRises_UntilAPaymentLowersIt_ThenDunningStartsAgainFromTheFirstLevel()
    {
        var admin = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var customer = await CustomerWithContactAsync(admin, "pay@example.com", null);
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-60), 2_000m, due: today.AddDays(-16));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        Assert.Equal("firm", (await admin.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning")).LevelCode);

        // A new invoice only 4 days late does not lower the level reached.
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-30), 100m, due: today.AddDays(-4));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("levelAlreadyReached", Reason(await admin.GetAsync<DunningPreview>("/api/dunning/preview"), customer.Id));

        // Paying the old invoice leaves only the new one, 5 days overdue: the level falls to friendly, recorded as lowered.
        var receipt = await admin.RecordReceiptAsync(customer.Id, app.Clock.Today, 2_000m);
        await admin.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 2_000m);
        var lowered = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
        Assert.Equal((1, 0), (lowered.Lowered, lowered.Sent));
        var state = await admin.GetAsync<CustomerDunningView>($"/api/customers/{customer.Id}/dunning");
        Assert.Equal("friendly", state.LevelCode);
        Assert.Equal("lowered", state.Communications.First(c => c.Outcome != "notice").Outcome);
        Assert.Single(await OutboxAsync(admin)); // lowering sends nothing
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

        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });
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
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { });

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync("/api/dunning/runs", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri($"/api/customers/{other.Id}/dunning", UriKind.Relative))).StatusCode);
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
