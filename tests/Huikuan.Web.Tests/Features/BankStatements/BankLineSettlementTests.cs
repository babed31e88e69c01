using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Features.BankStatements.Matching;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>
/// The reconciliation page's calls: the lines counted per status with their candidates by name, many lines confirmed in
/// one request (each on its own, a refusal never stopping the rest), and several payments applied to one invoice.
/// </summary>
public abstract class BankLineSettlementTests(HuikuanApp app)
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private const string Account = "6222020000445566";

    [Fact]
    public async Task TheStatementCountsItsLinesPerStatus_AndNamesEachCandidatesCustomerAndInvoices()
    {
        var api = await CompanyAsync();
        var sure = await api.CustomerAsync("上海明达贸易有限公司");
        var sureInvoice = await api.IssueInvoiceAsync(sure.Id, Day.AddDays(-30), 1_000m);
        var partial = await api.CustomerAsync("苏州华茂纺织有限公司");
        var partialInvoice = await api.IssueInvoiceAsync(partial.Id, Day.AddDays(-20), 800m);
        var statement = await ImportAsync(api, ("G1", 1_000m, "货款 " + sureInvoice.Number), ("G2", 300m, "部分货款 " + partialInvoice.Number),
            ("G3", 77m, "往来款"), ("G4", -35m, "手续费"));
        await api.PostOkAsync<StatementMatchResult>($"/api/bank-statements/{statement}/match", new { });
        var all = await DetailAsync(api, statement);
        await api.PostOkAsync<PostedBankLines>($"/api/bank-statements/lines/{all.Lines.Items[0].Id}/confirm", new ConfirmBankLine(sure.Id));
        var fee = all.Lines.Items.Single(l => l.Amount < 0);
        await api.PostOkAsync<BankStatementLineView>($"/api/bank-statements/lines/{fee.Id}/not-receivables", new { });

        var detail = await DetailAsync(api, statement);
        var toReview = await DetailAsync(api, statement, BankLineStatus.ToReview);

        Assert.Equal(1, detail.Counts.Applied);
        Assert.Equal(1, detail.Counts.NotReceivables);
        Assert.Equal(2, detail.Counts.ToReview + detail.Counts.Unmatched);
        Assert.Equal(detail.Counts, toReview.Counts);
        Assert.All(toReview.Lines.Items, l => Assert.Equal(BankLineStatus.ToReview, l.Status));
        Assert.Equal(detail.Counts.ToReview, toReview.Lines.Total);
        var applied = detail.Lines.Items.Single(l => l.Status == BankLineStatus.Applied);
        var appliedProposal = detail.Proposals.Single(p => p.LineId == applied.Id);
        Assert.Equal(sure.Name, appliedProposal.CustomerName);
        Assert.Equal((await api.GetAsync<ReceiptView>($"/api/receipts/{applied.ReceiptId}")).Number, appliedProposal.ReceiptNumber);
        Assert.Null(appliedProposal.Best);
        var named = detail.Proposals.Single(p => p.LineId == detail.Lines.Items.Single(l => l.Amount == 300m).Id).Best;
        Assert.NotNull(named);
        Assert.Equal(partial.Name, named.CustomerName);
        Assert.Equal(partial.Code, named.CustomerCode);
        var allocation = Assert.Single(named.Allocations);
        Assert.Equal(partialInvoice.Number, allocation.InvoiceNumber);
        Assert.Equal(300m, allocation.Amount);
        Assert.NotEmpty(named.Reasons);
    }

    [Fact]
    public async Task ConfirmingManyLines_PostsEachThatHolds_AndSaysForEveryOtherWhyNot_WithoutStoppingAtTheFirst()
    {
        var api = await CompanyAsync();
        var first = await api.CustomerAsync("天津远洋物流有限公司");
        var firstInvoice = await api.IssueInvoiceAsync(first.Id, Day.AddDays(-15), 400m);
        var second = await api.CustomerAsync("重庆山城机械有限公司");
        var secondInvoice = await api.IssueInvoiceAsync(second.Id, Day.AddDays(-15), 250m);
        var statement = await ImportAsync(api, ("B1", 999m, "多付"), ("B2", 400m, "货款"), ("B3", 250m, "货款"), ("B4", -20m, "手续费"),
            ("B5", 120m, "预付款"));
        var lines = (await DetailAsync(api, statement)).Lines.Items;
        var (tooMuch, pays, unapplied, outgoing, advance) = (lines[0], lines[1], lines[2], lines[3], lines[4]);
        var otherStatement = (await DetailAsync(api, await ImportAsync(api, Account + "9", ("X1", 50m, "另一账户")))).Lines.Items[0];
        var intruder = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(intruder, Account);
        var foreign = (await DetailAsync(intruder, await ImportAsync(intruder, ("F1", 60m, "别家公司")))).Lines.Items[0];

        var outcome = await api.PostOkAsync<BankLinesOutcome>("/api/bank-statements/lines/confirm", new ConfirmBankLines(statement,
        [
            new ConfirmLine(tooMuch.Id, first.Id, [new ConfirmAllocation(firstInvoice.Installments[0].Id, 400.01m)]),
            new ConfirmLine(pays.Id, first.Id, [new ConfirmAllocation(firstInvoice.Installments[0].Id, 400m)]),
            new ConfirmLine(unapplied.Id, second.Id, []),
            new ConfirmLine(outgoing.Id, second.Id, []),
            new ConfirmLine(otherStatement.Id, second.Id, []),
            new ConfirmLine(foreign.Id, second.Id, []),
            new ConfirmLine(pays.Id, first.Id, [new ConfirmAllocation(firstInvoice.Installments[0].Id, 400m)]),
            new ConfirmLine(advance.Id, first.Id, [new ConfirmAllocation(secondInvoice.Installments[0].Id, 100m)]),
        ]));

        Assert.Equal(2, outcome.Posted);
        Assert.Equal(6, outcome.Refused);
        Assert.Equal(
            ["bankLine.exceedsOpen", null, null, "bankLine.notIncoming", "bankLine.otherStatement", "bankLine.notFound", "bankLine.listedTwice",
                "bankLine.allocationCustomer"],
            outcome.Lines.Select(l => l.Code));
        Assert.Equal([false, true, true, false, false, false, false, false], outcome.Lines.Select(l => l.Posted));
        Assert.Contains("400.01", outcome.Lines[0].Message, StringComparison.Ordinal);
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{firstInvoice.Id}")).Open);
        Assert.Equal(250m, (await api.GetAsync<InvoiceView>($"/api/invoices/{secondInvoice.Id}")).Open);
        var after = (await DetailAsync(api, statement)).Lines.Items;
        Assert.Equal([BankLineStatus.Unmatched, BankLineStatus.Applied, BankLineStatus.Applied, BankLineStatus.Unmatched, BankLineStatus.Unmatched],
            after.Select(l => l.Status));
        Assert.Equal(250m, (await api.GetAsync<ReceiptView>($"/api/receipts/{after[2].ReceiptId}")).Unapplied);
        Assert.Equal(BankLineStatus.Unmatched, (await DetailAsync(intruder, foreign.StatementId)).Lines.Items[0].Status);

        // Once applied, a line confirmed again is refused as settled; the rest of the request still goes through.
        var again = await api.PostOkAsync<BankLinesOutcome>("/api/bank-statements/lines/confirm", new ConfirmBankLines(statement,
            [new ConfirmLine(pays.Id, first.Id, []), new ConfirmLine(advance.Id, first.Id, [])]));
        Assert.Equal(["bankLine.settled", null], again.Lines.Select(l => l.Code));
        Assert.Equal(1, again.Posted);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task ConfirmingAnotherCompanysStatement_AnEmptyList_OrTooManyLines_IsRefusedAsAWhole()
    {
        var api = await CompanyAsync();
        var customer = await api.CustomerAsync("长沙湘江电器有限公司");
        var statement = await ImportAsync(api, ("C1", 10m, "货款"));
        var line = (await DetailAsync(api, statement)).Lines.Items[0];
        var intruder = await app.NewCompanyAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync("/api/bank-statements/lines/confirm",
            new ConfirmBankLines(statement, [new ConfirmLine(line.Id, customer.Id, [])]))).StatusCode);
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/bank-statements/lines/confirm", new ConfirmBankLines(statement, [])),
            HttpStatusCode.UnprocessableEntity, "lines");
        var many = Enumerable.Range(0, SettleBankLinesHandler.MaxLines + 1).Select(_ => new ConfirmLine(Guid.NewGuid(), customer.Id)).ToList();
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/bank-statements/lines/confirm", new ConfirmBankLines(statement, many)),
            HttpStatusCode.UnprocessableEntity, "lines");
        Assert.Equal(BankLineStatus.Unmatched, (await DetailAsync(api, statement)).Lines.Items[0].Status);
    }

    [Fact]
    public async Task ACollector_ReadsTheCounts_ButMayNotConfirmOrApplyLines()
    {
        var api = await CompanyAsync();
        var customer = await api.CustomerAsync("郑州中原食品有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-25), 100m);
        var statement = await ImportAsync(api, ("K1", 100m, "货款"));
        var line = (await DetailAsync(api, statement)).Lines.Items[0];
        var collector = await api.AsNewUserAsync(Huikuan.Domain.Access.Role.Collector);

        Assert.Equal(1, (await DetailAsync(collector, statement)).Counts.Unmatched);
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PostAsync("/api/bank-statements/lines/confirm",
            new ConfirmBankLines(statement, [new ConfirmLine(line.Id, customer.Id, [])]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.PostAsync("/api/bank-statements/lines/apply-to-invoice",
            new ApplyLinesToInvoice(statement, invoice.Installments[0].Id, [line.Id]))).StatusCode);
        Assert.Equal(BankLineStatus.Unmatched, (await DetailAsync(api, statement)).Lines.Items[0].Status);
        Assert.Equal(100m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }

    [Fact]
    public async Task SeveralLinesToOneInvoice_PayItInOrder_TheRestOfTheLastIsUnapplied_AndALineNotNeededIsLeftAlone()
    {
        var api = await CompanyAsync();
        var customer = await api.CustomerAsync("宁波东海塑料有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-25), 1_000m);
        var statement = await ImportAsync(api, ("D1", 400m, "第一笔"), ("D2", 450m, "第二笔"), ("D3", -5m, "手续费"), ("D4", 300m, "第三笔"),
            ("D5", 200m, "第四笔"));
        var lines = (await DetailAsync(api, statement)).Lines.Items;

        var outcome = await api.PostOkAsync<BankLinesOutcome>("/api/bank-statements/lines/apply-to-invoice",
            new ApplyLinesToInvoice(statement, invoice.Installments[0].Id, [.. lines.Select(l => l.Id)]));

        Assert.Equal(3, outcome.Posted);
        Assert.Equal([400m, 450m, null, 150m, null], outcome.Lines.Select(l => l.Applied));
        Assert.Equal([null, null, "bankLine.notIncoming", null, "bankLine.invoicePaid"], outcome.Lines.Select(l => l.Code));
        Assert.Equal(0m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        var after = (await DetailAsync(api, statement)).Lines.Items;
        Assert.Equal([BankLineStatus.Applied, BankLineStatus.Applied, BankLineStatus.Unmatched, BankLineStatus.Applied, BankLineStatus.Unmatched],
            after.Select(l => l.Status));
        var last = await api.GetAsync<ReceiptView>($"/api/receipts/{after[3].ReceiptId}");
        Assert.Equal(customer.Id, last.CustomerId);
        Assert.Equal(150m, last.Unapplied);
        Assert.True((await api.CheckLedgerAsync()).Ok);

        // A paid installment, or one of another company, takes nothing.
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/bank-statements/lines/apply-to-invoice",
            new ApplyLinesToInvoice(statement, invoice.Installments[0].Id, [after[4].Id])), HttpStatusCode.UnprocessableEntity, "installmentId");
        var intruder = await app.NewCompanyAsync();
        var theirs = await intruder.IssueInvoiceAsync((await intruder.CustomerAsync()).Id, Day.AddDays(-5), 500m);
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/bank-statements/lines/apply-to-invoice",
            new ApplyLinesToInvoice(statement, theirs.Installments[0].Id, [after[4].Id])), HttpStatusCode.UnprocessableEntity, "installmentId");
        Assert.Equal(500m, (await intruder.GetAsync<InvoiceView>($"/api/invoices/{theirs.Id}")).Open);
    }

    [Fact]
    public async Task ALineInAnotherCurrency_IsNotAppliedToTheInvoice()
    {
        var api = await CompanyAsync();
        await BankFiles.AccountAsync(api, Account + "7", "USD");
        var customer = await api.CustomerAsync("厦门鹭岛进出口有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-25), 1_000m);
        var statement = await ImportAsync(api, Account + "7", "USD", ("U1", 100m, "USD wire"));
        var line = (await DetailAsync(api, statement)).Lines.Items[0];

        var outcome = await api.PostOkAsync<BankLinesOutcome>("/api/bank-statements/lines/apply-to-invoice",
            new ApplyLinesToInvoice(statement, invoice.Installments[0].Id, [line.Id]));

        Assert.Equal("bankLine.allocationCurrency", Assert.Single(outcome.Lines).Code);
        Assert.Equal(1_000m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }

    [Fact]
    public async Task TwoRequestsAtOnceOnTheSameLine_ApplyItOnce()
    {
        var api = await CompanyAsync();
        var customer = await api.CustomerAsync("武汉九州医药有限公司");
        var invoice = await api.IssueInvoiceAsync(customer.Id, Day.AddDays(-25), 3_000m);
        var statement = await ImportAsync(api, ("E1", 1_000m, "货款"));
        var line = (await DetailAsync(api, statement)).Lines.Items[0];
        var confirm = new ConfirmBankLines(statement, [new ConfirmLine(line.Id, customer.Id, [new ConfirmAllocation(invoice.Installments[0].Id, 1_000m)])]);
        var apply = new ApplyLinesToInvoice(statement, invoice.Installments[0].Id, [line.Id]);

        var responses = await Task.WhenAll(
            api.PostAsync("/api/bank-statements/lines/confirm", confirm), api.PostAsync("/api/bank-statements/lines/apply-to-invoice", apply),
            api.PostAsync("/api/bank-statements/lines/confirm", confirm), api.PostAsync("/api/bank-statements/lines/apply-to-invoice", apply));

        var posted = 0;
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var outcome = (await response.Content.ReadFromJsonAsync<BankLinesOutcome>(HuikuanApp.Json))!;
            posted += outcome.Posted;
            Assert.All(outcome.Lines.Where(l => !l.Posted), l => Assert.True(l.Code is "bankLine.settled" or "bankLine.taken" or "bankLine.alreadyRecorded", l.Code));
        }
        Assert.Equal(1, posted);
        Assert.Equal(2_000m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal(1, (await api.GetAsync<Page<ReceiptListItem>>("/api/receipts?pageSize=50")).Total);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    private async Task<CompanyApi> CompanyAsync()
    {
        app.Clock.SetShanghai(Day, new TimeOnly(10, 0));
        var api = await app.NewCompanyAsync();
        await BankFiles.AccountAsync(api, Account);
        await BankFiles.AccountAsync(api, Account + "9");
        return api;
    }

    private static Task<Guid> ImportAsync(CompanyApi api, params (string Reference, decimal Amount, string Text)[] lines) =>
        ImportAsync(api, Account, "CNY", lines);

    private static Task<Guid> ImportAsync(CompanyApi api, string account, params (string Reference, decimal Amount, string Text)[] lines) =>
        ImportAsync(api, account, "CNY", lines);

    private static async Task<Guid> ImportAsync(CompanyApi api, string account, string currency, params (string Reference, decimal Amount, string Text)[] lines)
    {
        var day = Day.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var file = BankFiles.Mt940(account, currency, 0m, [.. lines.Select(l => (day, l.Amount, l.Reference, l.Text))]);
        var import = await BankFiles.ImportOkAsync(api, file, "statement.sta");
        return Assert.Single(import.Statements).Id!.Value;
    }

    private static Task<BankStatementDetail> DetailAsync(CompanyApi api, Guid statement, BankLineStatus? status = null) =>
        api.GetAsync<BankStatementDetail>($"/api/bank-statements/{statement}?pageSize=100" + (status is { } s ? "&status=" + s : ""));
}

public sealed class BankLineSettlementTestsOnSqlite(SqliteApp app) : BankLineSettlementTests(app), IClassFixture<SqliteApp>;

public sealed class BankLineSettlementTestsOnPostgres(PostgresApp app) : BankLineSettlementTests(app), IClassFixture<PostgresApp>;
