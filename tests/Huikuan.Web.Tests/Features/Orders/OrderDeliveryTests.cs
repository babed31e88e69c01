using System.Net;
using System.Text.Json;
using Huikuan.Domain.Access;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Audit;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Orders;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Orders;

public abstract class OrderDeliveryTests(HuikuanApp app)
{
    [Fact]
    public async Task ReleasePart_AllowsDeliveryUpToTheReleasedQuantity_AndEachDeliveryIsInvoicedThroughTheLedger()
    {
        var (api, customer, order) = await HeldOrderAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);

        // 限量供货: 4 servers of 10 = 4,000.00 + 13 % = 4,520.00 released; 8,900.00 stays on hold.
        var released = await manager.PostOkAsync<OrderView>($"/api/orders/{order.Id}/release", new ReleaseOrderPart([new(1, 4)], "先发一部分"));
        Assert.Equal(SalesOrderStatus.Released, released.Status);
        Assert.Equal([4m, 0m], released.Lines.Select(l => l.Released));
        Assert.Equal(8900m, released.Held);
        Assert.Equal(4520m, (await StandingAsync(api, customer)).UnbilledOrders);
        var part = Assert.Single(released.Releases);
        Assert.Equal((ReleaseOrderHandler.Part, 4520m, manager.UserEmail), (part.Kind, part.Amount, part.ReleasedBy));

        var tooMuch = await api.PostAsync($"/api/orders/{order.Id}/deliveries", new RecordDelivery(app.Clock.Today, [new(1, 5)]));
        var heldLine = await api.PostAsync($"/api/orders/{order.Id}/deliveries", new RecordDelivery(app.Clock.Today, [new(2, 1)]));
        var refusal = await CompanyApi.AssertProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity, "lines");
        await CompanyApi.AssertProblemAsync(heldLine, HttpStatusCode.UnprocessableEntity, "lines");
        Assert.Equal("https://huikuan.dev/problems/order.held", refusal.GetProperty("type").GetString());
        Assert.Contains("Line 1: only 4 is released", refusal.GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);

        // 3 servers delivered: invoiced at once, 3,000.00 + 390.00 VAT = 3,390.00, due 30 days after delivery.
        var delivered = await api.PostOkAsync<OrderView>($"/api/orders/{order.Id}/deliveries", new RecordDelivery(app.Clock.Today, [new(1, 3)]));
        Assert.Equal(SalesOrderStatus.PartlyDelivered, delivered.Status);
        var delivery = Assert.Single(delivered.Deliveries);
        Assert.Equal(3390m, delivery.Amount);
        var invoice = await api.GetAsync<InvoiceView>($"/api/invoices/{delivery.InvoiceId}");
        Assert.Equal(3390m, invoice.Total);
        Assert.Equal(order.Number, invoice.Reference);
        Assert.Equal(invoice.Number, delivery.InvoiceNumber);
        Assert.Equal(new DateOnly(2026, 12, 23), Assert.Single(invoice.Installments).DueDate);
        Assert.Equal(order.Id, await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.SalesOrderId).SingleAsync()));
        Assert.Equal((3m, 3m), (delivered.Lines[0].Delivered, delivered.Lines[0].Invoiced));

        // Unbilled goes down by what was invoiced; the invoice is now a receivable.
        var standing = await StandingAsync(api, customer);
        Assert.Equal(1130m, standing.UnbilledOrders);
        Assert.Equal(1000m + 3390m, standing.OpenReceivables);

        // The undelivered rest is cancelled: the order is delivered as far as it went and adds nothing more.
        var cancelled = await api.PostOkAsync<OrderView>($"/api/orders/{order.Id}/cancel", new CancelOrder("客户取消剩余部分"));
        Assert.Equal(SalesOrderStatus.Delivered, cancelled.Status);
        Assert.Equal([7m, 1m], cancelled.Lines.Select(l => l.Cancelled));
        Assert.Equal((0m, 0m), (cancelled.Unbilled, cancelled.Held));
        Assert.Equal(0m, (await StandingAsync(api, customer)).UnbilledOrders);
    }

    [Fact]
    public async Task Override_NeedsAReason_ReleasesTheWholeOrder_AndIsAuditedWithActorAndReason()
    {
        var (api, customer, order) = await HeldOrderAsync();
        var manager = await api.AsNewUserAsync(Role.CreditManager);

        var blank = await manager.PostAsync($"/api/orders/{order.Id}/override", new OverrideHold("  "));
        await CompanyApi.AssertProblemAsync(blank, HttpStatusCode.UnprocessableEntity, "reason");

        var released = await manager.PostOkAsync<OrderView>($"/api/orders/{order.Id}/override", new OverrideHold("客户已承诺本周五付清逾期款"));

        Assert.Equal(SalesOrderStatus.Released, released.Status);
        Assert.Equal(0m, released.Held);
        Assert.Equal([10m, 1m], released.Lines.Select(l => l.Released));
        Assert.Equal(13420m, (await StandingAsync(api, customer)).UnbilledOrders);
        var row = Assert.Single(released.Releases);
        Assert.Equal((ReleaseOrderHandler.Override, 13420m, "客户已承诺本周五付清逾期款"), (row.Kind, row.Amount, row.Reason));
        var trail = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?action=order.override&entityId={order.Id}");
        var entry = Assert.Single(trail.Items);
        Assert.Equal(manager.UserEmail, entry.Actor);
        Assert.Equal("客户已承诺本周五付清逾期款", JsonDocument.Parse(entry.After!).RootElement.GetProperty("Reason").GetString());
        var rows = await api.GetAsync<Page<AuditEntryView>>($"/api/audit?entity={nameof(SalesOrderRelease)}&action=added");
        Assert.Equal(manager.UserEmail, Assert.Single(rows.Items).Actor);
    }

    [Fact]
    public async Task SalespersonDelivery_WaitsInTheListToInvoice_AndTheAccountantInvoicesItWithOneCall()
    {
        var api = await app.NewCompanyAsync();
        var person = await api.SalespersonAsync("S01", "李四");
        var customer = await api.CustomerWithTermAsync(person.Id);
        var sales = await api.AsNewUserAsync(Role.Salesperson, person.Id);
        var accountant = await api.AsNewUserAsync(Role.Accountant);
        var order = await sales.ConfirmedOrderAsync(customer.Id);

        var delivered = await sales.PostOkAsync<OrderView>($"/api/orders/{order.Id}/deliveries", new RecordDelivery(app.Clock.Today, [new(1, 10), new(2, 1)]));

        Assert.Equal(SalesOrderStatus.Delivered, delivered.Status);
        Assert.Null(Assert.Single(delivered.Deliveries).InvoiceId);
        Assert.Equal(13420m, (await StandingAsync(api, customer.Id)).UnbilledOrders);
        var waiting = Assert.Single(await accountant.GetAsync<List<DeliveryToInvoice>>("/api/orders/to-invoice"));
        Assert.Equal((order.Number, 13420m), (waiting.OrderNumber, waiting.Amount));
        var refused = await sales.PostAsync($"/api/orders/{order.Id}/deliveries/{waiting.DeliveryId}/invoice", new { });
        await CompanyApi.AssertProblemAsync(refused, HttpStatusCode.Forbidden);

        var invoiced = await accountant.PostOkAsync<OrderView>($"/api/orders/{order.Id}/deliveries/{waiting.DeliveryId}/invoice", new { });
        var again = await accountant.PostAsync($"/api/orders/{order.Id}/deliveries/{waiting.DeliveryId}/invoice", new { });

        Assert.NotNull(invoiced.Deliveries[0].InvoiceId);
        await CompanyApi.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Empty(await accountant.GetAsync<List<DeliveryToInvoice>>("/api/orders/to-invoice"));
        var standing = await StandingAsync(api, customer.Id);
        Assert.Equal((0m, 13420m), (standing.UnbilledOrders, standing.OpenReceivables));
        Assert.Equal(13420m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoiced.Deliveries[0].InvoiceId}")).Total);
    }

    /// <summary>A grade C customer with 1,000.00 overdue 84 days and the 13,420.00 order on hold for it.</summary>
    private async Task<(CompanyApi Api, Guid Customer, OrderView Order)> HeldOrderAsync()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerWithTermAsync();
        await api.SetCreditAsync(customer.Id, limit: null, grade: "C");
        await api.OldOverdueInvoiceAsync(customer.Id);
        var order = await api.ConfirmedOrderAsync(customer.Id);
        Assert.Equal(SalesOrderStatus.OnHold, order.Status);
        return (api, customer.Id, order);
    }

    private static Task<CreditStandingView> StandingAsync(CompanyApi api, Guid customerId) =>
        api.GetAsync<CreditStandingView>($"/api/customers/{customerId}/credit-standing");
}

public sealed class OrderDeliveryTestsOnSqlite(SqliteApp app) : OrderDeliveryTests(app), IClassFixture<SqliteApp>;

public sealed class OrderDeliveryTestsOnPostgres(PostgresApp app) : OrderDeliveryTests(app), IClassFixture<PostgresApp>;
