using System.Net;
using Huikuan.Domain.Contracts;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Contracts;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Contracts;

/// <summary>The clauses a receipt and the balance honour (R7), with worked figures. Today is 2026-11-23.</summary>
public abstract class ContractTermsTests(HuikuanApp app)
{
    /// <summary>One stage of the whole amount, due 30 days after it is reached, under 2/10 net 30 and 0.05 %/day after 5 grace days.</summary>
    private static CreateContract OneStage(Guid customerId, decimal total) =>
        new(customerId, "设备采购", ContractTests.Signed, total, [new ContractStageInput(StageKind.Delivery, "到货", Percent: 100m, DueDays: 30)],
            InterestDailyRatePercent: 0.05m, InterestGraceDays: 5, Discount: "2/10 net 30");

    private static async Task<InvoiceView> InvoicedAsync(CompanyApi api, Guid customerId, decimal total, DateOnly reachedOn)
    {
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", OneStage(customerId, total));
        var reached = await api.PostOkAsync<StageReachedResult>(ContractTests.Reached(contract, 1), new MarkStageReached(reachedOn));
        return await api.GetAsync<InvoiceView>($"/api/invoices/{reached.InvoiceId}");
    }

    [Fact]
    public async Task PayingTheDiscountedAmountOnDayTen_SettlesTheInvoice_ButOnDayElevenLeavesTheDiscountOpen()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var onTime = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 11, 1));
        var late = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 11, 1));

        var day10 = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 11), 9_800m);
        var day11 = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 12), 9_800m);
        await api.AllocateAsync(day10.Id, onTime.Installments.Single().Id, 9_800m);
        await api.AllocateAsync(day11.Id, late.Installments.Single().Id, 9_800m);

        Assert.Equal((0m, "paid"), await OpenAsync(api, onTime.Id));
        Assert.Equal((200m, "partlyPaid"), await OpenAsync(api, late.Id));
        var statement = await api.GetAsync<StatementView>($"/api/customers/{customer.Id}/statement?from=2026-11-01&to=2026-11-30");
        var discount = Assert.Single(statement.Movements, m => m.Kind == "discount");
        Assert.Equal((200m, new DateOnly(2026, 11, 11)), (discount.Credit, discount.Date));
        Assert.Equal(200m, statement.ClosingBalance);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task APaymentShortOfTheDiscountedAmount_EarnsNoDiscountYet_AndTheRestInTheWindowCompletesIt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 11, 1));
        var first = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 5), 5_000m);
        var second = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 9), 4_800m);

        await api.AllocateAsync(first.Id, invoice.Installments.Single().Id, 5_000m);
        Assert.Equal((5_000m, "partlyPaid"), await OpenAsync(api, invoice.Id));
        await api.AllocateAsync(second.Id, invoice.Installments.Single().Id, 4_800m);
        Assert.Equal((0m, "paid"), await OpenAsync(api, invoice.Id));
    }

    [Fact]
    public async Task ADiscountAllocation_IsReversedByACounterEntry_ReopeningWhatItSettled()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 11, 1));
        var receipt = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 11), 9_800m, reference: invoice.Number, autoApply: true);
        Assert.Equal((0m, "paid"), await OpenAsync(api, invoice.Id));
        var statement = await api.GetAsync<StatementView>($"/api/customers/{customer.Id}/statement?from=2026-11-01&to=2026-11-30");
        var discount = Assert.Single(statement.Movements, m => m.Kind == "discount");

        var reversal = await api.PostOkAsync<AllocationView>($"/api/allocations/{discount.DocumentId}/reverse", new ReverseAllocation("折扣条件不符"));

        Assert.Equal(("Discount", -200m, 200m), (reversal.Kind, reversal.Amount, reversal.InstallmentOpen));
        Assert.Equal((200m, "partlyPaid"), await OpenAsync(api, invoice.Id));
        Assert.Equal(0m, (await api.GetAsync<Huikuan.Web.Features.Receipts.ReceiptView>($"/api/receipts/{receipt.Id}")).Unapplied);
        statement = await api.GetAsync<StatementView>($"/api/customers/{customer.Id}/statement?from=2026-11-01&to=2026-11-30");
        Assert.Equal((200m, 200m), (statement.Movements.Single(m => m.Kind == "discountReversal").Debit, statement.ClosingBalance));
        Assert.True((await api.CheckLedgerAsync()).Ok);
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/allocations/{discount.DocumentId}/reverse", new ReverseAllocation("again")),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReversingTheReceipt_TakesBackTheDiscountItEarned_AndTheWholeInvoiceIsOwedAgain()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 11, 1));
        var receipt = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 11), 9_800m, reference: invoice.Number, autoApply: true);
        Assert.Equal((0m, "paid"), await OpenAsync(api, invoice.Id));

        await api.PostOkAsync<Huikuan.Web.Features.Receipts.ReceiptView>($"/api/receipts/{receipt.Id}/reverse",
            new Huikuan.Web.Features.Receipts.ReverseReceipt("退票"));

        Assert.Equal((10_000m, "open"), await OpenAsync(api, invoice.Id));
        var statement = await api.GetAsync<StatementView>($"/api/customers/{customer.Id}/statement?from=2026-11-01&to=2026-11-30");
        Assert.Equal((200m, 10_000m), (statement.Movements.Single(m => m.Kind == "discountReversal").Debit, statement.ClosingBalance));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task TheBalance_ShowsLateInterestOf75_On10000Overdue20DaysAtFiveHundredthsPercentADay_AndTheDiscountStillOpen()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        // Reached 4 October, due 3 November: 20 days overdue today; the grace runs out on 8 November, so 9 to 23 November
        // bear interest: 15 days × 10,000.00 × 0.05 % = 75.00.
        var overdue = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 10, 4));
        Assert.Equal(new DateOnly(2026, 11, 3), overdue.Installments.Single().DueDate);
        // Invoiced 20 November: 2 % of 5,000.00 is still to be had until 30 November.
        await InvoicedAsync(api, customer.Id, 5_000m, new DateOnly(2026, 11, 20));
        // An ordinary invoice overdue just as long bears no interest: no clause.
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 10, 4), 10_000m, due: new DateOnly(2026, 11, 3));

        var balance = (await api.GetAsync<CustomerDetail>($"/api/customers/{customer.Id}")).Balances.Single();

        Assert.Equal((25_000m, 20_000m), (balance.Open, balance.Overdue));
        Assert.Equal((75m, 100m), (balance.LateInterest, balance.DiscountAvailable));
    }

    [Fact]
    public async Task APartPayment_StopsInterestOnWhatItPaid_FromItsDay()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var overdue = await InvoicedAsync(api, customer.Id, 10_000m, new DateOnly(2026, 10, 4));
        // 4,000.00 paid on 16 November: 9–15 November (7 days) on 10,000.00 = 35.00, 16–23 November (8 days) on 6,000.00 = 24.00.
        var receipt = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 11, 16), 4_000m);
        await api.AllocateAsync(receipt.Id, overdue.Installments.Single().Id, 4_000m);

        var balance = (await api.GetAsync<CustomerDetail>($"/api/customers/{customer.Id}")).Balances.Single();

        Assert.Equal((6_000m, 59m, 0m), (balance.Open, balance.LateInterest, balance.DiscountAvailable));
    }

    private static async Task<(decimal Open, string Status)> OpenAsync(CompanyApi api, Guid invoiceId)
    {
        var i = await api.GetAsync<InvoiceView>($"/api/invoices/{invoiceId}");
        return (i.Open, i.Status);
    }
}

public sealed class ContractTermsTestsOnSqlite(SqliteApp app) : ContractTermsTests(app), IClassFixture<SqliteApp>;

public sealed class ContractTermsTestsOnPostgres(PostgresApp app) : ContractTermsTests(app), IClassFixture<PostgresApp>;
