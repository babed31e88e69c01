using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Orders;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Orders;

/// <summary>Intent methods for the order tests. The credit row is written directly until the limit API exists: swap <see cref="SetCreditAsync"/> for it then.</summary>
internal static class OrderSetup
{
    /// <summary>10 servers at 1,000.00 + 13 % VAT (11,300.00) and one installation at 2,000.00 + 6 % (2,120.00): 13,420.00.</summary>
    public static readonly OrderLineDto[] TwoLines =
    [
        new("Server 服务器", 10, 1000m, 13),
        new("Installation 安装服务", 1, 2000m, 6),
    ];

    public static async Task<CustomerView> CustomerWithTermAsync(this CompanyApi api, Guid? salespersonId = null)
    {
        var term = await api.PaymentTermAsync("N30-" + Guid.NewGuid().ToString("N")[..6], new TermLineDto(100, 30));
        return await api.CustomerAsync(paymentTermId: term.Id, salespersonId: salespersonId);
    }

    public static async Task SetCreditAsync(this CompanyApi api, Guid customerId, decimal? limit, string? grade)
    {
        await api.App.WithDbAsync(async db =>
        {
            db.CustomerCredit.Add(new CustomerCredit
            {
                CompanyId = api.Company.Id, CustomerId = customerId, Currency = "CNY", LimitMinor = limit is { } l ? (long)(l * 100) : null,
                Grade = grade, UpdatedAt = api.App.Clock.GetUtcNow(), UpdatedBy = "tests",
            });
            return await db.SaveChangesAsync();
        });
    }

    public static async Task<OrderView> OrderAsync(this CompanyApi api, Guid customerId, bool prepaid = false) =>
        await api.PostOkAsync<OrderView>("/api/orders", new CreateOrder(customerId, api.App.Clock.Today, TwoLines, prepaid, CustomerReference: "PO-778"));

    public static async Task<OrderView> ConfirmedOrderAsync(this CompanyApi api, Guid customerId, bool prepaid = false)
    {
        var order = await api.OrderAsync(customerId, prepaid);
        return await api.PostOkAsync<OrderView>($"/api/orders/{order.Id}/confirm", new { });
    }

    /// <summary>An invoice of 1,000.00 due 2026-08-31: 84 days overdue on 2026-11-23.</summary>
    public static Task OldOverdueInvoiceAsync(this CompanyApi api, Guid customerId) =>
        api.IssueInvoiceAsync(customerId, new DateOnly(2026, 8, 1), 1000m, due: new DateOnly(2026, 8, 31));
}
