using System.Net;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Customers;

public abstract class CustomerListTests(HuikuanApp app)
{
    private static readonly DateOnly Sep1 = new(2026, 9, 1);

    [Fact]
    public async Task List_SortsByCodeNameOrOutstanding_AndPagesWithoutOverlap()
    {
        var api = await app.NewCompanyAsync();
        var owed = new[] { ("丙", 30m), ("甲", 300m), ("乙", 0m), ("丁", 3m) };
        foreach (var (name, amount) in owed)
        {
            var customer = await api.CustomerAsync(name);
            if (amount > 0)
            {
                await api.IssueInvoiceAsync(customer.Id, Sep1, amount);
            }
        }

        var byCode = await api.GetAsync<Page<CustomerListItem>>("/api/customers");
        var byName = await api.GetAsync<Page<CustomerListItem>>("/api/customers?sort=name");
        var mostOwed = await api.GetAsync<Page<CustomerListItem>>("/api/customers?sort=outstanding&desc=true");
        var first = await api.GetAsync<Page<CustomerListItem>>("/api/customers?sort=outstanding&pageSize=2");
        var second = await api.GetAsync<Page<CustomerListItem>>("/api/customers?sort=outstanding&pageSize=2&page=2");

        Assert.Equal(byCode.Items.Select(c => c.Code).Order(StringComparer.Ordinal), byCode.Items.Select(c => c.Code));
        Assert.Equal(["丁", "丙", "乙", "甲"], byName.Items.Select(c => c.Name));   // code-point order, as the databases compare here
        Assert.Equal([("甲", 300m), ("丙", 30m), ("丁", 3m), ("乙", 0m)], mostOwed.Items.Select(c => (c.Name, c.Outstanding)));
        Assert.Equal(["乙", "丁", "丙", "甲"], first.Items.Concat(second.Items).Select(c => c.Name));
        Assert.Equal(4, second.Total);
    }

    [Fact]
    public async Task List_WithAnUnknownSort_IsRefusedNamingTheParameter()
    {
        var api = await app.NewCompanyAsync();
        var response = await api.Http.GetAsync(new Uri("/api/customers?sort=balance", UriKind.Relative));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "sort");
    }
}

public sealed class CustomerListTestsOnSqlite(SqliteApp app) : CustomerListTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerListTestsOnPostgres(PostgresApp app) : CustomerListTests(app), IClassFixture<PostgresApp>;
