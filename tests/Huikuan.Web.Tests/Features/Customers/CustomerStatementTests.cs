using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Customers;

public abstract class CustomerStatementTests(HuikuanApp app)
{
    private static readonly DateOnly Mar1 = new(2026, 3, 1);

    [Fact]
    public async Task Statement_ShowsOpeningBalanceMovementsAndAClosingBalanceThatMatchesWhatIsOwed()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, Mar1.AddDays(-10), 300m);                    // before the period
        var invoice = await api.IssueInvoiceAsync(customer.Id, Mar1.AddDays(3), 500m);
        await api.RecordReceiptAsync(customer.Id, Mar1.AddDays(5), 350m, autoApply: true);    // pays the old one and 50 of the new
        var bounced = await api.RecordReceiptAsync(customer.Id, Mar1.AddDays(6), 100m, autoApply: true);
        await api.PostOkAsync<ReceiptView>($"/api/receipts/{bounced.Id}/reverse", new ReverseReceipt("退票", Mar1.AddDays(9)));
        await api.PostOkAsync<InvoiceView>("/api/credit-notes", new IssueCreditNote(customer.Id, Mar1.AddDays(10), [new InvoiceLineDto("折让", 1, 20m)],
            ApplyToInvoiceId: invoice.Id));
        await api.WriteOffAsync(invoice.Installments[0].Id, "尾差", 0.30m, Mar1.AddDays(20));

        var statement = await api.GetAsync<StatementView>($"/api/customers/{customer.Id}/statement?from={Mar1:yyyy-MM-dd}&to={Mar1.AddDays(30):yyyy-MM-dd}");

        Assert.Equal(300m, statement.OpeningBalance);
        Assert.Equal(["invoice", "receipt", "receipt", "receiptReversal", "creditNote", "writeOff"], statement.Movements.Select(m => m.Kind));
        Assert.Equal([800m, 450m, 350m, 450m, 430m, 429.70m], statement.Movements.Select(m => m.Balance));
        Assert.Equal(429.70m, statement.ClosingBalance);
        var detail = await api.GetAsync<CustomerDetail>($"/api/customers/{customer.Id}");
        Assert.Equal(statement.ClosingBalance, detail.Balances.Single().Net);

        var open = await api.GetAsync<List<OpenItemView>>($"/api/customers/{customer.Id}/open-items");
        var item = Assert.Single(open);
        Assert.Equal((invoice.Number, 429.70m, true), (item.InvoiceNumber, item.Open, item.Partial));
    }
}

public sealed class CustomerStatementTestsOnSqlite(SqliteApp app) : CustomerStatementTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerStatementTestsOnPostgres(PostgresApp app) : CustomerStatementTests(app), IClassFixture<PostgresApp>;
