using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Account;

/// <summary>A salesperson sees and changes only the customers they own; nobody sees another company. Enforced on the server.</summary>
public abstract class RowLevelAccessTests(HuikuanApp app)
{
    private static readonly DateOnly Jun1 = new(2026, 6, 1);

    private sealed record World(CompanyApi Admin, CompanyApi Sales, CustomerView Mine, CustomerView Theirs, InvoiceView MyInvoice, InvoiceView TheirInvoice, ReceiptView TheirReceipt);

    private async Task<World> TwoOwnersAsync()
    {
        var admin = await app.NewCompanyAsync();
        var wang = await admin.SalespersonAsync("S1", "王");
        var li = await admin.SalespersonAsync("S2", "李");
        var mine = await admin.CustomerAsync("王的客户", salespersonId: wang.Id);
        var theirs = await admin.CustomerAsync("李的客户", salespersonId: li.Id);
        var myInvoice = await admin.IssueInvoiceAsync(mine.Id, Jun1, 100m);
        var theirInvoice = await admin.IssueInvoiceAsync(theirs.Id, Jun1.AddDays(-60), 900m);
        var theirReceipt = await admin.RecordReceiptAsync(theirs.Id, Jun1, 50m);
        var sales = await admin.AsNewUserAsync(Role.Salesperson, wang.Id);
        return new World(admin, sales, mine, theirs, myInvoice, theirInvoice, theirReceipt);
    }

    [Fact]
    public async Task Salesperson_ListsAndTotals_OnlyTheirOwnCustomers()
    {
        var w = await TwoOwnersAsync();

        var customers = await w.Sales.GetAsync<Page<CustomerListItem>>("/api/customers");
        Assert.Equal([w.Mine.Id], customers.Items.Select(c => c.Id));
        var invoices = await w.Sales.GetAsync<Page<InvoiceListItem>>("/api/invoices");
        Assert.Equal([w.MyInvoice.Id], invoices.Items.Select(i => i.Id));
        Assert.Equal(0, (await w.Sales.GetAsync<Page<ReceiptListItem>>("/api/receipts")).Total);
        var aging = await w.Sales.AgingAsync();
        Assert.Equal(100m, aging.Total);
        Assert.Equal(1000m, (await w.Admin.AgingAsync()).Total);
    }

    [Fact]
    public async Task Salesperson_OpeningAnotherOwnersRecordsByAddress_GetsNotFound()
    {
        var w = await TwoOwnersAsync();

        foreach (var url in new[]
        {
            $"/api/customers/{w.Theirs.Id}", $"/api/customers/{w.Theirs.Id}/open-items", $"/api/customers/{w.Theirs.Id}/statement",
            $"/api/invoices/{w.TheirInvoice.Id}", $"/api/receipts/{w.TheirReceipt.Id}", $"/api/aging/items?customerId={w.Theirs.Id}&pageSize=10",
        })
        {
            var response = await w.Sales.Http.GetAsync(new Uri(url, UriKind.Relative));
            if (url.Contains("aging", StringComparison.Ordinal))
            {
                // A list filtered by a customer one cannot see is simply empty.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("\"total\":0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                continue;
            }
            await CompanyApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
        await w.Sales.GetAsync<CustomerDetail>($"/api/customers/{w.Mine.Id}");
    }

    [Fact]
    public async Task Salesperson_CreatesCustomersForThemselvesOnly_AndCannotPostToTheLedger()
    {
        var w = await TwoOwnersAsync();

        var created = await w.Sales.CustomerAsync("新客户");
        var detail = await w.Admin.GetAsync<CustomerDetail>($"/api/customers/{created.Id}");
        Assert.Equal(w.Mine.SalespersonId, detail.Customer.SalespersonId);
        var response = await w.Sales.PostAsync("/api/customers", new CreateCustomer("X1", "抢来的客户", w.Theirs.SalespersonId));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "salespersonId");
        response = await w.Sales.PostAsync("/api/receipts", new RecordReceipt(w.Mine.Id, Jun1, 10m));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EveryRoleButFinance_CannotPostToTheLedger_ButCanRead()
    {
        var admin = await app.NewCompanyAsync();
        var customer = await admin.CustomerAsync();
        foreach (var role in new[] { Role.Collector, Role.CreditManager, Role.Executive })
        {
            var user = await admin.AsNewUserAsync(role);
            Assert.Equal(1, (await user.GetAsync<Page<CustomerListItem>>("/api/customers")).Total);
            var response = await user.PostAsync("/api/invoices", new IssueInvoice(customer.Id, Jun1, [new InvoiceLineDto("x", 1, 1m)]));
            await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }
        var accountant = await admin.AsNewUserAsync(Role.Accountant);
        await accountant.IssueInvoiceAsync(customer.Id, Jun1, 10m);
        await CompanyApi.AssertProblemAsync(await accountant.Http.GetAsync(new Uri("/api/audit", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoUser_SeesAnotherCompanysRecords()
    {
        var a = await app.NewCompanyAsync();
        var b = await app.NewCompanyAsync();
        var customer = await a.CustomerAsync();
        var invoice = await a.IssueInvoiceAsync(customer.Id, Jun1, 100m);

        await CompanyApi.AssertProblemAsync(await b.Http.GetAsync(new Uri($"/api/customers/{customer.Id}", UriKind.Relative)), HttpStatusCode.NotFound);
        await CompanyApi.AssertProblemAsync(await b.Http.GetAsync(new Uri($"/api/invoices/{invoice.Id}", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Equal(0, (await b.GetAsync<Page<CustomerListItem>>("/api/customers")).Total);
        Assert.Equal(0m, (await b.AgingAsync()).Total);
        var response = await b.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Jun1, 10m));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
    }
}

public sealed class RowLevelAccessTestsOnSqlite(SqliteApp app) : RowLevelAccessTests(app), IClassFixture<SqliteApp>;

public sealed class RowLevelAccessTestsOnPostgres(PostgresApp app) : RowLevelAccessTests(app), IClassFixture<PostgresApp>;
