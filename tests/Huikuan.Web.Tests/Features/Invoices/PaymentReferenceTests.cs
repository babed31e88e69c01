using Huikuan.Domain.Ledger;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Invoices;

/// <summary>Every invoice carries the payment reference (付款参考号) the customer is asked to quote; a credit note none.</summary>
public abstract class PaymentReferenceTests(HuikuanApp app)
{
    [Fact]
    public async Task AnIssuedInvoice_HasItsReference_AndReadingItBackFindsTheInvoiceNumber()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var day = app.Clock.Today;
        var numbered = await api.IssueInvoiceAsync(customer.Id, day, 100m);
        var own = await api.IssueInvoiceAsync(customer.Id, day, 100m, number: "2026/SH-0815");
        var chinese = await api.IssueInvoiceAsync(customer.Id, day, 100m, number: "应收-0001");
        var note = await api.PostOkAsync<InvoiceView>("/api/credit-notes",
            new IssueCreditNote(customer.Id, day, [new InvoiceLineDto("退货", 1, 10m)]));

        var read = await api.GetAsync<InvoiceView>($"/api/invoices/{numbered.Id}");

        Assert.Equal(PaymentReference.For(numbered.Number), read.PaymentReference);
        Assert.StartsWith("RF", read.PaymentReference, StringComparison.Ordinal);
        Assert.True(PaymentReference.TryRead("货款 " + read.PaymentReference!.ToLowerInvariant(), out var key));
        Assert.Equal(numbered.Number.Replace("-", "", StringComparison.Ordinal), key);
        Assert.Equal("2026SH0815", own.PaymentReference![4..]);
        Assert.Null(chinese.PaymentReference);
        Assert.Null(note.PaymentReference);
    }
}

public sealed class PaymentReferenceTestsOnSqlite(SqliteApp app) : PaymentReferenceTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentReferenceTestsOnPostgres(PostgresApp app) : PaymentReferenceTests(app), IClassFixture<PostgresApp>;
