using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.Escalations;
using Huikuan.Web.Tests.Features.CreditFile;
using Huikuan.Web.Tests.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Escalations;

public abstract class EscalationTests(HuikuanApp app)
{
    [Fact]
    public async Task TheHoldLevel_OpensOneManagementCase_ThatARerunOrALaterLevelDoesNotOpenAgain()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var today = app.Clock.Today;
        var late = await DunningRunTests.CustomerWithContactAsync(admin, "ap@late.example", null);
        var fresh = await DunningRunTests.CustomerWithContactAsync(admin, "ap@fresh.example", null);
        await admin.IssueInvoiceAsync(late.Id, today.AddDays(-80), 3_000m, due: today.AddDays(-50));
        await admin.IssueInvoiceAsync(late.Id, today.AddDays(-40), 1_200.50m, due: today.AddDays(-10));
        await admin.IssueInvoiceAsync(fresh.Id, today.AddDays(-40), 800m, due: today.AddDays(-20)); // firm notice only
        await DunningRunTests.GoStraightToTheAgesLevelAsync(admin);

        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        var cases = await collector.GetAsync<List<EscalationView>>("/api/escalations");
        var opened = Assert.Single(cases);
        Assert.Equal((late.Id, "Management", "Open", "CreditManager", "hold"), (opened.CustomerId, opened.Kind, opened.Status, opened.Responsible, opened.LevelCode));
        Assert.Equal((4_200.50m, 0m, 4_200.50m), (opened.Claimed, opened.Recovered, opened.Outstanding)); // all it owes overdue
        Assert.Matches("^ESC-[0-9]{6}$", opened.Number);
        var letter = (await collector.GetAsync<CustomerDunningView>($"/api/customers/{late.Id}/dunning")).Communications.First(c => c.Outcome == "sent");
        Assert.Equal(letter.Id, opened.CommunicationId);

        // Forty more days: the legal level opens a legal case, and the management case is not opened twice.
        app.Clock.Advance(TimeSpan.FromDays(40));
        await collector.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var later = await collector.GetAsync<List<EscalationView>>($"/api/escalations?customerId={late.Id}");
        Assert.Equal(["Legal", "Management"], later.Select(c => c.Kind).Order());
        Assert.Equal("Executive", Assert.Single(later, c => c.Kind == "Legal").Responsible);
        Assert.Equal(["Legal"], (await collector.GetAsync<List<EscalationView>>("/api/escalations?kind=legal")).Select(c => c.Kind));
        Assert.Empty(await collector.GetAsync<List<EscalationView>>($"/api/escalations?customerId={fresh.Id}&kind=Legal"));
    }

    [Fact]
    public async Task ACase_IsAssigned_NotedAndRecovered_ThroughItsStatuses_AndRefusesWhatTheRulesForbid()
    {
        var admin = await app.NewCompanyAsync();
        var manager = await admin.AsNewUserAsync(Role.CreditManager);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-150), 10_000m, due: app.Clock.Today.AddDays(-120));

        var opened = await manager.PostOkAsync<EscalationDetail>("/api/escalations",
            new OpenEscalation(customer.Id, "Agency", null, "华信催收有限公司", "HX-2026-118", "交催收机构处理", null));
        Assert.Equal(("Agency", "Open", 10_000m, "华信催收有限公司", "HX-2026-118"),
            (opened.Case.Kind, opened.Case.Status, opened.Case.Claimed, opened.Case.Agent, opened.Case.ExternalReference));
        Assert.Equal(["InProgress", "Settled", "Recovered", "Closed"], opened.Case.NextStatuses);
        var id = opened.Case.Id;

        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/owner", new AssignEscalation("manager@demo", null, null));
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/status", new ChangeEscalationStatus("InProgress", "已签委托协议"));
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/notes", new EscalationNote("客户同意分三期付款"));
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/claim", new EscalationAmount(10_500m, "加收催收费用"));
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/recoveries", new EscalationAmount(4_000m, "第一期"));
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/escalations/{id}/recoveries", new EscalationAmount(6_500.01m, null)),
            HttpStatusCode.UnprocessableEntity, "amount");
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/escalations/{id}/claim", new EscalationAmount(3_999.99m, null)),
            HttpStatusCode.UnprocessableEntity, "amount");
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/escalations/{id}/status", new ChangeEscalationStatus("Recovered", null)),
            HttpStatusCode.UnprocessableEntity, "status");
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/escalations/{id}/status", new ChangeEscalationStatus("Open", null)),
            HttpStatusCode.UnprocessableEntity, "status");
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/escalations/{id}/notes", new EscalationNote("  ")),
            HttpStatusCode.UnprocessableEntity, "text");

        // A mistaken recovery is corrected by a negative one; the history keeps both.
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/recoveries", new EscalationAmount(6_500m, "第二、三期"));
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/recoveries", new EscalationAmount(-500m, "第三期退票"));
        await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/recoveries", new EscalationAmount(500m, "第三期重付"));
        var done = await manager.PostOkAsync<EscalationDetail>($"/api/escalations/{id}/status", new ChangeEscalationStatus("Recovered", "全部追回"));

        Assert.Equal(("Recovered", "manager@demo", 10_500m, 10_500m, 0m),
            (done.Case.Status, done.Case.Owner, done.Case.Claimed, done.Case.Recovered, done.Case.Outstanding));
        Assert.Empty(done.Case.NextStatuses);
        Assert.Equal(["Opened", "Owner", "Status", "Note", "Claimed", "Recovered", "Recovered", "Recovered", "Recovered", "Status"],
            done.History.Reverse().Select(e => e.Kind));
        Assert.Equal([4_000m, 6_500m, -500m, 500m], done.History.Reverse().Where(e => e.Kind == "Recovered").Select(e => e.Amount!.Value));
        Assert.Equal(500m, Assert.Single(done.History, e => e.Kind == "Claimed").Amount);
        Assert.All(done.History, e => Assert.False(string.IsNullOrEmpty(e.By)));
        // A finished case changes no more.
        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/escalations/{id}/recoveries", new EscalationAmount(1m, null)),
            HttpStatusCode.UnprocessableEntity, "status");
        Assert.Empty(await manager.GetAsync<List<EscalationView>>("/api/escalations?open=true"));
        Assert.Single(await manager.GetAsync<List<EscalationView>>("/api/escalations?status=Recovered"));
    }

    [Fact]
    public async Task ADocument_UploadedToACase_DownloadsByteForByte_AndAProgramIsRefused()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-90), 2_000m, due: app.Clock.Today.AddDays(-60));
        var opened = await collector.PostOkAsync<EscalationDetail>("/api/escalations", new OpenEscalation(customer.Id, "Management", 2_000m, null, null, null, null));
        var pdf = CreditFileFiles.Pdf("律师函 lawyer's letter");

        using (var form = CreditFileFiles.Form(pdf, "律师函.pdf"))
        {
            var response = await collector.Http.PostAsync(new Uri($"/api/escalations/{opened.Case.Id}/documents", UriKind.Relative), form);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        using (var form = CreditFileFiles.Form(CreditFileFiles.Executable(), "合同.pdf"))
        {
            await CompanyApi.AssertProblemAsync(
                await collector.Http.PostAsync(new Uri($"/api/escalations/{opened.Case.Id}/documents", UriKind.Relative), form), HttpStatusCode.UnprocessableEntity, "file");
        }

        var detail = await collector.GetAsync<EscalationDetail>($"/api/escalations/{opened.Case.Id}");
        var document = Assert.Single(detail.Documents);
        Assert.Equal(("律师函.pdf", "application/pdf", (long)pdf.Length), (document.FileName, document.ContentType, document.SizeBytes));
        Assert.Equal("律师函.pdf", detail.History[0].Text);
        var download = await collector.Http.GetAsync(new Uri($"/api/escalations/{opened.Case.Id}/documents/{document.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await collector.Http.GetAsync(new Uri($"/api/escalations/{opened.Case.Id}/documents/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ManagementWorksCases_CollectorsCannotHandADebtToAnAgency_AndSalespeopleNeitherSeeNorChangeOthersCases()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var executive = await admin.AsNewUserAsync(Role.Executive);
        var theirs = await admin.SalespersonAsync("S9", "Theirs");
        var sales = await admin.AsNewUserAsync(Role.Salesperson, theirs.Id);
        var customer = await admin.CustomerAsync();
        await admin.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-90), 2_000m, due: app.Clock.Today.AddDays(-60));

        Assert.Equal(HttpStatusCode.Forbidden,
            (await collector.PostAsync("/api/escalations", new OpenEscalation(customer.Id, "Agency", null, null, null, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await collector.PostAsync("/api/escalations", new OpenEscalation(customer.Id, "Legal", null, null, null, null, null))).StatusCode);
        await CompanyApi.AssertProblemAsync(
            await collector.PostAsync("/api/escalations", new OpenEscalation(customer.Id, "Police", null, null, null, null, null)), HttpStatusCode.UnprocessableEntity, "kind");
        await CompanyApi.AssertProblemAsync(
            await collector.PostAsync("/api/escalations", new OpenEscalation(customer.Id, "Management", 0m, null, null, null, null)), HttpStatusCode.UnprocessableEntity, "amount");
        var opened = await collector.PostOkAsync<EscalationDetail>("/api/escalations", new OpenEscalation(customer.Id, "Management", null, null, null, null, null));

        // The escalation goes to management: an executive takes it and notes the call to the customer's boss.
        await executive.PostOkAsync<EscalationDetail>($"/api/escalations/{opened.Case.Id}/owner", new AssignEscalation("ceo@demo", null, null));
        var noted = await executive.PostOkAsync<EscalationDetail>($"/api/escalations/{opened.Case.Id}/notes", new EscalationNote("已与对方总经理通话"));
        Assert.Equal(("ceo@demo", "已与对方总经理通话"), (noted.Case.Owner, noted.History[0].Text));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await executive.PostAsync("/api/escalations", new OpenEscalation(customer.Id, "Legal", null, null, null, null, null))).StatusCode);

        Assert.Empty(await sales.GetAsync<List<EscalationView>>("/api/escalations"));
        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri($"/api/escalations/{opened.Case.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync($"/api/escalations/{opened.Case.Id}/notes", new EscalationNote("x"))).StatusCode);
    }
}

public sealed class EscalationTestsOnSqlite(SqliteApp app) : EscalationTests(app), IClassFixture<SqliteApp>;

public sealed class EscalationTestsOnPostgres(PostgresApp app) : EscalationTests(app), IClassFixture<PostgresApp>;
