using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Domain.Contracts;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Contracts;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Contracts;

/// <summary>Contracts, their payment stages and billing (R6, R8). Today is 2026-11-23 in these tests.</summary>
public abstract class ContractTests(HuikuanApp app)
{
    internal static readonly DateOnly Signed = new(2026, 9, 1);

    /// <summary>An IT project of 100,000.00: 30 % advance (pay in 10 days), 60 % acceptance (30 days), 10 % retention after 12 months.</summary>
    internal static CreateContract Project(Guid customerId, BillingMode mode = BillingMode.Invoice) =>
        new(customerId, "ERP 实施项目", Signed, 100_000m,
            [
                new ContractStageInput(StageKind.Advance, "预付款", Percent: 30m, DueDays: 10),
                new ContractStageInput(StageKind.Acceptance, "验收", Percent: 60m, DueDays: 30),
                new ContractStageInput(StageKind.Retention, "质保金", Percent: 10m),
            ],
            BillingMode: mode, InterestDailyRatePercent: 0.05m, InterestGraceDays: 5, Discount: "2/10 net 30", WarrantyMonths: 12);

    internal static string Reached(ContractView c, int sequence) => $"/api/contracts/{c.Id}/stages/{c.Stages.Single(s => s.Sequence == sequence).Id}/reached";

    [Fact]
    public async Task StagesThatDoNotAddUpToTheTotal_AreRefused_AndNothingIsSaved()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var short90 = Project(customer.Id) with
        {
            Stages = [new ContractStageInput(StageKind.Advance, "预付款", Percent: 30m), new ContractStageInput(StageKind.Delivery, "到货", Percent: 60m)],
        };
        var byAmount = Project(customer.Id) with
        {
            Stages = [new ContractStageInput(StageKind.Advance, "预付款", Amount: 30_000m), new ContractStageInput(StageKind.Delivery, "到货", Amount: 69_999.99m)],
        };

        var problem = await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/contracts", short90), HttpStatusCode.UnprocessableEntity, "stages");
        Assert.Contains("90", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        problem = await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/contracts", byAmount), HttpStatusCode.UnprocessableEntity, "stages");
        Assert.Contains("99999.99", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await api.GetAsync<List<ContractListItem>>("/api/contracts"));
    }

    [Fact]
    public async Task ThirdsOfATotal_AddUpExactly_TheLastStageCarryingTheOddCent()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var thirds = Project(customer.Id) with
        {
            Total = 100m, WarrantyMonths = null,
            Stages = [.. Enumerable.Range(1, 3).Select(i => new ContractStageInput(StageKind.Other, $"第{i}期", Percent: i == 3 ? 33.34m : 33.33m))],
        };

        var c = await api.PostOkAsync<ContractView>("/api/contracts", thirds);

        Assert.Equal([33.33m, 33.33m, 33.34m], c.Stages.Select(s => s.Amount));
        Assert.StartsWith("CT-", c.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkingAStageReached_RaisesItsInvoice_ForTheStageAmount_DueItsDaysLater()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", Project(customer.Id));

        var result = await api.PostOkAsync<StageReachedResult>(Reached(contract, 1), new MarkStageReached(new DateOnly(2026, 11, 2), "预付款通知书"));

        Assert.False(result.BillingRequested);
        var invoice = await api.GetAsync<InvoiceView>($"/api/invoices/{result.InvoiceId}");
        Assert.Equal((30_000m, new DateOnly(2026, 11, 2), contract.Number), (invoice.Total, invoice.InvoiceDate, invoice.Reference));
        Assert.Equal(new DateOnly(2026, 11, 12), invoice.Installments.Single().DueDate);
        var stage = result.Contract.Stages.Single(s => s.Sequence == 1);
        Assert.Equal(("invoiced", invoice.Number, "预付款通知书"), (stage.State, stage.InvoiceNumber, stage.Evidence));
        Assert.Equal(30_000m, result.Contract.Invoiced);
        // Reached twice is refused; the invoice is not raised again.
        await CompanyApi.AssertProblemAsync(await api.PostAsync(Reached(contract, 1), new MarkStageReached()), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Retention_FallsDueTheWarrantyPeriodAfterAcceptance_AndNotBeforeAcceptanceIsReached()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", Project(customer.Id));

        await CompanyApi.AssertProblemAsync(await api.PostAsync(Reached(contract, 3), new MarkStageReached()), HttpStatusCode.UnprocessableEntity, "stageId");
        var acceptance = await api.PostOkAsync<StageReachedResult>(Reached(contract, 2), new MarkStageReached(new DateOnly(2026, 11, 10)));
        var retention = await api.PostOkAsync<StageReachedResult>(Reached(contract, 3), new MarkStageReached(new DateOnly(2026, 11, 20)));

        var accepted = await api.GetAsync<InvoiceView>($"/api/invoices/{acceptance.InvoiceId}");
        var held = await api.GetAsync<InvoiceView>($"/api/invoices/{retention.InvoiceId}");
        Assert.Equal((60_000m, new DateOnly(2026, 12, 10)), (accepted.Total, accepted.Installments.Single().DueDate));
        Assert.Equal((10_000m, new DateOnly(2027, 11, 10)), (held.Total, held.Installments.Single().DueDate));
    }

    [Fact]
    public async Task ASalespersonsReachedStage_IsABillingRequest_CountedInExposure_UntilTheAccountantInvoicesIt()
    {
        var api = await app.NewCompanyAsync();
        var owner = await api.SalespersonAsync("S1", "王销售");
        var customer = await api.CustomerAsync(salespersonId: owner.Id);
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", Project(customer.Id));
        var sales = await api.AsNewUserAsync(Role.Salesperson, owner.Id);

        var result = await sales.PostOkAsync<StageReachedResult>(Reached(contract, 1), new MarkStageReached(new DateOnly(2026, 11, 20), "到账通知"));

        Assert.True(result.BillingRequested);
        Assert.Null(result.InvoiceId);
        var unbilled = Assert.Single(await api.GetAsync<List<UnbilledStageView>>("/api/contracts/unbilled"));
        Assert.Equal((contract.Number, 30_000m, 3), (unbilled.ContractNumber, unbilled.Amount, unbilled.DaysWaiting));
        var standing = await api.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");
        Assert.Equal((30_000m, 0m, 30_000m), (standing.UnbilledMilestones, standing.OpenReceivables, standing.Exposure));
        // The salesperson may not post; the accountant's one click does.
        await CompanyApi.AssertProblemAsync(await sales.PostAsync($"/api/contracts/stages/{unbilled.StageId}/invoice", new BillStage()), HttpStatusCode.Forbidden);
        var accountant = await api.AsNewUserAsync(Role.Accountant);
        var invoice = await accountant.PostOkAsync<InvoiceView>($"/api/contracts/stages/{unbilled.StageId}/invoice", new BillStage());

        Assert.Equal((30_000m, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)), (invoice.Total, invoice.InvoiceDate, invoice.Installments.Single().DueDate));
        Assert.Empty(await api.GetAsync<List<UnbilledStageView>>("/api/contracts/unbilled"));
        standing = await api.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");
        Assert.Equal((0m, 30_000m, 30_000m), (standing.UnbilledMilestones, standing.OpenReceivables, standing.Exposure));
        await CompanyApi.AssertProblemAsync(await accountant.PostAsync($"/api/contracts/stages/{unbilled.StageId}/invoice", new BillStage()), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AContract_KeepsItsClauses_AndIsCompletedOnlyOnceEveryStageIsInvoiced()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var request = Project(customer.Id) with
        {
            AcceptedMethods = [Huikuan.Domain.Ledger.ReceiptMethod.BankAcceptanceDraft, Huikuan.Domain.Ledger.ReceiptMethod.BankTransfer],
        };
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", request);

        Assert.Equal((0.05m, 5, "2/10 net 30", 12), (contract.InterestDailyRatePercent, contract.InterestGraceDays, contract.Discount, contract.WarrantyMonths));
        Assert.Equal(["BankTransfer", "BankAcceptanceDraft"], contract.AcceptedMethods);
        Assert.Equal(ContractStatus.Active, contract.Status);
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/contracts/{contract.Id}/status", new ChangeContractStatus(ContractStatus.Completed)),
            HttpStatusCode.UnprocessableEntity, "status");
        await api.PostOkAsync<StageReachedResult>(Reached(contract, 1), new MarkStageReached(new DateOnly(2026, 11, 2)));
        await api.PostOkAsync<StageReachedResult>(Reached(contract, 2), new MarkStageReached(new DateOnly(2026, 11, 3)));
        await api.PostOkAsync<StageReachedResult>(Reached(contract, 3), new MarkStageReached(new DateOnly(2026, 11, 4)));

        var completed = await api.PostOkAsync<ContractView>($"/api/contracts/{contract.Id}/status", new ChangeContractStatus(ContractStatus.Completed));

        Assert.Equal((ContractStatus.Completed, 100_000m), (completed.Status, completed.Invoiced));
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/contracts/{contract.Id}/status", new ChangeContractStatus(ContractStatus.Cancelled)),
            HttpStatusCode.UnprocessableEntity, "status");
    }

    [Fact]
    public async Task AnotherOwnersContract_IsNotFound_ForASalesperson()
    {
        var api = await app.NewCompanyAsync();
        var mine = await api.SalespersonAsync("S1", "Mine");
        var theirs = await api.SalespersonAsync("S2", "Theirs");
        var customer = await api.CustomerAsync(salespersonId: theirs.Id);
        var contract = await api.PostOkAsync<ContractView>("/api/contracts", Project(customer.Id));
        var sales = await api.AsNewUserAsync(Role.Salesperson, mine.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri($"/api/contracts/{contract.Id}", UriKind.Relative))).StatusCode);
        Assert.Empty(await sales.GetAsync<List<ContractListItem>>("/api/contracts"));
    }
}

public sealed class ContractTestsOnSqlite(SqliteApp app) : ContractTests(app), IClassFixture<SqliteApp>;

public sealed class ContractTestsOnPostgres(PostgresApp app) : ContractTests(app), IClassFixture<PostgresApp>;
