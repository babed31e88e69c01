using Huikuan.Domain.Collections;
using Huikuan.Web.Features.Contacts;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Tests.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Contacts;

public abstract class CustomerTimelineTests(HuikuanApp app)
{
    [Fact]
    public async Task TheTimeline_MergesInvoiceReceiptContactPromiseAndDispute_NewestFirst()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        var other = await admin.CustomerAsync();
        var today = app.Clock.Today;
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-40), 5_000m, due: today.AddDays(-10));
        await admin.IssueInvoiceAsync(other.Id, today.AddDays(-1), 9_000m);
        var receipt = await admin.RecordReceiptAsync(customer.Id, today.AddDays(-3), 1_000m);
        var contact = await admin.PostOkAsync<LoggedContactView>($"/api/customers/{customer.Id}/contact-log",
            new LogContact(ContactKind.Call, ContactOutcome.InvoiceNotReceived, "客户称未收到应收单", "补寄应收单", today.AddDays(1), today.AddDays(-2)));
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(2_000m, today.AddDays(10)));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var dispute = await admin.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 500m, "quality", "包装破损"));

        var timeline = await admin.GetAsync<CustomerTimelineView>($"/api/customers/{customer.Id}/timeline");

        Assert.Equal(
            [(TimelineKinds.DisputeOpened, dispute.Id), (TimelineKinds.PromiseMade, promise.Id), (TimelineKinds.Contact, contact.Id),
                (TimelineKinds.Receipt, receipt.Id), (TimelineKinds.Invoice, invoice.Id)],
            timeline.Entries.Select(e => (e.Kind, e.Id)));
        Assert.Equal([today.AddDays(1), today, today.AddDays(-2), today.AddDays(-3), today.AddDays(-40)], timeline.Entries.Select(e => e.On));
        Assert.Equal([500m, 2_000m, null, 1_000m, 5_000m], timeline.Entries.Select(e => e.Amount));
        var call = timeline.Entries[2];
        Assert.Equal((ContactKind.Call, ContactOutcome.InvoiceNotReceived, "补寄应收单", today.AddDays(1)), (call.ContactKind!.Value, call.Outcome!.Value, call.NextStep, call.NextStepOn));
        Assert.Equal("quality", timeline.Entries[0].Code);
        Assert.Null(timeline.NextBefore);
    }

    [Fact]
    public async Task TheTimeline_ShowsHowPromisesAndDisputesEnded_AndPagesByWholeDays()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        var today = app.Clock.Today;
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-20), 5_000m);
        var promise = await admin.PostOkAsync<PromiseView>($"/api/customers/{customer.Id}/promises", new CreatePromise(2_000m, today.AddDays(10)));
        await admin.PostOkAsync<PromiseView>($"/api/promises/{promise.Id}/cancel", new CancelPromise("客户改为分期"));
        var dispute = await admin.PostOkAsync<DisputeView>("/api/disputes", new OpenDispute(invoice.Id, 500m, "price"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await admin.PostOkAsync<DisputeView>($"/api/disputes/{dispute.Id}/resolve", new ResolveDispute("rejected", "价格按合同执行"));

        var all = (await admin.GetAsync<CustomerTimelineView>($"/api/customers/{customer.Id}/timeline")).Entries;
        var firstPage = await admin.GetAsync<CustomerTimelineView>($"/api/customers/{customer.Id}/timeline?take=2");
        var secondPage = await admin.GetAsync<CustomerTimelineView>($"/api/customers/{customer.Id}/timeline?take=2&before={firstPage.NextBefore:yyyy-MM-dd}");

        var thirdPage = await admin.GetAsync<CustomerTimelineView>($"/api/customers/{customer.Id}/timeline?take=2&before={secondPage.NextBefore:yyyy-MM-dd}");

        // The withdrawal has no instant of its own: it comes after the rest of its day.
        Assert.Equal([TimelineKinds.DisputeResolved, TimelineKinds.PromiseCancelled, TimelineKinds.DisputeOpened, TimelineKinds.PromiseMade,
            TimelineKinds.Invoice], all.Select(e => e.Kind));
        Assert.Equal(("rejected", today.AddDays(1), "价格按合同执行"), (all[0].Code, all[0].On, all[0].Detail));
        Assert.Equal((today, 2_000m), (all[1].On, all[1].Amount));
        // Two fit, but not all three of today's: the first page is the newest day alone, the second today whole.
        Assert.Equal([TimelineKinds.DisputeResolved], firstPage.Entries.Select(e => e.Kind));
        Assert.Equal(today.AddDays(1), firstPage.NextBefore);
        Assert.Equal([TimelineKinds.PromiseCancelled, TimelineKinds.DisputeOpened, TimelineKinds.PromiseMade], secondPage.Entries.Select(e => e.Kind));
        Assert.Equal(today, secondPage.NextBefore);
        Assert.Equal([TimelineKinds.Invoice], thirdPage.Entries.Select(e => e.Kind));
        Assert.Null(thirdPage.NextBefore);
    }
    [Fact]
    public async Task TheTimeline_ShowsTheDunningMessages_AndTheirEmailsAndSmsInTheOutbox()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "finance@timeline.example", "13800000009");
        var today = app.Clock.Today;
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-50), 1_000m, due: today.AddDays(-20));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        var timeline = await admin.GetAsync<CustomerTimelineView>($"/api/customers/{customer.Id}/timeline");

        var sent = Assert.Single(timeline.Entries, e => e.Kind == TimelineKinds.Dunning && e.Code == "sent");
        Assert.Equal(("friendly", today, 1_000m, "CNY"), (sent.LevelCode, sent.On, sent.Amount, sent.Currency));
        Assert.Equal(["email", "sms"], sent.Channels!.Order(StringComparer.Ordinal));
        Assert.Equal([("Email", "finance@timeline.example"), ("Sms", "13800000009")], sent.Deliveries!.Select(d => (d.Channel, d.To)));
        Assert.Single(timeline.Entries, e => e.Kind == TimelineKinds.Dunning && e.Code == "notice");
        Assert.Equal(TimelineKinds.Invoice, timeline.Entries[^1].Kind);
    }
}

public sealed class CustomerTimelineTestsOnSqlite(SqliteApp app) : CustomerTimelineTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerTimelineTestsOnPostgres(PostgresApp app) : CustomerTimelineTests(app), IClassFixture<PostgresApp>;
