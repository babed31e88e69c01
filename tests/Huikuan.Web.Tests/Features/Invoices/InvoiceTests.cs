using System.Net;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.PaymentTerms;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Invoices;

public abstract class InvoiceTests(HuikuanApp app)
{
    private static readonly DateOnly May1 = new(2026, 5, 1);

    [Fact]
    public async Task Issue_WithThreeEqualInstallments_SplitsTheTotalExactly()
    {
        var api = await app.NewCompanyAsync();
        var term = await api.PaymentTermAsync("THIRDS", new TermLineDto(33.33m, 0), new TermLineDto(33.33m, 30), new TermLineDto(33.34m, 60));
        var customer = await api.CustomerAsync(paymentTermId: term.Id);

        var invoice = await api.PostOkAsync<InvoiceView>("/api/invoices",
            new IssueInvoice(customer.Id, May1, [new InvoiceLineDto("Service 服务", 1, 100.00m)]));

        Assert.Equal([33.33m, 33.33m, 33.34m], invoice.Installments.Select(i => i.Amount));
        Assert.Equal([May1, May1.AddDays(30), May1.AddDays(60)], invoice.Installments.Select(i => i.DueDate));
        Assert.Equal(100.00m, invoice.Open);
        Assert.Equal("open", invoice.Status);
        Assert.StartsWith("INV-", invoice.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_WithTax_AddsTaxPerLineRoundedToTheCent()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.PostOkAsync<InvoiceView>("/api/invoices", new IssueInvoice(customer.Id, May1,
            [new InvoiceLineDto("A", 3, 33.33m, 13m), new InvoiceLineDto("B", 1, 0.05m, 6m)], Installments: [new InstallmentDto(May1, 113.04m)]));
        Assert.Equal(100.04m, invoice.Net);      // 99.99 + 0.05
        Assert.Equal(13.00m, invoice.Tax);        // 13.00 (12.9987) + 0.00 (0.003)
        Assert.Equal(113.04m, invoice.Total);
        Assert.Equal([13.00m, 0.00m], invoice.Lines.Select(l => l.Tax));
    }

    [Fact]
    public async Task Issue_WhenExplicitInstallmentsDoNotAddUp_IsRefusedNamingInstallments()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var response = await api.PostAsync("/api/invoices", new IssueInvoice(customer.Id, May1, [new InvoiceLineDto("A", 1, 100m)],
            Installments: [new InstallmentDto(May1.AddDays(10), 50m), new InstallmentDto(May1.AddDays(40), 49.99m)]));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "installments");
        Assert.Contains("99.99", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_WithoutTermsOrInstallments_IsRefusedNamingThePaymentTerm()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var response = await api.PostAsync("/api/invoices", new IssueInvoice(customer.Id, May1, [new InvoiceLineDto("A", 1, 10m)]));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "paymentTermId");
    }

    [Fact]
    public async Task Issue_WithMoreDecimalsThanTheCurrency_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var response = await api.PostAsync("/api/invoices", new IssueInvoice(customer.Id, May1, [new InvoiceLineDto("A", 1, 10m)],
            Installments: [new InstallmentDto(May1, 9.995m), new InstallmentDto(May1.AddDays(1), 0.005m)]));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "installments[0].amount");
    }

    [Fact]
    public async Task Issue_WithANumberAlreadyUsed_IsAConflict()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, May1, 10m, number: "ERP-1001");
        var response = await api.PostAsync("/api/invoices", new IssueInvoice(customer.Id, May1, [new InvoiceLineDto("A", 1, 10m)], "ERP-1001",
            Installments: [new InstallmentDto(May1, 10m)]));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reverse_WhenNothingIsApplied_PostsACreditNoteThatClosesEveryInstallment()
    {
        var api = await app.NewCompanyAsync();
        var term = await api.PaymentTermAsync("HALF", new TermLineDto(50, 30), new TermLineDto(50, 60));
        var customer = await api.CustomerAsync(paymentTermId: term.Id);
        var invoice = await api.PostOkAsync<InvoiceView>("/api/invoices", new IssueInvoice(customer.Id, May1, [new InvoiceLineDto("A", 1, 500m)]));

        var note = await api.PostOkAsync<InvoiceView>($"/api/invoices/{invoice.Id}/reverse", new ReverseInvoice("Wrong customer 开错客户"));

        Assert.Equal("creditNote", note.Kind);
        Assert.Equal(invoice.Id, note.ReversalOfId);
        Assert.Equal(500m, note.Total);
        Assert.Equal(0m, note.Unapplied);
        var after = await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}");
        Assert.Equal("reversed", after.Status);
        Assert.Equal(note.Id, after.ReversedById);
        Assert.All(after.Installments, i => Assert.Equal(0m, i.Open));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task Reverse_WhenMoneyIsApplied_IsAConflictThatSaysWhatToDo()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, May1, 100m);
        await api.RecordReceiptAsync(customer.Id, May1.AddDays(3), 40m, autoApply: true);

        var response = await api.PostAsync($"/api/invoices/{invoice.Id}/reverse", new ReverseInvoice("mistake"));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("reverse those allocations first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverse_ItsAllocationsCannotBeUndoneOneByOne()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, May1, 100m);
        var note = await api.PostOkAsync<InvoiceView>($"/api/invoices/{invoice.Id}/reverse", new ReverseInvoice("duplicate"));
        var allocation = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Allocations, a => a.CreditNoteId == note.Id));

        var response = await api.PostAsync($"/api/allocations/{allocation.Id}/reverse", new Huikuan.Web.Features.Allocations.ReverseAllocation("undo"));

        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }

    [Fact]
    public async Task Reverse_Twice_IsAConflict()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, May1, 100m);
        await api.PostOkAsync<InvoiceView>($"/api/invoices/{invoice.Id}/reverse", new ReverseInvoice("once"));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/invoices/{invoice.Id}/reverse", new ReverseInvoice("twice")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_IsPagedAndFiltersOverdue()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        for (var i = 0; i < 5; i++)
        {
            await api.IssueInvoiceAsync(customer.Id, app.Clock.Today.AddDays(-60 + i), 10m, due: app.Clock.Today.AddDays(-30 + (i * 10)));
        }
        var page = await api.GetAsync<Huikuan.Web.Infrastructure.Page<InvoiceListItem>>("/api/invoices?pageSize=2&page=2");
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.Items.Count);
        var overdue = await api.GetAsync<Huikuan.Web.Infrastructure.Page<InvoiceListItem>>("/api/invoices?state=overdue");
        Assert.Equal(3, overdue.Total);   // due 30, 20 and 10 days ago
    }

    [Fact]
    public async Task Get_AnotherCompanysInvoice_IsNotFound()
    {
        var mine = await app.NewCompanyAsync();
        var theirs = await app.NewCompanyAsync();
        var invoice = await theirs.IssueInvoiceAsync((await theirs.CustomerAsync()).Id, May1, 10m);
        var response = await mine.Http.GetAsync(new Uri($"/api/invoices/{invoice.Id}", UriKind.Relative));
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class InvoiceTestsOnSqlite(SqliteApp app) : InvoiceTests(app), IClassFixture<SqliteApp>;

public sealed class InvoiceTestsOnPostgres(PostgresApp app) : InvoiceTests(app), IClassFixture<PostgresApp>;
