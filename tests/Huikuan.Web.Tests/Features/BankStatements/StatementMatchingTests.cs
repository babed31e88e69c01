using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Huikuan.DataGen.Statements;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Features.BankStatements.Matching;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Huikuan.Web.Tests.Features.Contracts;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Contracts;
using Huikuan.Domain.Contracts;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>
/// A statement imported, matched and posted as an AR accountant's morning goes: sure lines become receipts applied to
/// the invoices they pay, doubtful ones wait for a person, and everything posted can be undone by counter-entries.
/// </summary>
public abstract class StatementMatchingTests(HuikuanApp app)
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private const string Account = "6222020000112233";

    [Fact]
    public async Task ALineNamingAnInvoiceWithItsExactAmount_IsPostedAsAReceiptWithTheBanksReference_AndPaysTheInvoice()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("上海宏达机电有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-40), 1_000m);

        var statement = await ImportAsync(api, Line(1_000m, "G0001", "货款 " + invoice.Number, "上海宏达机电有限公司"));
        var matched = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal(1, matched.Sure);
        Assert.Equal(1, posted.Posted);
        Assert.Empty(posted.Skipped);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var line = Assert.Single(await LinesAsync(api, statement));
        Assert.Equal(BankLineStatus.Applied, line.Status);
        var receipt = await api.GetAsync<ReceiptView>($"/api/receipts/{line.ReceiptId}");
        Assert.Equal("G0001", receipt.BankReference);
        Assert.Equal(customer.Id, receipt.CustomerId);
        Assert.Equal(Day, receipt.ReceivedOn);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task Undo_ReversesTheReceiptByCounterEntries_TheInvoiceIsOpenAgain_AndTheLineCanBePostedAgain()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("杭州瑞丰科技有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-10), 2_500m);
        var statement = await ImportAsync(api, Line(2_500m, "G0002", invoice.Number, "杭州瑞丰科技有限公司"));
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });
        var line = Assert.Single(await LinesAsync(api, statement));

        var undone = await api.PostOkAsync<BankStatementLineView>($"/api/bank-statements/lines/{line.Id}/undo", new UndoBankLine("Wrong customer"));

        Assert.Equal(BankLineStatus.ToReview, undone.Status);
        Assert.Null(undone.ReceiptId);
        Assert.Equal(2_500m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var original = await api.GetAsync<ReceiptView>($"/api/receipts/{line.ReceiptId}");
        Assert.NotNull(original.ReversedById);
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/bank-statements/lines/{line.Id}/undo", new UndoBankLine()), HttpStatusCode.Conflict);

        var again = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });
        Assert.Equal(1, again.Posted);
        var reposted = Assert.Single(await LinesAsync(api, statement));
        Assert.Equal("G0002/2", (await api.GetAsync<ReceiptView>($"/api/receipts/{reposted.ReceiptId}")).BankReference);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task ALineWithANameTheBankCutShort_WaitsForAPerson_WhoConfirmsIt_AndThePayersAccountIsLearned()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("深圳鹏程电子科技有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-30), 800m);
        var statement = await ImportAsync(api, Line(800m, "G0003", "货款", "深圳鹏程电子科"));

        var matched = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal(0, matched.Sure);
        Assert.Equal(1, matched.ToReview);
        Assert.Equal(0, posted.Posted);
        var line = Assert.Single(await LinesAsync(api, statement));
        Assert.Equal(customer.Id, line.MatchedCustomerId);
        Assert.InRange(line.Confidence!.Value, 1, 94);

        var confirmed = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/lines/{line.Id}/confirm", new ConfirmBankLine(customer.Id));

        Assert.Equal(1, confirmed.Posted);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        await CompanyApi.AssertProblemAsync(
            await api.PostAsync($"/api/bank-statements/lines/{line.Id}/confirm", new ConfirmBankLine(customer.Id)), HttpStatusCode.Conflict);

        // The account that paid is learned: the next payment from it, written the same careless way, applies by itself.
        var next = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-2), 456m);
        var tomorrow = await ImportAsync(api, Line(456m, "G0013", "货款", "深圳鹏程电子科"));
        var again = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{tomorrow}/match", new { });
        Assert.Equal(1, again.Sure);
        Assert.Contains("payer.learnedAccount", Assert.Single(await LinesAsync(api, tomorrow)).Reasons, StringComparison.Ordinal);
        await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{tomorrow}/post", new { });
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{next.Id}")).Open);
    }

    [Fact]
    public async Task ThePaymentReferenceHuikuanPrinted_AloneInTheText_NamesTheInvoice_AndIsPosted()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("合肥振华新能源有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-15), 3_000m);
        var printed = Huikuan.Domain.Ledger.PaymentReference.For(invoice.Number)!;

        var statement = await ImportAsync(api, Line(3_000m, "G0014", printed.ToLowerInvariant(), "个人代付"));
        var matched = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });

        Assert.Equal(1, matched.Sure);
        var line = Assert.Single(await LinesAsync(api, statement));
        Assert.Equal(customer.Id, line.MatchedCustomerId);
        Assert.Contains("payer.reference", line.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmingWithNoAllocations_RecordsTheMoneyAsTheCustomersUnappliedReceipt()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("无锡天成五金有限公司");
        var statement = await ImportAsync(api, Line(300m, "G0004", "预付款", "某某个人"));
        var line = Assert.Single(await LinesAsync(api, statement));

        var confirmed = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/lines/{line.Id}/confirm", new ConfirmBankLine(customer.Id, []));

        Assert.Equal(1, confirmed.Posted);
        var receipt = await api.GetAsync<ReceiptView>($"/api/receipts/{(await LinesAsync(api, statement))[0].ReceiptId}");
        Assert.Equal(300m, receipt.Unapplied);
    }

    [Fact]
    public async Task ConfirmingMoreThanTheLine_OrAnotherCompanysCustomer_IsRefused()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("成都博远软件有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-5), 5_000m);
        var statement = await ImportAsync(api, Line(1_000m, "G0005", invoice.Number, "成都博远软件有限公司"));
        var line = Assert.Single(await LinesAsync(api, statement));
        var other = await (await app.NewCompanyAsync()).CustomerAsync("成都博远软件有限公司");

        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/bank-statements/lines/{line.Id}/confirm",
            new ConfirmBankLine(customer.Id, [new ConfirmAllocation(invoice.Installments[0].Id, 1_000.01m)])), HttpStatusCode.UnprocessableEntity, "allocations");
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/bank-statements/lines/{line.Id}/confirm",
            new ConfirmBankLine(other.Id)), HttpStatusCode.UnprocessableEntity, "customerId");
        Assert.Equal(5_000m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }

    [Fact]
    public async Task AReceiptAlreadyTypedInWithTheLinesBankReference_IsNotRecordedTwice()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("南京华信物流有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-20), 600m);
        var byHand = await api.RecordReceiptAsync(customer.Id, Day, 600m, bankReference: "G0006");
        var statement = await ImportAsync(api, Line(600m, "G0006", invoice.Number, "南京华信物流有限公司"));
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });

        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal(0, posted.Posted);
        var skipped = Assert.Single(posted.Skipped);
        Assert.Equal("bankLine.alreadyRecorded", skipped.Code);
        Assert.Contains(byHand.Number, skipped.Message, StringComparison.Ordinal);
        Assert.Equal(600m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }

    [Fact]
    public async Task TwoPeoplePostingTheSameStatementAtOnce_PostEachLineOnce()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var lines = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var customer = await api.CustomerAsync($"并发测试{i}号贸易有限公司");
            var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-3), 100m + i);
            lines.Add(Line(100m + i, $"R{i:D4}", invoice.Number, $"并发测试{i}号贸易有限公司"));
        }
        var statement = await ImportAsync(api, [.. lines]);
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.PostAsync($"/api/bank-statements/{statement}/post", new { })));

        var posted = 0;
        foreach (var response in results)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            posted += (await response.Content.ReadFromJsonAsync<PostedBankLines>(HuikuanApp.Json))!.Posted;
        }
        Assert.Equal(6, posted);
        Assert.All(await LinesAsync(api, statement), l => Assert.Equal(BankLineStatus.Applied, l.Status));
        Assert.Equal(6, (await api.GetAsync<Page<ReceiptListItem>>("/api/receipts?pageSize=50")).Total);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task TheReceiptsOfAStatement_TakeConsecutiveNumbers_AndTheNextReceiptTypedInFollowsThemWithoutAGap()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var lines = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var customer = await api.CustomerAsync($"连号测试{i}号实业有限公司");
            var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-5), 300m + i);
            lines.Add(Line(300m + i, $"N{i:D4}", invoice.Number, $"连号测试{i}号实业有限公司"));
        }
        var statement = await ImportAsync(api, [.. lines]);
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });

        Assert.Equal(4, (await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { })).Posted);
        var byLine = await LinesAsync(api, statement);
        var numbers = new List<string>();
        foreach (var line in byLine)
        {
            numbers.Add((await api.GetAsync<ReceiptView>($"/api/receipts/{line.ReceiptId}")).Number);
        }
        Assert.Equal(["RC-000001", "RC-000002", "RC-000003", "RC-000004"], numbers);
        var typed = await api.RecordReceiptAsync(byLine[0].MatchedCustomerId!.Value, Day, 10m);
        Assert.Equal("RC-000005", typed.Number);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task MatchingAStatement_IsOneAuditEvent_NotALinePerProposal_WhileApplyingALineIsAudited()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("审计测试贸易有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-5), 800m);
        var statement = await ImportAsync(api, Line(800m, "A0001", invoice.Number, "审计测试贸易有限公司"), Line(55m, "A0002", "往来款", "某某个人"));

        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        var matched = await AuditAsync();
        await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });
        var posted = await AuditAsync();

        Assert.Equal(2, matched.Count(a => a.Action == "bankStatement.matched" && a.EntityId == statement.ToString()));
        Assert.Contains(matched, a => a.Action == "bankStatement.matched" && a.After!.Contains("\"sure\":1", StringComparison.Ordinal));
        Assert.DoesNotContain(matched, a => a.Action == "modified");
        var applied = Assert.Single(await LinesAsync(api, statement), l => l.Status == BankLineStatus.Applied);
        Assert.Single(posted, a => a.Action == "bankStatementLine.applied" && a.EntityId == applied.Id.ToString());
        var change = Assert.Single(posted, a => a.Action == "modified");
        Assert.Equal(applied.Id.ToString(), change.EntityId);
        Assert.Contains(applied.ReceiptId!.Value.ToString(), change.After!, StringComparison.Ordinal);

        Task<List<(string Action, string? EntityId, string? After)>> AuditAsync() => app.WithDbAsync(async db => (await db.AuditEntries.AsNoTracking()
            .Where(a => a.CompanyId == api.Company.Id && (a.Entity == nameof(BankStatementLine) || a.Entity == nameof(BankStatement)))
            .Select(a => new { a.Action, a.EntityId, a.After }).ToListAsync()).Select(a => (a.Action, a.EntityId, a.After)).ToList());
    }

    [Fact]
    public async Task ALinePayingAContractInvoiceLessItsEarlyPaymentDiscount_IsMatchedAtTheDiscountedAmount_AndTheDiscountSettlesTheRest()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("折扣测试设备有限公司");
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", new CreateContract(customer.Id, "设备采购", ContractTests.Signed, 10_000m,
            [new ContractStageInput(StageKind.Delivery, "到货", Percent: 100m, DueDays: 30)], Discount: "2/10 net 30"));
        var reached = await api.PostOkAsync<StageReachedResult>(ContractTests.Reached(contract, 1), new MarkStageReached(Day.AddDays(-6)));
        var invoice = await api.GetAsync<InvoiceView>($"/api/invoices/{reached.InvoiceId}");
        var statement = await ImportAsync(api, Line(9_800m, "D0001", "货款 " + invoice.Number, "折扣测试设备有限公司"));

        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        var line = Assert.Single(await LinesAsync(api, statement));
        var proposal = StoredProposal.FromJson(line.Reasons)!;
        Assert.Equal(customer.Id, proposal.Best!.CustomerId);
        Assert.Contains(proposal.Best.Reasons, r => r.Code == "items.discount");
        Assert.Equal([(invoice.Installments.Single().Id, 980_000L)], proposal.Best.Allocations.Select(a => (a.InstallmentId, a.AmountMinor)));
        if (line.Status != BankLineStatus.Applied)
        {
            await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });
        }
        if (Assert.Single(await LinesAsync(api, statement)).Status != BankLineStatus.Applied)
        {
            await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/lines/{line.Id}/confirm", new ConfirmBankLine(customer.Id));
        }

        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var movements = await api.GetAsync<StatementView>($"/api/customers/{customer.Id}/statement?from=2026-11-01&to=2026-11-30");
        Assert.Equal(200m, Assert.Single(movements.Movements, m => m.Kind == "discount").Credit);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task ABankFeeWithinTheAccountsTolerance_IsPostedAtTheAccountsThreshold_AndTheFeeIsAskedForAsAWriteOff()
    {
        // A named invoice paid less a fee scores 90: this account applies from 90 by itself.
        var (api, _) = await CompanyWithAccountAsync(toleranceAmount: 20m, threshold: 90);
        var customer = await api.CustomerAsync("青岛海纳化工有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-45), 10_000m);
        var statement = await ImportAsync(api, Line(9_985m, "G0008", "货款 " + invoice.Number, "青岛海纳化工有限公司"));
        var matched = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        Assert.True(matched.Sure == 1, (await LinesAsync(api, statement))[0].Reasons);

        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal(1, posted.Posted);
        Assert.Equal(1, posted.WriteOffsRequested);
        Assert.Equal(15m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var writeOff = Assert.Single(await api.GetAsync<List<WriteOffView>>($"/api/write-offs?invoiceId={invoice.Id}"));
        Assert.Equal(15m, writeOff.Amount);
        Assert.Contains("手续费", writeOff.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeesOfAStatement_AreAskedForTogether_AndOneAlreadyAskedForIsSaidNotTheOthers()
    {
        var (api, _) = await CompanyWithAccountAsync(toleranceAmount: 20m, threshold: 90);
        var first = await api.CustomerAsync("青岛海纳化工有限公司");
        var second = await api.CustomerAsync("烟台东港物流有限公司");
        var paid = await api.IssueInvoiceAsync(first.Id, Day.AddDays(-45), 10_000m);
        var asked = await api.IssueInvoiceAsync(second.Id, Day.AddDays(-30), 5_000m);
        // The second invoice's last 10.00 is already asked to be written off, by hand, before the bank's line comes.
        await api.PostOkAsync<WriteOffView>("/api/write-offs", new WriteOff(asked.Installments[0].Id, "客户破产", 10m));
        var statement = await ImportAsync(api, Line(9_985m, "F0001", "货款 " + paid.Number, "青岛海纳化工有限公司"),
            Line(4_990m, "F0002", "货款 " + asked.Number, "烟台东港物流有限公司"));
        Assert.Equal(2, (await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { })).Sure);

        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal((2, 1), (posted.Posted, posted.WriteOffsRequested));
        var refused = Assert.Single(posted.Skipped);
        Assert.Equal(1, refused.Index);
        Assert.StartsWith("writeOff.", refused.Code, StringComparison.Ordinal);
        Assert.Equal(15m, Assert.Single(await api.GetAsync<List<WriteOffView>>($"/api/write-offs?invoiceId={paid.Id}")).Amount);
        Assert.Equal(10m, Assert.Single(await api.GetAsync<List<WriteOffView>>($"/api/write-offs?invoiceId={asked.Id}")).Amount);
        Assert.Equal((15m, 10m), ((await api.GetAsync<InvoiceView>($"/api/invoices/{paid.Id}")).Open, (await api.GetAsync<InvoiceView>($"/api/invoices/{asked.Id}")).Open));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task ALineBookedToday_At0730InShanghai_IsPosted_ButALineBookedTomorrowIsNot()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("厦门启明食品有限公司");
        var first = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-9), 70m);
        var second = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-8), 71m);
        var statement = await ImportAsync(api, Line(70m, "G0009", first.Number, "厦门启明食品有限公司"),
            Line(71m, "G0010", second.Number, "厦门启明食品有限公司", Day.AddDays(1)));
        app.Clock.SetShanghai(Day, new TimeOnly(7, 30));
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });

        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal(1, posted.Posted);
        Assert.Equal("bankLine.future", Assert.Single(posted.Skipped).Code);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{first.Id}")).Open);
        Assert.Equal(71m, (await api.GetAsync<InvoiceView>($"/api/invoices/{second.Id}")).Open);
    }

    [Fact]
    public async Task AnotherCompanysStatementAndLines_AreNotFound()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("大连长城重工有限公司");
        var statement = await ImportAsync(api, Line(10m, "G0011", "货款", "大连长城重工有限公司"));
        var line = Assert.Single(await LinesAsync(api, statement));
        var intruder = await app.NewCompanyAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/bank-statements/{statement}/match", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/bank-statements/{statement}/post", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/bank-statements/lines/{line.Id}/confirm", new ConfirmBankLine(customer.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/bank-statements/lines/{line.Id}/undo", new UndoBankLine())).StatusCode);
    }

    [Fact]
    public async Task AChinaMerchantsBankCsvExport_InGb18030_IsImported_Matched_AndPosted()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("温州嘉禾纺织有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-25), 12_345.67m);
        var statement = new GenStatement("S1", Account, "CN00" + Account, "CMBCCNBS", "CNY", Day, 1_000_000,
        [
            new GenStatementLine(0, Day, 1_234_567, "温州嘉禾纺织有限公司", "6222600011112222", "货款 " + invoice.Number, "G20261120001",
                PayerBehaviour.ExactReference, 0, []),
            new GenStatementLine(1, Day, -1_500, "本行", null, "手续费", "G20261120002", PayerBehaviour.Unrelated, null, []),
        ]);
        using var file = new MemoryStream();
        StatementWriters.WriteCmbCsv(statement, file);

        var response = await BankFiles.UploadAsync(api, file.ToArray(), "招商银行交易明细.csv");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var import = (await response.Content.ReadFromJsonAsync<BankStatementImport>(HuikuanApp.Json))!;
        var id = Assert.Single(import.Statements).Id!.Value;
        var matched = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{id}/match", new { });
        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{id}/post", new { });

        Assert.Equal("Table", import.Format);
        Assert.Equal(2, import.NewLines);
        Assert.Equal(1, matched.Sure);
        Assert.Equal(1, matched.NotIncoming);
        Assert.Equal(1, posted.Posted);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var again = await BankFiles.UploadAsync(api, file.ToArray(), "again.csv");
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<BankStatementImport>(HuikuanApp.Json))!.NewLines);
    }

    [Fact]
    public async Task AMinshengBankExcelExport_IntoTheChosenAccount_IsImported_WithDatesAndAmountsAsTheCellsShowThem()
    {
        var (api, account) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("佛山安达五金有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-12), 1_234.56m);
        var workbook = Import.ImportFiles.Xlsx(
        [
            new Dictionary<string, object?>
            {
                ["交易日期"] = Day.ToDateTime(TimeOnly.MinValue), ["主机交易流水号"] = "31220261120000001", ["借方发生额"] = null,
                ["贷方发生额"] = 1_234.56m, ["账户余额"] = 101_234.56m, ["凭证号"] = "", ["摘要"] = "货款 " + invoice.Number,
                ["对方账号"] = "6226090000001234", ["对方账号名称"] = "佛山安达五金有限公司", ["对方开户行"] = "中国民生银行佛山分行", ["交易时间"] = "10:15:00",
            },
        ]);

        var response = await BankFiles.UploadAsync(api, workbook, "民生银行交易明细.xlsx", account.Id);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var id = Assert.Single((await response.Content.ReadFromJsonAsync<BankStatementImport>(HuikuanApp.Json))!.Statements).Id!.Value;

        var line = Assert.Single(await LinesAsync(api, id));
        Assert.Equal(1_234.56m, line.Amount);
        Assert.Equal(Day, line.BookingDate);
        Assert.Equal("31220261120000001", line.BankReference);
        Assert.Equal(1, (await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{id}/match", new { })).Sure);
    }

    [Fact]
    public async Task ANameGivenToACustomerBetweenTwoMatches_IsFoundOnTheNext_AndANameTakenAwayIsNot_WhileUnchangedNamesAreNotReadAgain()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("西安启明软件有限公司");
        await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-20), 640m);
        var statement = await ImportAsync(api, Line(640m, "G0031", "货款", "启明软件西安"));
        var cache = app.Services.GetRequiredService<PayerNameIndexCache>();

        var before = await MatchedCustomerAsync(api, statement);
        var builds = cache.Builds;
        Assert.Equal(before, await MatchedCustomerAsync(api, statement));
        Assert.Equal(builds, cache.Builds);

        // The bank's spelling, entered as the customer's other name: the same line now names it exactly.
        var alias = await api.PostOkAsync<CustomerAliasView>($"/api/customers/{customer.Id}/aliases", new AddCustomerAlias("启明软件西安", CustomerAliasKind.BankName));
        var line = Assert.Single(await RematchAsync(api, statement));
        Assert.Equal(customer.Id, line.MatchedCustomerId);
        Assert.Contains("\"payer.name\",\"arguments\":[\"100\"]", line.Reasons, StringComparison.Ordinal);
        Assert.Equal(builds + 1, cache.Builds);

        // A customer added since, whose name the line carries, is found too; the alias removed no longer names the first.
        var response = await api.Http.DeleteAsync(new Uri($"/api/customers/{customer.Id}/aliases/{alias.Id}", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var other = await api.CustomerAsync("启明软件西安有限公司");
        line = Assert.Single(await RematchAsync(api, statement));
        Assert.Equal(other.Id, line.MatchedCustomerId);
        Assert.Equal(builds + 2, cache.Builds);
    }

    [Fact]
    public async Task ALineSettledWhileItsStatementIsBeingMatched_KeepsWhatThePersonDid_AndTheOthersTakeTheirProposals()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("大连安达物流有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-12), 900m);
        var statement = await ImportAsync(api,
            Line(900m, "G0041", invoice.Number, "大连安达物流有限公司"), Line(12m, "G0042", "利息", "银行"), Line(77m, "G0043", "货款", "大连安达物流"));
        var lines = await LinesAsync(api, statement);
        // The matching read the three open lines; before it stores its proposals, one is marked not receivables.
        await api.PostOkAsync<BankStatementLineView>($"/api/bank-statements/lines/{lines[1].Id}/not-receivables", new { });

        var proposal = new StoredProposal(null, [], []).ToJson();
        var taken = await app.WithDbAsync(db => LineProposals.StoreAsync(db, api.Company.Id,
            [.. lines.Select(l => new StoredLineProposal(l.Id, customer.Id, 60, proposal, BankLineStatus.ToReview))], CancellationToken.None));

        Assert.Equal(2, taken);
        var after = await LinesAsync(api, statement);
        Assert.Equal([BankLineStatus.ToReview, BankLineStatus.NotReceivables, BankLineStatus.ToReview], after.Select(l => l.Status));
        Assert.Equal([customer.Id, null, customer.Id], after.Select(l => l.MatchedCustomerId));
        Assert.Equal(60, after[2].Confidence);

        // Another company's lines are out of reach, whatever ids are given.
        var stranger = await app.NewCompanyAsync();
        Assert.Equal(0, await app.WithDbAsync(db => LineProposals.StoreAsync(db, stranger.Company.Id,
            [new StoredLineProposal(lines[0].Id, null, 0, proposal, BankLineStatus.Unmatched)], CancellationToken.None)));
        Assert.Equal(customer.Id, (await LinesAsync(api, statement))[0].MatchedCustomerId);
    }

    [Fact]
    public async Task TwoLinesPayingTheSameInvoiceInFull_PostTheFirst_AndTheSecondIsSaidToHaveChanged_WithOtherLinesOfTheBatchPosted()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("福州和信电子有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-30), 1_000m);
        var other = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-20), 250m);
        var statement = await ImportAsync(api, Line(1_000m, "G0051", invoice.Number, "福州和信电子有限公司"),
            Line(250m, "G0052", other.Number, "福州和信电子有限公司"), Line(1_000m, "G0053", "再付 " + invoice.Number, "福州和信电子有限公司"));
        var matched = await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        Assert.Equal(3, matched.Sure);

        // Together the lines would take 2,000.00 off an invoice of 1,000.00: the batch is refused and posted line by line.
        var posted = await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/{statement}/post", new { });

        Assert.Equal(2, posted.Posted);
        var skipped = Assert.Single(posted.Skipped);
        Assert.Equal("bankLine.changed", skipped.Code);
        Assert.Equal(2, skipped.Index);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{other.Id}")).Open);
        Assert.Equal([BankLineStatus.Applied, BankLineStatus.Applied, BankLineStatus.ToReview], (await LinesAsync(api, statement)).Select(l => l.Status));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task AnUploadThroughTheApiAskingToApply_IsImportedMatchedAndPostedInOneCall_AndSaysWhatIsLeftForAPerson()
    {
        var (api, _) = await CompanyWithAccountAsync();
        var customer = await api.CustomerAsync("郑州长城化工有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-25), 1_200m);
        var file = Statement(Line(1_200m, "G0061", "货款 " + invoice.Number, "郑州长城化工有限公司"), Line(88m, "G0062", "货款", "郑州长城化"),
            Line(15m, "G0063", "利息", "银行"));

        // A value that is not true or false is refused before anything is imported.
        await CompanyApi.AssertProblemAsync(await BankFiles.UploadAsync(api, file, "statement.sta", apply: "yes"), HttpStatusCode.UnprocessableEntity, "apply");
        Assert.Empty((await api.GetAsync<Page<BankStatementView>>("/api/bank-statements")).Items);

        var response = await BankFiles.UploadAsync(api, file, "statement.sta", apply: "true");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var import = (await response.Content.ReadFromJsonAsync<BankStatementImport>(HuikuanApp.Json))!;

        Assert.Equal(3, import.NewLines);
        var applied = Assert.IsType<ImportApplied>(import.Applied);
        Assert.Equal((3, 1, 1, 1), (applied.Matched, applied.Posted, applied.ToReview, applied.Unmatched));
        Assert.Empty(applied.Skipped);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);

        // Without it, the upload imports only (what the same file, now known, shows too).
        var again = await BankFiles.ImportOkAsync(api, file, "statement.sta");
        Assert.Null(again.Applied);
        Assert.Equal(3, again.KnownLines);
    }

    private static async Task<Guid?> MatchedCustomerAsync(CompanyApi api, Guid statement) =>
        Assert.Single(await RematchAsync(api, statement)).MatchedCustomerId;

    private static async Task<IReadOnlyList<BankStatementLineView>> RematchAsync(CompanyApi api, Guid statement)
    {
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        return await LinesAsync(api, statement);
    }

    private async Task<(CompanyApi Api, BankAccountView Account)> CompanyWithAccountAsync(decimal toleranceAmount = 0m, int threshold = 95)
    {
        app.Clock.SetShanghai(Day, new TimeOnly(10, 0));
        var api = await app.NewCompanyAsync();
        var account = await api.PostOkAsync<BankAccountView>("/api/bank-accounts",
            new SaveBankAccount("基本户 Main account", "中国民生银行", Account, "CNY", threshold, ToleranceAmount: toleranceAmount));
        return (api, account);
    }

    /// <summary>One :61:/:86: pair of an MT940 statement: money in, the bank's reference, the purpose and the payer.</summary>
    private static string Line(decimal amount, string reference, string purpose, string payer, DateOnly? booked = null)
    {
        var day = booked ?? Day;
        return ":61:" + day.ToString("yyMMdd", CultureInfo.InvariantCulture) + day.ToString("MMdd", CultureInfo.InvariantCulture) + "C"
            + amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + "NTRFNONREF//" + reference + "\r\n"
            + ":86:166?00转账收入?20" + purpose + "?31" + PayerAccount(payer) + "?32" + payer + "\r\n";
    }

    /// <summary>The payer's own account: the same for the same payer.</summary>
    private static string PayerAccount(string payer) => "6228" + string.Concat(payer.Select(c => (char)('0' + (c % 10))));

    /// <summary>An MT940 statement of the account with these lines, its closing balance their sum.</summary>
    private static byte[] Statement(params string[] lines)
    {
        var total = lines.Sum(l => decimal.Parse(l[15..l.IndexOf('N', 15)].Replace(',', '.'), CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetBytes(":20:STMT\r\n:25:" + Account + "\r\n:28C:1/1\r\n:60F:C" + Day.ToString("yyMMdd", CultureInfo.InvariantCulture) + "CNY0,00\r\n"
            + string.Concat(lines)
            + ":62F:C" + Day.ToString("yyMMdd", CultureInfo.InvariantCulture) + "CNY" + total.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + "\r\n-\r\n");
    }

    private static async Task<Guid> ImportAsync(CompanyApi api, params string[] lines)
    {
        var response = await BankFiles.UploadAsync(api, Statement(lines), "statement.sta");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var import = (await response.Content.ReadFromJsonAsync<BankStatementImport>(HuikuanApp.Json))!;
        return Assert.Single(import.Statements).Id!.Value;
    }

    private static async Task<IReadOnlyList<BankStatementLineView>> LinesAsync(CompanyApi api, Guid statement) =>
        (await api.GetAsync<BankStatementDetail>($"/api/bank-statements/{statement}?pageSize=100")).Lines.Items;
}

public sealed class StatementMatchingTestsOnSqlite(SqliteApp app) : StatementMatchingTests(app), IClassFixture<SqliteApp>;

public sealed class StatementMatchingTestsOnPostgres(PostgresApp app) : StatementMatchingTests(app), IClassFixture<PostgresApp>;
