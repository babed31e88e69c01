using Huikuan.Web.Features.Aging;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Dashboard;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Aging;

/// <summary>
/// Amounts at the largest the ledger takes (10 000 000 000 000.00 CNY) add up everywhere they are summed: per
/// customer in the database (aging, the customer list, balances), per month (the dashboard's collection rate)
/// and company-wide. Before the limit, five receipts near a quarter of a long overflowed the aging sum.
/// </summary>
public abstract class LargestAmountTests(HuikuanApp app)
{
    private const decimal Largest = 10_000_000_000_000m;

    [Fact]
    public async Task FiveInvoicesAndFiveReceiptsAtTheLargestAmount_AddUpInAgingTheDashboardAndTheCustomerPages()
    {
        var api = await app.NewCompanyAsync();
        var today = app.Clock.Today;
        var overdue = await api.CustomerAsync();
        var paying = await api.CustomerAsync();
        for (var i = 0; i < 5; i++)
        {
            await LargestInvoiceAsync(api, overdue.Id, today.AddDays(-90 - i), today.AddDays(-60 - i));
        }
        var dueThisMonth = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var invoice = await LargestInvoiceAsync(api, paying.Id, today.AddDays(-20 - i), today); // due today: due to date, not yet overdue
            dueThisMonth.Add(invoice.Installments[0].Id);
        }
        var receipts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            receipts.Add((await api.RecordReceiptAsync(paying.Id, today, Largest)).Id);
        }
        await api.AllocateAsync(receipts[0], dueThisMonth[0], Largest);

        var aging = await api.AgingAsync();
        var dashboard = await api.GetAsync<DashboardView>("/api/dashboard");
        var list = await api.GetAsync<Page<CustomerListItem>>("/api/customers?sort=outstanding&desc=true");
        var detail = await api.GetAsync<CustomerDetail>($"/api/customers/{paying.Id}");
        var export = await api.Http.GetAsync(new Uri("/api/aging/export.xlsx", UriKind.Relative));
        var check = await api.CheckLedgerAsync();

        Assert.Equal((9 * Largest, 4 * Largest), (aging.Total, aging.Unapplied));
        Assert.Equal(5 * Largest, Assert.Single(aging.Rows.Items, r => r.Id == overdue.Id).Total);
        Assert.Equal((9 * Largest, 5 * Largest), (dashboard.Receivables, dashboard.Overdue));
        Assert.Equal((Largest, 5 * Largest, 0.2m), (dashboard.CollectedThisMonth, dashboard.DueToDate, dashboard.CollectionRate));
        Assert.Equal(5 * Largest, Assert.Single(dashboard.TopOverdue).Overdue);
        Assert.Equal([overdue.Id, paying.Id], list.Items.Select(c => c.Id).ToArray());
        var balance = Assert.Single(detail.Balances);
        Assert.Equal((4 * Largest, 4 * Largest, 0m), (balance.Open, balance.UnappliedCash, balance.Net));
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        Assert.True(check.Ok);
    }

    /// <summary>100 units at 100 000 000 000.00 (unit prices stay below 10^12): the largest amount.</summary>
    private static Task<InvoiceView> LargestInvoiceAsync(CompanyApi api, Guid customerId, DateOnly date, DateOnly due) =>
        api.PostOkAsync<InvoiceView>("/api/invoices", new IssueInvoice(customerId, date, [new InvoiceLineDto("Power plant 电站", 100, Largest / 100)],
            Installments: [new InstallmentDto(due, Largest)]));
}

public sealed class LargestAmountTestsOnSqlite(SqliteApp app) : LargestAmountTests(app), IClassFixture<SqliteApp>;

public sealed class LargestAmountTestsOnPostgres(PostgresApp app) : LargestAmountTests(app), IClassFixture<PostgresApp>;
