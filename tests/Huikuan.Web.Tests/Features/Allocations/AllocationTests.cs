using System.Net;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Allocations;

public abstract class AllocationTests(HuikuanApp app)
{
    private static readonly DateOnly Jul1 = new(2026, 7, 1);

    [Fact]
    public async Task Allocate_MoreThanIsOpen_IsRefusedSayingHowMuchIsOpen()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jul1, 500m);
        var response = await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 100.01m, receipt.Id));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "amount");
        Assert.Contains("100.00 CNY", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_MoreThanTheReceiptHasUnapplied_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jul1, 40m);
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 50m, receipt.Id)),
            HttpStatusCode.UnprocessableEntity, "amount");
    }

    [Fact]
    public async Task Allocate_AcrossCurrenciesWithoutAnExplicitExchange_IsRefused_AndWithOneIsApplied()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 720m);
        var usd = await api.RecordReceiptAsync(customer.Id, Jul1, 100m, currency: "USD");
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Jul1, 7.2m));

        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 720m, usd.Id)),
            HttpStatusCode.UnprocessableEntity, "sourceAmount");

        var applied = await api.PostOkAsync<AllocationView>("/api/allocations", new Allocate(invoice.Installments[0].Id, 720m, usd.Id, SourceAmount: 100m));
        Assert.Equal((720m, 100m, 0m), (applied.Amount, applied.SourceAmount, applied.InstallmentOpen));
        Assert.Equal(0m, (await api.GetAsync<ReceiptView>($"/api/receipts/{usd.Id}")).Unapplied);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task Allocate_AReceiptToAnotherCustomersInvoice_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var payer = await api.CustomerAsync();
        var other = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(other.Id, Jul1, 100m);
        var receipt = await api.RecordReceiptAsync(payer.Id, Jul1, 100m);
        var problem = await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 10m, receipt.Id)),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("https://huikuan.dev/problems/allocation.customer", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Allocate_AnotherCompanysInstallment_IsRefusedAsUnknown()
    {
        var mine = await app.NewCompanyAsync();
        var theirs = await app.NewCompanyAsync();
        var invoice = await theirs.IssueInvoiceAsync((await theirs.CustomerAsync()).Id, Jul1, 100m);
        var receipt = await mine.RecordReceiptAsync((await mine.CustomerAsync()).Id, Jul1, 100m);
        await CompanyApi.AssertProblemAsync(await mine.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 10m, receipt.Id)),
            HttpStatusCode.UnprocessableEntity, "installmentId");
    }

    [Fact]
    public async Task ReverseAllocation_RestoresTheOpenAmountAndTheUnappliedCash_AndCannotBeRepeated()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jul1, 100m);
        var allocation = await api.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 100m);
        Assert.Equal(0m, allocation.InstallmentOpen);

        var reversal = await api.PostOkAsync<AllocationView>($"/api/allocations/{allocation.Id}/reverse", new ReverseAllocation("applied to the wrong invoice"));

        Assert.Equal((-100m, allocation.Id, 100m), (reversal.Amount, reversal.ReversesId, reversal.InstallmentOpen));
        Assert.Equal(100m, (await api.GetAsync<ReceiptView>($"/api/receipts/{receipt.Id}")).Unapplied);
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/allocations/{allocation.Id}/reverse", new ReverseAllocation("again")), HttpStatusCode.Conflict);
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/allocations/{reversal.Id}/reverse", new ReverseAllocation("undo the undo")), HttpStatusCode.Conflict);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task CreditNote_AppliedToAnInvoice_ReducesWhatIsOpen()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m);
        var note = await api.PostOkAsync<InvoiceView>("/api/credit-notes",
            new IssueCreditNote(customer.Id, Jul1.AddDays(2), [new InvoiceLineDto("Returned goods 退货", 1, 30m)], ApplyToInvoiceId: invoice.Id));
        Assert.Equal(("creditNote", 0m, "applied"), (note.Kind, note.Unapplied, note.Status));
        Assert.Equal(70m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task FiftyConcurrentAllocationsAgainstOneInstallment_NeverOverApply()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 1000m);
        var installment = invoice.Installments[0].Id;
        var receipts = new List<ReceiptView>();
        for (var i = 0; i < 50; i++)
        {
            receipts.Add(await api.RecordReceiptAsync(customer.Id, Jul1, 30m));
        }

        var responses = await Task.WhenAll(receipts.Select(r => api.PostAsync("/api/allocations", new Allocate(installment, 30m, r.Id))));

        // 1000 / 30 = 33 full allocations fit; the rest must be refused with a clear reason, never a 500.
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(33, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.True(s is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict, s.ToString()));
        var open = (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open;
        Assert.Equal(10m, open);
        var applied = await app.WithDbAsync(db => db.Allocations.Where(a => a.InstallmentId == installment).SumAsync(a => a.AmountMinor));
        Assert.Equal(99000L, applied);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }
}

public sealed class AllocationTestsOnSqlite(SqliteApp app) : AllocationTests(app), IClassFixture<SqliteApp>;

public sealed class AllocationTestsOnPostgres(PostgresApp app) : AllocationTests(app), IClassFixture<PostgresApp>;
