using System.Net;
using System.Net.Http.Json;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.ExchangeRates;

/// <summary>
/// The rate table and money applied across currencies: the amount is the receipt's amount times the rate, the rate is
/// near the table's or a second person approves it, and every applied one records its realised exchange difference.
/// </summary>
public abstract class ExchangeRateTests(HuikuanApp app)
{
    private static readonly DateOnly Jul1 = new(2026, 7, 1);

    private async Task<(CompanyApi Api, Guid Customer, InvoiceView Invoice, ReceiptView Usd)> UsdReceiptForACnyInvoiceAsync(decimal usd = 100m)
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Jul1, 7.10m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Jul1.AddDays(10), 7.20m));
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 720m);
        var receipt = await api.RecordReceiptAsync(customer.Id, Jul1.AddDays(12), usd, currency: "USD");
        return (api, customer.Id, invoice, receipt);
    }

    [Fact]
    public async Task TheRateForADate_IsTheLatestOnOrBeforeIt_AndRatesAreKeptExactly()
    {
        var api = await app.NewCompanyAsync();
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("usd", Jul1, 7.12345678m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("JPY", Jul1, 0.04812345m));

        var list = await api.GetAsync<ExchangeRateList>("/api/exchange-rates?currency=USD");
        Assert.Equal(("CNY", 2m), (list.CompanyCurrency, list.TolerancePercent));
        Assert.Equal(("USD", 7.12345678m), (list.Rates.Items.Single().Currency, list.Rates.Items.Single().Rate));

        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/exchange-rates", new AddExchangeRate("USD", Jul1, 7.2m)), HttpStatusCode.Conflict);
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/exchange-rates", new AddExchangeRate("USD", Jul1.AddDays(1), 7.123456789m)),
            HttpStatusCode.UnprocessableEntity, "rate");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/exchange-rates", new AddExchangeRate("USD", Jul1.AddDays(1), 0m)),
            HttpStatusCode.UnprocessableEntity, "rate");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/exchange-rates", new AddExchangeRate("USD", Jul1.AddDays(1), -7m)),
            HttpStatusCode.UnprocessableEntity, "rate");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/exchange-rates", new AddExchangeRate("CNY", Jul1, 1m)),
            HttpStatusCode.UnprocessableEntity, "currency");
        await CompanyApi.AssertProblemAsync(await api.PostAsync("/api/exchange-rates", new AddExchangeRate("XXX", Jul1, 1m)),
            HttpStatusCode.UnprocessableEntity, "currency");
    }

    [Fact]
    public async Task ACollectorCannotEnterRates()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        await CompanyApi.AssertProblemAsync(await collector.PostAsync("/api/exchange-rates", new AddExchangeRate("USD", Jul1, 7m)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OneCentOfDollars_NoLongerPays65Yuan()
    {
        var (api, _, invoice, usd) = await UsdReceiptForACnyInvoiceAsync(0.01m);

        var problem = await CompanyApi.AssertProblemAsync(
            await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 65m, usd.Id, SourceAmount: 0.01m)),
            HttpStatusCode.UnprocessableEntity, "amount");
        Assert.Equal("https://huikuan.dev/problems/allocation.exchangeAmount", problem.GetProperty("type").GetString());

        var applied = await api.PostOkAsync<AllocationView>("/api/allocations", new Allocate(invoice.Installments[0].Id, 0.07m, usd.Id, SourceAmount: 0.01m));
        Assert.Equal((0.07m, 0.01m, 719.93m), (applied.Amount, applied.SourceAmount, applied.InstallmentOpen));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task AtTheTableRate_TheAllocationIsApplied_AndItsRealisedDifferenceRecorded_AndUndoneWithIt()
    {
        var (api, _, invoice, usd) = await UsdReceiptForACnyInvoiceAsync();

        // 100 USD on the 13th at the table's 7.20 pays 720.00 CNY of an invoice booked in CNY: no difference.
        var applied = await api.PostOkAsync<AllocationView>("/api/allocations", new Allocate(invoice.Installments[0].Id, 720m, usd.Id, SourceAmount: 100m));
        Assert.Equal(0m, applied.InstallmentOpen);
        var report = await api.GetAsync<ExchangeDifferenceReport>($"/api/exchange-differences?receiptId={usd.Id}");
        Assert.Equal(0m, Assert.Single(report.Rows).Amount);

        // Within 2 %: 7.30 is 1.4 % from 7.20.
        var other = await api.IssueInvoiceAsync(usd.CustomerId, Jul1, 1000m);
        var second = await api.RecordReceiptAsync(usd.CustomerId, Jul1.AddDays(12), 50m, currency: "USD");
        var atRate = await api.PostOkAsync<AllocationView>("/api/allocations",
            new Allocate(other.Installments[0].Id, 365m, second.Id, SourceAmount: 50m, Rate: 7.30m));
        Assert.Equal(365m, atRate.Amount);
        // 50 USD received at the table's 7.20 is worth 360.00 CNY; it paid 365.00 booked in CNY: a loss of 5.00.
        var withLoss = await api.GetAsync<ExchangeDifferenceReport>($"/api/exchange-differences?receiptId={second.Id}");
        Assert.Equal(-5m, Assert.Single(withLoss.Rows).Amount);

        await api.PostOkAsync<AllocationView>($"/api/allocations/{atRate.Id}/reverse", new ReverseAllocation("wrong rate"));
        var undone = await api.GetAsync<ExchangeDifferenceReport>($"/api/exchange-differences?receiptId={second.Id}");
        Assert.Equal((2, 0m), (undone.Rows.Count, undone.Totals.Single().Net));
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task AUsdInvoicePaidInYuan_RecordsTheDifferenceAgainstItsBookedValue()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Jul1, 7.00m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Jul1.AddDays(30), 7.20m));
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 100m, currency: "USD");
        var cny = await api.RecordReceiptAsync(customer.Id, Jul1.AddDays(31), 720m);

        // 720 CNY at the table's cross rate (1/7.20) pays 100 USD, booked on 1 July at 700.00 CNY: a gain of 20.00.
        var applied = await api.PostOkAsync<AllocationView>("/api/allocations", new Allocate(invoice.Installments[0].Id, 100m, cny.Id, SourceAmount: 720m));
        Assert.Equal((100m, 0m), (applied.Amount, applied.InstallmentOpen));
        var report = await api.GetAsync<ExchangeDifferenceReport>("/api/exchange-differences");
        Assert.Equal(("CNY", 20m, 20m), (report.Totals.Single().Currency, report.Totals.Single().Gains, report.Totals.Single().Net));
    }

    [Fact]
    public async Task WithoutATableRate_AnAllocationAcrossCurrencies_IsRefusedNamingTheCurrency()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, Jul1, 720m);
        var usd = await api.RecordReceiptAsync(customer.Id, Jul1, 100m, currency: "USD");
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Jul1.AddDays(1), 7.2m)); // a day too late

        var problem = await CompanyApi.AssertProblemAsync(
            await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 720m, usd.Id, SourceAmount: 100m, AppliedOn: Jul1)),
            HttpStatusCode.UnprocessableEntity, "rate");
        Assert.Equal("https://huikuan.dev/problems/exchangeRate.missing", problem.GetProperty("type").GetString());
        Assert.Contains("USD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARateOutsideTheTolerance_WaitsForSomeoneElsesApproval_ThenIsApplied()
    {
        var (api, _, invoice, usd) = await UsdReceiptForACnyInvoiceAsync();
        var installment = invoice.Installments[0].Id;

        // 7.40 is 2.8 % from 7.20: nothing moves, the request waits.
        var response = await api.PostAsync("/api/allocations", new Allocate(installment, 370m, usd.Id, SourceAmount: 50m, Rate: 7.40m));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pending = (await response.Content.ReadFromJsonAsync<ExchangeApprovalView>(HuikuanApp.Json))!;
        Assert.Equal(("Pending", 7.40m, 7.20m), (pending.Status, pending.Rate, pending.TableRate));
        // What the second person needs to decide: who, which invoice and receipt, both amounts, and how far from the table.
        Assert.Equal((usd.Number, invoice.Number, 1, 50m, "USD", 370m, "CNY", 2.78m),
            (pending.SourceNumber, pending.InvoiceNumber, pending.InstallmentSequence, pending.SourceAmount, pending.SourceCurrency, pending.Amount,
                pending.Currency, pending.DeviationPercent));
        Assert.False(string.IsNullOrEmpty(pending.CustomerName));
        Assert.Equal(720m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal(100m, (await api.GetAsync<ReceiptView>($"/api/receipts/{usd.Id}")).Unapplied);

        // Not the one who asked, and not a collector.
        await CompanyApi.AssertProblemAsync(await api.PostAsync($"/api/exchange-approvals/{pending.Id}/approve", new { }), HttpStatusCode.Conflict);
        var collector = await api.AsNewUserAsync(Role.Collector);
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/exchange-approvals/{pending.Id}/approve", new { }), HttpStatusCode.Forbidden);

        var manager = await api.AsNewUserAsync(Role.CreditManager);
        var approved = await manager.PostOkAsync<ExchangeApprovalView>($"/api/exchange-approvals/{pending.Id}/approve", new { });
        Assert.Equal("Approved", approved.Status);
        Assert.NotNull(approved.AllocationId);
        Assert.Equal(350m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Equal(50m, (await api.GetAsync<ReceiptView>($"/api/receipts/{usd.Id}")).Unapplied);
        // 50 USD at 7.20 (360.00) paid 370.00 booked in CNY.
        Assert.Equal(-10m, (await api.GetAsync<ExchangeDifferenceReport>($"/api/exchange-differences?receiptId={usd.Id}")).Rows.Single().Amount);

        await CompanyApi.AssertProblemAsync(await manager.PostAsync($"/api/exchange-approvals/{pending.Id}/reject", new DecideExchangeApproval("too late")),
            HttpStatusCode.Conflict);
        Assert.True((await api.CheckLedgerAsync()).Ok);
    }

    [Fact]
    public async Task ARejectedRequest_MovesNothing_AndATighterToleranceCatchesSmallerGaps()
    {
        var (api, _, invoice, usd) = await UsdReceiptForACnyInvoiceAsync();
        await api.Http.PutAsJsonAsync(new Uri("/api/exchange-rates/tolerance", UriKind.Relative), new ExchangeTolerance(0.5m), HuikuanApp.Json);
        Assert.Equal(0.5m, (await api.GetAsync<ExchangeRateList>("/api/exchange-rates")).TolerancePercent);

        // 7.25 is 0.7 % from 7.20: within 2 %, not within 0.5 %.
        var response = await api.PostAsync("/api/allocations", new Allocate(invoice.Installments[0].Id, 362.5m, usd.Id, SourceAmount: 50m, Rate: 7.25m));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pending = (await response.Content.ReadFromJsonAsync<ExchangeApprovalView>(HuikuanApp.Json))!;
        var accountant = await api.AsNewUserAsync(Role.Accountant);
        // A rejection says why; without a reason (or with only spaces, or too long a one) it is refused and the request still waits.
        foreach (var reason in new string?[] { null, "   ", new string('x', ExchangeApprovalsHandler.MaxReasonLength + 1) })
        {
            await CompanyApi.AssertProblemAsync(await accountant.PostAsync($"/api/exchange-approvals/{pending.Id}/reject", new DecideExchangeApproval(reason)),
                HttpStatusCode.UnprocessableEntity, "reason");
        }
        Assert.Single(await api.GetAsync<IReadOnlyList<ExchangeApprovalView>>("/api/exchange-approvals?pendingOnly=true"));
        var rejected = await accountant.PostOkAsync<ExchangeApprovalView>($"/api/exchange-approvals/{pending.Id}/reject",
            new DecideExchangeApproval(" The bank's advice shows 7.21. "));
        Assert.Equal(("Rejected", "The bank's advice shows 7.21."), (rejected.Status, rejected.RejectionReason));
        Assert.Equal(720m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
        Assert.Empty((await api.GetAsync<IReadOnlyList<ExchangeApprovalView>>("/api/exchange-approvals?pendingOnly=true")));

        await CompanyApi.AssertProblemAsync(
            await api.Http.PutAsJsonAsync(new Uri("/api/exchange-rates/tolerance", UriKind.Relative), new ExchangeTolerance(60m), HuikuanApp.Json),
            HttpStatusCode.UnprocessableEntity, "tolerancePercent");
    }

    [Fact]
    public async Task AutoApply_NeverAppliesAcrossCurrencies_AReceiptInAnotherCurrencyStaysUnapplied()
    {
        var (api, customer, invoice, _) = await UsdReceiptForACnyInvoiceAsync();
        var usd = await api.RecordReceiptAsync(customer, Jul1.AddDays(12), 100m, reference: invoice.Number, autoApply: true, currency: "USD");

        Assert.Equal((100m, 0), (usd.Unapplied, usd.Allocations.Count));
        Assert.Empty(await api.GetAsync<IReadOnlyList<Suggestion>>($"/api/receipts/{usd.Id}/suggestions"));
        Assert.Equal(720m, (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Open);
    }
}

public sealed class ExchangeRateTestsOnSqlite(SqliteApp app) : ExchangeRateTests(app), IClassFixture<SqliteApp>;

public sealed class ExchangeRateTestsOnPostgres(PostgresApp app) : ExchangeRateTests(app), IClassFixture<PostgresApp>;
