using System.Net;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Tests.Features.Import;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Ledger;

/// <summary>
/// Nothing in the ledger is dated after the company's business day. Every test runs at 07:30 in Shanghai, when UTC is
/// still on the day before: the Shanghai day is today, the next Shanghai day is the future.
/// </summary>
public abstract class FutureDateTests(HuikuanApp app)
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateOnly Tomorrow = Day.AddDays(1);

    private async Task<(CompanyApi Api, CustomerView Customer, InvoiceView Invoice)> SetUpAsync()
    {
        app.Clock.SetShanghai(Day.AddDays(-30), new TimeOnly(12, 0));
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-30), 100m, due: Day.AddDays(-1));
        app.Clock.SetShanghai(Day, new TimeOnly(7, 30));
        return (api, customer, invoice);
    }

    private static async Task AssertFutureDateAsync(HttpResponseMessage response, string field)
    {
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal("https://huikuan.dev/problems/ledger.futureDate", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AReceipt_DatedTheShanghaiDay_IsAccepted_AndOneDatedTheNextDay_IsRefused()
    {
        var (api, customer, _) = await SetUpAsync();

        var today = await api.RecordReceiptAsync(customer.Id, Day, 40m);
        Assert.Equal(Day, today.ReceivedOn);

        await AssertFutureDateAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Tomorrow, 100m, AutoApply: true)), "receivedOn");
        var detail = await api.GetAsync<CustomerDetail>($"/api/customers/{customer.Id}");
        var aging = await api.AgingAsync();
        Assert.Equal((60m, 60m), (detail.Balances.Single().Net, aging.Rows.Items.Single().Net));
    }

    [Fact]
    public async Task AReceiptDatedTomorrow_InChinese_SaysSoInChinese()
    {
        var (api, customer, _) = await SetUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/receipts", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new RecordReceipt(customer.Id, Tomorrow, 100m), options: HuikuanApp.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var problem = await CompanyApi.AssertProblemAsync(await api.Http.SendAsync(request), HttpStatusCode.UnprocessableEntity, "receivedOn");
        Assert.Contains("晚于今天", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllocation_DatedTomorrow_IsRefused_AndTodayIsApplied()
    {
        var (api, customer, invoice) = await SetUpAsync();
        var receipt = await api.RecordReceiptAsync(customer.Id, Day, 100m);
        var installment = invoice.Installments[0].Id;

        await AssertFutureDateAsync(await api.PostAsync("/api/allocations", new Allocate(installment, 100m, receipt.Id, AppliedOn: Tomorrow)), "appliedOn");

        var applied = await api.PostOkAsync<AllocationView>("/api/allocations", new Allocate(installment, 100m, receipt.Id, AppliedOn: Day));
        Assert.Equal((Day, 0m), (applied.AppliedOn, applied.InstallmentOpen));
    }

    [Fact]
    public async Task AnInvoice_DatedTomorrow_IsRefused_ByHandAndByImport_SoBalanceAndAgingAgree()
    {
        var (api, customer, _) = await SetUpAsync();

        var response = await api.PostAsync("/api/invoices", new IssueInvoice(customer.Id, Tomorrow, [new InvoiceLineDto("Goods 货物", 1, 50m)]));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "invoiceDate");
        Assert.Equal("https://huikuan.dev/problems/invoice.futureDate", problem.GetProperty("type").GetString());
        var file = ImportFiles.Csv($"""
            number,customer_code,invoice_date,due_date,amount,open_amount
            FUT-1,{customer.Code},{Tomorrow:yyyy-MM-dd},{Tomorrow.AddDays(30):yyyy-MM-dd},20,20
            """);
        var imported = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "invoices", file, "i.csv"), HttpStatusCode.UnprocessableEntity);
        var row = Assert.Single(imported.GetProperty("rows").EnumerateArray());
        Assert.Equal(("invoice_date", "invoice.futureDate"), (row.GetProperty("field").GetString(), row.GetProperty("rule").GetString()));

        // Dated the Shanghai day (UTC is still on the day before), it is issued, and the customer's balance and aging agree.
        var issued = await api.IssueInvoiceAsync(customer.Id, Day, 50m, due: Day.AddDays(30));
        Assert.Equal(Day, issued.InvoiceDate);
        var detail = await api.GetAsync<CustomerDetail>($"/api/customers/{customer.Id}");
        var aging = await api.AgingAsync();
        Assert.Equal((150m, 150m), (detail.Balances.Single().Net, aging.Rows.Items.Single().Net));
    }

    [Fact]
    public async Task Reversals_DatedTomorrow_AreRefused_ForAllocationsAndReceipts()
    {
        var (api, customer, invoice) = await SetUpAsync();
        var receipt = await api.RecordReceiptAsync(customer.Id, Day, 100m);
        var allocation = await api.AllocateAsync(receipt.Id, invoice.Installments[0].Id, 100m);

        await AssertFutureDateAsync(await api.PostAsync($"/api/allocations/{allocation.Id}/reverse", new ReverseAllocation("wrong invoice", Tomorrow)), "date");
        await AssertFutureDateAsync(await api.PostAsync($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("bounced", Tomorrow)), "date");
        var unapplied = await api.RecordReceiptAsync(customer.Id, Day, 10m);
        await AssertFutureDateAsync(await api.PostAsync($"/api/receipts/{unapplied.Id}/reverse", new ReverseReceipt("twice", Tomorrow)), "date");

        var reversed = await api.PostOkAsync<ReceiptView>($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("bounced"));
        Assert.Equal((Day, -100m), (reversed.ReceivedOn, reversed.Amount));
        Assert.Equal(100m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task AWriteOff_DatedTomorrow_IsRefused_AndWithoutADateItIsToday()
    {
        var (api, _, invoice) = await SetUpAsync();

        await AssertFutureDateAsync(await api.PostAsync("/api/write-offs", new WriteOff(invoice.Installments[0].Id, "uncollectable", 10m, Tomorrow)), "date");

        var writeOff = await api.WriteOffAsync(invoice.Installments[0].Id, "uncollectable", 10m);
        Assert.Equal("Approved", writeOff.Status);
        var booked = await app.WithDbAsync(db => db.Allocations.AsNoTracking().SingleAsync(a => a.Id == writeOff.AllocationId));
        var open = await app.WithDbAsync(db => db.Installments.AsNoTracking().Where(i => i.Id == invoice.Installments[0].Id).Select(i => i.OpenMinor).SingleAsync());
        Assert.Equal((Day, 9_000L), (booked.AppliedOn, open)); // booked on the Shanghai day, 90.00 left open
    }

    [Fact]
    public async Task ImportedReceipts_DatedTomorrow_AreRefusedRowByRow_AndNothingIsWritten()
    {
        var (api, customer, _) = await SetUpAsync();
        var file = ImportFiles.Csv($"""
            customer_code,received_on,amount
            {customer.Code},{Day:yyyy-MM-dd},10
            {customer.Code},{Tomorrow:yyyy-MM-dd},20
            """);

        var problem = await CompanyApi.AssertProblemAsync(await ImportFiles.UploadAsync(api, "receipts", file, "r.csv"), HttpStatusCode.UnprocessableEntity);

        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((3, "received_on", "ledger.futureDate"),
            (row.GetProperty("row").GetInt32(), row.GetProperty("field").GetString(), row.GetProperty("rule").GetString()));
        Assert.Empty((await api.GetAsync<Huikuan.Web.Infrastructure.Page<ReceiptListItem>>("/api/receipts")).Items);
    }
}

public sealed class FutureDateTestsOnSqlite(SqliteApp app) : FutureDateTests(app), IClassFixture<SqliteApp>;

public sealed class FutureDateTestsOnPostgres(PostgresApp app) : FutureDateTests(app), IClassFixture<PostgresApp>;
