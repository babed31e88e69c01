using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Ledger;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Receipts;

public abstract class ReceiptTests(HuikuanApp app)
{
    private static readonly DateOnly Jun1 = new(2026, 6, 1);

    [Fact]
    public async Task Record_TwiceWithTheSameIdempotencyKeyAndBody_RecordsOnceAndReturnsTheFirstResponse()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var body = new RecordReceipt(customer.Id, Jun1, 250m, ReceiptMethod.Alipay, PayerReference: "支付宝转账");

        var first = await Send(api, body, "key-1");
        var second = await Send(api, body, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var list = await api.GetAsync<Page<ReceiptListItem>>($"/api/receipts?customerId={customer.Id}");
        Assert.Equal(1, list.Total);
    }

    [Fact]
    public async Task Record_WithTheSameIdempotencyKeyButAnotherBody_IsRefused()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await Send(api, new RecordReceipt(customer.Id, Jun1, 250m), "key-2");
        var response = await Send(api, new RecordReceipt(customer.Id, Jun1, 260m), "key-2");
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Fact]
    public async Task Record_ConcurrentlyWithOneIdempotencyKey_RecordsExactlyOnce()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var body = new RecordReceipt(customer.Id, Jun1, 99m);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Send(api, body, "key-race")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal(1, (await api.GetAsync<Page<ReceiptListItem>>($"/api/receipts?customerId={customer.Id}")).Total);
    }

    [Fact]
    public async Task Record_WithABankReferenceAlreadyRecorded_IsAConflictNamingTheReceipt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var first = await api.RecordReceiptAsync(customer.Id, Jun1, 10m, bankReference: "ICBC-20260601-0001");
        var response = await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Jun1, 10m, BankReference: "ICBC-20260601-0001"));
        var problem = await CompanyApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(first.Number, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ConcurrentlyWithOneBankReference_RecordsExactlyOnceAndRefusesTheRestWithAConflict()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Jun1, 100m + i, BankReference: "CMB-RACE-1"))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, (await api.GetAsync<Page<ReceiptListItem>>($"/api/receipts?customerId={customer.Id}")).Total);
    }

    [Fact]
    public async Task AutoApply_PaysTheInvoiceNamedInTheReferenceBeforeOlderOnes()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var older = await api.IssueInvoiceAsync(customer.Id, Jun1.AddDays(-90), 100m);
        var named = await api.IssueInvoiceAsync(customer.Id, Jun1.AddDays(-10), 100m);

        var receipt = await api.RecordReceiptAsync(customer.Id, Jun1, 150m, reference: $"货款 {named.Number}", autoApply: true);

        Assert.Equal([(named.Number, 100m), (older.Number, 50m)], receipt.Allocations.Select(a => (a.InvoiceNumber, a.Amount)));
        Assert.Equal(0m, receipt.Unapplied);
        Assert.Equal("applied", receipt.Status);
    }

    [Fact]
    public async Task AutoApply_LeavingAnInstallmentPartlyPaid_FlagsItAndListsItForFollowUp()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jun1, 1000m);
        await api.RecordReceiptAsync(customer.Id, Jun1.AddDays(35), 600m, autoApply: true);

        var after = await api.GetAsync<Huikuan.Web.Features.Invoices.InvoiceView>($"/api/invoices/{invoice.Id}");
        Assert.True(after.Installments.Single().Partial);
        Assert.Equal("partlyPaid", after.Status);
        var followUps = await api.GetAsync<Page<PartialFollowUp>>("/api/follow-ups/partial");
        var item = Assert.Single(followUps.Items);
        Assert.Equal((invoice.Number, 600m, 400m), (item.InvoiceNumber, item.Paid, item.Open));
    }

    [Fact]
    public async Task Overpayment_StaysAsUnappliedCashAndCanBeAppliedToALaterInvoice()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, Jun1, 100m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jun1.AddDays(5), 130m, autoApply: true);
        Assert.Equal(30m, receipt.Unapplied);
        var detail = await api.GetAsync<CustomerDetail>($"/api/customers/{customer.Id}");
        Assert.Equal((0m, 30m, -30m), (detail.Balances.Single().Open, detail.Balances.Single().UnappliedCash, detail.Balances.Single().Net));

        var later = await api.IssueInvoiceAsync(customer.Id, Jun1.AddDays(20), 50m);
        var applied = await api.AllocateAsync(receipt.Id, later.Installments.Single().Id, 30m);
        Assert.Equal(20m, applied.InstallmentOpen);
        Assert.True(applied.InstallmentPartial);
        Assert.Equal(0m, (await api.GetAsync<ReceiptView>($"/api/receipts/{receipt.Id}")).Unapplied);
    }

    [Fact]
    public async Task Suggestions_ShowWhatApplyingWouldDo_WithoutApplyingIt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jun1, 80m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jun1.AddDays(1), 50m, reference: invoice.Number);
        var suggestions = await api.GetAsync<List<Suggestion>>($"/api/receipts/{receipt.Id}/suggestions");
        var s = Assert.Single(suggestions);
        Assert.Equal((invoice.Number, 50m, "reference", true), (s.InvoiceNumber, s.Amount, s.Reason, s.LeavesPartial));
        Assert.Equal(50m, (await api.GetAsync<ReceiptView>($"/api/receipts/{receipt.Id}")).Unapplied);

        var applied = await api.PostOkAsync<ReceiptView>($"/api/receipts/{receipt.Id}/apply", new { });
        Assert.Equal(0m, applied.Unapplied);
    }

    [Fact]
    public async Task Reverse_UndoesEveryAllocationWithCounterEntriesAndKeepsTheHistory()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var a = await api.IssueInvoiceAsync(customer.Id, Jun1, 70m);
        var b = await api.IssueInvoiceAsync(customer.Id, Jun1.AddDays(1), 70m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jun1.AddDays(10), 100m, autoApply: true, method: ReceiptMethod.Cheque);

        var reversal = await api.PostOkAsync<ReceiptView>($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("Cheque bounced 退票"));

        Assert.Equal(-100m, reversal.Amount);
        Assert.Equal(receipt.Id, reversal.ReversalOfId);
        var original = await api.GetAsync<ReceiptView>($"/api/receipts/{receipt.Id}");
        Assert.Equal("reversed", original.Status);
        Assert.Equal(0m, original.Unapplied);
        Assert.Equal(4, original.Allocations.Count);   // two applications and their two counter-entries
        Assert.Equal(0m, original.Allocations.Sum(x => x.Amount));
        foreach (var invoice in new[] { a, b })
        {
            Assert.Equal(70m, (await api.GetAsync<Huikuan.Web.Features.Invoices.InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        }
        Assert.True((await api.CheckLedgerAsync()).Ok);
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("again")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reverse_APartlyAppliedReceiptWithAnAllocationAlreadyUndone_LeavesTheLedgerCheckClean()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var a = await api.IssueInvoiceAsync(customer.Id, Jun1, 70m);
        var b = await api.IssueInvoiceAsync(customer.Id, Jun1.AddDays(1), 70m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jun1.AddDays(10), 200m, method: ReceiptMethod.Cheque);
        var first = await api.AllocateAsync(receipt.Id, a.Installments[0].Id, 70m);
        await api.AllocateAsync(receipt.Id, b.Installments[0].Id, 30m);
        await api.PostOkAsync<AllocationView>($"/api/allocations/{first.Id}/reverse",
            new ReverseAllocation("wrong invoice"));
        var unapplied = await api.RecordReceiptAsync(customer.Id, Jun1.AddDays(11), 5m);

        await api.PostOkAsync<ReceiptView>($"/api/receipts/{receipt.Id}/reverse", new ReverseReceipt("Cheque bounced 退票", Jun1.AddDays(12)));
        await api.PostOkAsync<ReceiptView>($"/api/receipts/{unapplied.Id}/reverse", new ReverseReceipt("recorded twice"));

        var check = await api.CheckLedgerAsync();
        Assert.True(check.Ok, string.Join("; ", check.Mismatches));
        var rows = await app.WithDbAsync(db => db.Receipts.Where(r => r.Id == receipt.Id || r.ReversalOfId == receipt.Id).ToListAsync());
        Assert.Equal([(20000L, 0L), (-20000L, 0L)], rows.OrderByDescending(r => r.AmountMinor).Select(r => (r.AmountMinor, r.UnappliedMinor)));
        Assert.Equal(0m, (await api.GetAsync<ReceiptView>($"/api/receipts/{unapplied.Id}")).Unapplied);
        foreach (var invoice in new[] { a, b })
        {
            Assert.Equal(70m, (await api.GetAsync<Huikuan.Web.Features.Invoices.InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        }
    }

    [Fact]
    public async Task Record_ABankAcceptanceDraft_KeepsItsNumberAndMaturity_AndRefusesOneWithout()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Jun1, 50_000m, ReceiptMethod.BankAcceptanceDraft)),
            HttpStatusCode.UnprocessableEntity, "draftNumber");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Jun1, 50_000m, ReceiptMethod.BankAcceptanceDraft,
            DraftNumber: "130258100012420260601000123", DraftMaturesOn: Jun1.AddDays(-1))), HttpStatusCode.UnprocessableEntity, "draftMaturesOn");

        var draft = await api.PostOkAsync<ReceiptView>("/api/receipts", new RecordReceipt(customer.Id, Jun1, 50_000m, ReceiptMethod.BankAcceptanceDraft,
            DraftNumber: "130258100012420260601000123", DraftMaturesOn: Jun1.AddMonths(6), DraftAcceptor: "中国工商银行上海分行"));

        Assert.Equal(("BankAcceptanceDraft", "130258100012420260601000123", Jun1.AddMonths(6)), (draft.Method, draft.DraftNumber, draft.DraftMaturesOn));
        Assert.Equal(("中国工商银行上海分行", "Held"), (draft.DraftAcceptor, draft.DraftStatus));
    }

    [Fact]
    public async Task Record_WithAZeroAmount_IsRefusedNamingTheAmount()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/receipts", new RecordReceipt(customer.Id, Jun1, 0m)),
            HttpStatusCode.UnprocessableEntity, "amount");
    }

    private static async Task<HttpResponseMessage> Send(CompanyApi api, RecordReceipt body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/receipts") { Content = JsonContent.Create(body, options: HuikuanApp.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return await api.Http.SendAsync(request);
    }
}

public sealed class ReceiptTestsOnSqlite(SqliteApp app) : ReceiptTests(app), IClassFixture<SqliteApp>;

public sealed class ReceiptTestsOnPostgres(PostgresApp app) : ReceiptTests(app), IClassFixture<PostgresApp>;
