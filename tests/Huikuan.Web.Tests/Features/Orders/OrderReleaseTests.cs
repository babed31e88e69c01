using System.Net;
using System.Text.Json;
using Huikuan.Domain.Access;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Audit;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Orders;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Features.Credit;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Orders;

/// <summary>限量供货: a partial release goes only as far as the credit check allows now, says why when it cannot, and is audited.</summary>
public abstract class OrderReleaseTests(HuikuanApp app)
{
    [Fact]
    public async Task ReleasePart_AboveWhatFitsUnderTheLimit_IsRefusedWithTheAllowedAmount_AndEachReleaseUsesUpTheRoom()
    {
        var api = await app.NewCompanyAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: 10_000m, grade: "C");
        await api.IssueInvoiceAsync(customer.Id, app.Clock.Today, 5_000m, due: app.Clock.Today.AddDays(30));
        var order = await api.ConfirmedOrderAsync(customer.Id);
        Assert.Equal(5_000m, Assert.Single(order.Checks).Releasable);

        // 5 servers with VAT are 5,650.00: 650.00 more than the 5,000.00 left under the limit.
        var tooMuch = await manager.PostAsync($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(1, 5)]));
        var refusal = await CompanyApi.AssertProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity, "lines");
        Assert.Equal("https://huikuan.dev/problems/order.releaseOverLimit", refusal.GetProperty("type").GetString());
        Assert.Contains("At most 5000.00 CNY", refusal.GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);

        // 4 servers (4,520.00) fit; the 480.00 left then does not take one more (1,130.00).
        var released = await manager.PostOkAsync<OrderView>($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(1, 4)]));
        var more = await manager.PostAsync($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(1, 1)]));

        Assert.Equal([4m, 0m], released.Lines.Select(l => l.Released));
        var again = await CompanyApi.AssertProblemAsync(more, HttpStatusCode.UnprocessableEntity, "lines");
        Assert.Contains("At most 480.00 CNY", again.GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(8_900m, (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Held);
    }

    [Fact]
    public async Task ReleasePart_ForAPrepaymentOnlyGrade_ReleasesNothing_AndSaysWhyInChinese()
    {
        var api = await app.NewCompanyAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: null, grade: "E");
        var order = await api.ConfirmedOrderAsync(customer.Id);
        Assert.Equal(0m, Assert.Single(order.Checks).Releasable);

        manager.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var one = await manager.PostAsync($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(2, 0.5m)]));

        var refusal = await CompanyApi.AssertProblemAsync(one, HttpStatusCode.UnprocessableEntity, "lines");
        Assert.Equal("https://huikuan.dev/problems/order.releasePrepaymentOnly", refusal.GetProperty("type").GetString());
        Assert.Contains("款到发货", refusal.GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(13_420m, (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Held);
    }

    [Fact]
    public async Task ReleasePart_OnADunningCreditHold_ReleasesNothing_ButAnOverrideStillCan()
    {
        var api = await app.NewCompanyAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: null, grade: "A");
        await app.WithDbAsync(db =>
        {
            db.CustomerDunningStates.Add(new CustomerDunningState
            {
                CompanyId = api.Company.Id, CustomerId = customer.Id, Level = 4, LevelCode = "hold", ReachedOn = app.Clock.Today,
                CreditHold = true, UpdatedAt = app.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        var order = await api.ConfirmedOrderAsync(customer.Id);

        var one = await manager.PostAsync($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(1, 1)]));
        var refusal = await CompanyApi.AssertProblemAsync(one, HttpStatusCode.UnprocessableEntity, "lines");
        var overridden = await manager.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override", new OverrideHold("总经理批准"));

        Assert.Equal("https://huikuan.dev/problems/order.releaseDunningHold", refusal.GetProperty("type").GetString());
        Assert.Equal(0m, overridden.Held);
    }

    [Fact]
    public async Task ReleasePart_IsAuditedLikeAnOverride_WithActorAmountAndReason()
    {
        var api = await app.NewCompanyAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: null, grade: "C");
        await api.OldOverdueInvoiceAsync(customer.Id);
        var order = await api.ConfirmedOrderAsync(customer.Id);

        await manager.PostOkAsync<OrderView>($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(1, 2)], "先发两台"));

        var trail = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?action=order.release&entityId={order.Id}");
        var entry = Assert.Single(trail.Items);
        Assert.Equal(manager.UserEmail, entry.Actor);
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal(("先发两台", 2_260m), (after.GetProperty("Reason").GetString(), after.GetProperty("Amount").GetDecimal()));
    }

    [Fact]
    public async Task Override_AboveTheCompanysAmount_WaitsForASecondCreditManager_WhoIsNotTheAsker()
    {
        var api = await app.NewCompanyAsync();
        var asker = await api.AsNewUserAsync(Role.CreditManager);
        var second = await api.AsNewUserAsync(Role.CreditManager);
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: null, grade: "C");
        await api.OldOverdueInvoiceAsync(customer.Id);
        var order = await api.ConfirmedOrderAsync(customer.Id);
        var set = await asker.PutOkAsync<OverrideApprovalView>("/api/credit/override-approval", new SaveOverrideApproval(10_000m));
        Assert.Equal((10_000m, "CNY"), (set.From, set.Currency));

        // 13,420.00 is above 10,000.00: asked for, not released.
        var asked = await asker.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override", new OverrideHold("大客户急单"));
        Assert.Equal((SalesOrderStatus.OnHold, 13_420m), (asked.Status, asked.Held));
        Assert.Equal(("大客户急单", asker.UserEmail), (asked.PendingOverride!.Reason, asked.PendingOverride.RequestedBy));
        Assert.Empty(asked.Releases);
        var again = await second.PostAsync($"/api/orders/{order.Id}/override", new OverrideHold("再来一次"));
        await CompanyApi.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var own = await asker.PostAsync($"/api/orders/{order.Id}/override/approve", new DecideOverride());
        var ownProblem = await CompanyApi.AssertProblemAsync(own, HttpStatusCode.Conflict);
        Assert.Equal("https://huikuan.dev/problems/order.ownOverride", ownProblem.GetProperty("type").GetString());
        var deliver = await api.PostAsync($"/api/orders/{order.Id}/deliveries", new RecordDelivery(app.Clock.Today, [new(1, 1)]));
        await CompanyApi.AssertProblemAsync(deliver, HttpStatusCode.UnprocessableEntity, "lines");

        var approved = await second.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override/approve", new DecideOverride("同意，已电话确认"));

        Assert.Equal((SalesOrderStatus.Released, 0m), (approved.Status, approved.Held));
        Assert.Null(approved.PendingOverride);
        var row = Assert.Single(approved.Releases);
        Assert.Equal((ReleaseOrderHandler.Override, 13_420m, second.UserEmail, "大客户急单"), (row.Kind, row.Amount, row.ReleasedBy, row.Reason));
        var trail = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?action=order.override&entityId={order.Id}");
        var after = JsonDocument.Parse(Assert.Single(trail.Items).After!).RootElement;
        Assert.Equal((asker.UserEmail, "同意，已电话确认"), (after.GetProperty("RequestedBy").GetString(), after.GetProperty("Note").GetString()));
        Assert.Equal(second.UserEmail, trail.Items[0].Actor);
    }

    [Fact]
    public async Task Override_Rejected_LeavesTheOrderHeld_AndUpToTheAmountReleasesAtOnce()
    {
        var api = await app.NewCompanyAsync();
        var asker = await api.AsNewUserAsync(Role.CreditManager);
        var second = await api.AsNewUserAsync(Role.Admin);
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: null, grade: "C");
        await api.OldOverdueInvoiceAsync(customer.Id);
        var order = await api.ConfirmedOrderAsync(customer.Id);
        await asker.PutOkAsync<OverrideApprovalView>("/api/credit/override-approval", new SaveOverrideApproval(0m));
        await asker.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override", new OverrideHold("试试"));

        // An admin is a second person too; a rejection clears the request and releases nothing.
        var rejected = await second.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override/reject", new DecideOverride("逾期未清"));
        var nothing = await second.PostAsync($"/api/orders/{order.Id}/override/approve", new DecideOverride());

        Assert.Equal((SalesOrderStatus.OnHold, 13_420m, (PendingOverrideView?)null), (rejected.Status, rejected.Held, rejected.PendingOverride));
        await CompanyApi.AssertProblemAsync(nothing, HttpStatusCode.Conflict);
        var trail = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?action=order.overrideRejected&entityId={order.Id}");
        Assert.Equal(second.UserEmail, Assert.Single(trail.Items).Actor);

        // Only a credit manager sets the amount, never below 0; at 100,000.00 an override of 13,420.00 is immediate.
        var sales = await api.AsNewUserAsync(Role.Salesperson, (await api.SalespersonAsync("S9", "赵六")).Id);
        await CompanyApi.AssertProblemAsync(await sales.PutAsync("/api/credit/override-approval", new SaveOverrideApproval(100_000m)), HttpStatusCode.Forbidden);
        await CompanyApi.AssertProblemAsync(await asker.PutAsync("/api/credit/override-approval", new SaveOverrideApproval(-1m)),
            HttpStatusCode.UnprocessableEntity, "from");
        await asker.PutOkAsync<OverrideApprovalView>("/api/credit/override-approval", new SaveOverrideApproval(100_000m));
        var released = await asker.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override", new OverrideHold("总经理批准"));
        Assert.Equal((SalesOrderStatus.Released, 0m), (released.Status, released.Held));
    }
}

public sealed class OrderReleaseTestsOnSqlite(SqliteApp app) : OrderReleaseTests(app), IClassFixture<SqliteApp>;

public sealed class OrderReleaseTestsOnPostgres(PostgresApp app) : OrderReleaseTests(app), IClassFixture<PostgresApp>;
