using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Features.Contacts;
using Huikuan.Web.Features.Promises;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Contacts;

public abstract class ContactTests(HuikuanApp app)
{
    private static string Url(Guid customerId) => $"/api/customers/{customerId}/contact-log";

    private static async Task RefusedAsync(HttpResponseMessage response, string field, string rule)
    {
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        Assert.EndsWith("/" + rule, problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryKind_IsLogged_OnTheBusinessDay_ByTheSignedInUser_AndListedNewestFirst()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var customer = await admin.CustomerAsync();
        var today = app.Clock.Today;

        var logged = new List<LoggedContactView>();
        foreach (var kind in Enum.GetValues<ContactKind>())
        {
            var outcome = kind == ContactKind.Note ? (ContactOutcome?)null : ContactOutcome.AwaitingApproval;
            logged.Add(await collector.PostOkAsync<LoggedContactView>(Url(customer.Id),
                new LogContact(kind, outcome, "财务说付款申请在流程中，待盖章", "周五再打给财务经理", today.AddDays(4))));
        }
        var backDated = await collector.PostOkAsync<LoggedContactView>(Url(customer.Id),
            new LogContact(ContactKind.Visit, ContactOutcome.CashFlowDifficulty, OccurredOn: today.AddDays(-30)));

        Assert.All(logged, c => Assert.Equal((today, collector.UserEmail), (c.OccurredOn, c.RecordedBy)));
        Assert.Equal(today.AddDays(-30), backDated.OccurredOn);
        Assert.Equal(("周五再打给财务经理", today.AddDays(4)), (logged[0].NextStep, logged[0].NextStepOn));
        Assert.Null(logged.Single(c => c.Kind == ContactKind.Note).Outcome);
        var list = await admin.GetAsync<List<LoggedContactView>>(Url(customer.Id));
        Assert.Equal(7, list.Count);
        Assert.Equal(backDated.Id, list[^1].Id);
        Assert.Equal(Enum.GetValues<ContactKind>().Reverse(), list.Take(6).Select(c => c.Kind));
        var users = await app.WithDbAsync(db => db.CollectionActivities.Where(a => a.CustomerId == customer.Id).Select(a => a.UserId).Distinct().ToListAsync());
        Assert.Equal(collector.UserId, Assert.Single(users));
    }

    [Fact]
    public async Task AContact_IsRefused_InTheFuture_TooLongAgo_WithoutAnOutcome_OrAsANoteWithOne()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        var today = app.Clock.Today;
        var url = Url(customer.Id);

        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.NoAnswer, OccurredOn: today.AddDays(1))),
            "occurredOn", "contact.futureDate");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.NoAnswer, OccurredOn: today.AddDays(-31))),
            "occurredOn", "contact.tooOld");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Note, ContactOutcome.NoAnswer, "备注")), "outcome", "contact.noteOutcome");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call)), "outcome", "contact.outcome");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.ReachedPromise)), "promise", "contact.promiseMissing");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.SaysPaid, Promise: new ContactPromise(100m, today))),
            "promise", "contact.promiseOutcome");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.LeftMessage, OccurredOn: today.AddDays(-2),
            NextStep: "回电", NextStepOn: today.AddDays(-3))), "nextStepOn", "contact.nextStepDate");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.LeftMessage, NextStep: "回电",
            NextStepOn: today.AddDays(367))), "nextStepOn", "contact.nextStepDate");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.LeftMessage, NextStepOn: today.AddDays(1))),
            "nextStep", "contact.nextStep");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Note, Note: new string('字', 2001))), "note", "field.tooLong");
        await RefusedAsync(await admin.PostAsync(url, new LogContact(ContactKind.Call, ContactOutcome.NoAnswer, NextStep: new string('字', 201),
            NextStepOn: today)), "nextStep", "field.tooLong");

        Assert.Empty(await admin.GetAsync<List<LoggedContactView>>(url));
    }

    [Fact]
    public async Task OnlyThoseWhoWorkTheCustomer_LogContacts_AndASalespersonOnlyOnTheirOwn()
    {
        var admin = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        var executive = await admin.AsNewUserAsync(Role.Executive);
        var mine = await admin.SalespersonAsync("S1", "Mine");
        var theirs = await admin.SalespersonAsync("S2", "Theirs");
        var sales = await admin.AsNewUserAsync(Role.Salesperson, mine.Id);
        var ownCustomer = await admin.CustomerAsync(salespersonId: mine.Id);
        var theirCustomer = await admin.CustomerAsync(salespersonId: theirs.Id);
        var call = new LogContact(ContactKind.Call, ContactOutcome.LeftMessage);

        await CompanyApi.AssertProblemAsync(await executive.PostAsync(Url(ownCustomer.Id), call), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await sales.PostAsync(Url(theirCustomer.Id), call), HttpStatusCode.NotFound);
        await CompanyApi.AssertProblemAsync(await other.PostAsync(Url(ownCustomer.Id), call), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri(Url(theirCustomer.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(new Uri($"/api/customers/{ownCustomer.Id}/timeline", UriKind.Relative))).StatusCode);

        var logged = await sales.PostOkAsync<LoggedContactView>(Url(ownCustomer.Id), call);
        Assert.Equal(logged.Id, Assert.Single(await executive.GetAsync<List<LoggedContactView>>(Url(ownCustomer.Id))).Id);
        Assert.Empty(await admin.GetAsync<List<LoggedContactView>>(Url(theirCustomer.Id)));
    }

    [Fact]
    public async Task APromiseMadeInAContact_IsRecordedWithIt_AndShowsInThePromises()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-40), 5_000m, due: app.Clock.Today.AddDays(-10));
        var promisedOn = app.Clock.Today.AddDays(7);

        var contact = await collector.PostOkAsync<LoggedContactView>(Url(customer.Id), new LogContact(ContactKind.Call, ContactOutcome.ReachedPromise,
            "财务经理确认下周付款", Promise: new ContactPromise(3_000m, promisedOn)));

        var promise = Assert.Single(await collector.GetAsync<List<PromiseView>>($"/api/customers/{customer.Id}/promises"));
        Assert.Equal(promise.Id, contact.PromiseId);
        Assert.Equal(("open", 3_000m, "CNY", promisedOn, "财务经理确认下周付款"), (promise.Status, promise.Amount, promise.Currency, promise.PromisedOn, promise.Note));
    }

    [Fact]
    public async Task APromiseThePromisesRefuse_LeavesNeitherPromiseNorContact()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();

        await RefusedAsync(await admin.PostAsync(Url(customer.Id), new LogContact(ContactKind.Visit, ContactOutcome.ReachedPromise,
            Promise: new ContactPromise(0m, app.Clock.Today.AddDays(3)))), "amount", "promise.amount");
        await RefusedAsync(await admin.PostAsync(Url(customer.Id), new LogContact(ContactKind.Visit, ContactOutcome.ReachedPromise,
            Promise: new ContactPromise(100m, app.Clock.Today.AddDays(-1)))), "promisedOn", "promise.date");

        Assert.Empty(await admin.GetAsync<List<LoggedContactView>>(Url(customer.Id)));
        Assert.Empty(await admin.GetAsync<List<PromiseView>>($"/api/customers/{customer.Id}/promises"));
    }

    /// <summary>At 07:30 in Shanghai it is still yesterday in UTC: the contact's day is Shanghai's, and that day is not the future.</summary>
    [Fact]
    public async Task TheDefaultDay_IsTheCompanysBusinessDay_NotTheUtcDate()
    {
        var day = app.Clock.Today.AddDays(1);
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        app.Clock.SetShanghai(day, new TimeOnly(7, 30));

        var contact = await admin.PostOkAsync<LoggedContactView>(Url(customer.Id), new LogContact(ContactKind.Call, ContactOutcome.NoAnswer));
        var stated = await admin.PostOkAsync<LoggedContactView>(Url(customer.Id), new LogContact(ContactKind.Sms, ContactOutcome.LeftMessage, OccurredOn: day));

        Assert.Equal(day, contact.OccurredOn);
        Assert.Equal(day, stated.OccurredOn);
        Assert.Equal(day.AddDays(-1), DateOnly.FromDateTime(contact.RecordedAt.UtcDateTime));
    }
}

public sealed class ContactTestsOnSqlite(SqliteApp app) : ContactTests(app), IClassFixture<SqliteApp>;

public sealed class ContactTestsOnPostgres(PostgresApp app) : ContactTests(app), IClassFixture<PostgresApp>;
