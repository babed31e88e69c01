using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Huikuan.Web.Features.Charges;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Dunning;

/// <summary>
/// What a letter states: only the reminders the history holds, every amount in its own currency, the unpaid charges of
/// earlier letters in the amount due, and interest at a yearly rate. Read from the e-mail's text body.
/// </summary>
public abstract class LetterContentTests(HuikuanApp app)
{
    private static IReadOnlyList<DunningLevelView> Levels(decimal friendlyFee = 0m, decimal firmFee = 0m) =>
    [
        new DunningLevelView("friendly", 3, 0m, [], ["email"], friendlyFee, false, "Collector", null),
        new DunningLevelView("firm", 15, 0m, [], ["email"], firmFee, false, "Collector", null),
        new DunningLevelView("final", 30, 0m, [], ["email"], 0m, false, "Collector", null),
    ];

    [Fact]
    public async Task AFirstLetterAtAHighLevel_ClaimsNoEarlierReminder_AndALaterLevelCitesTheLastLetterByDateAndName()
    {
        var admin = await app.NewCompanyAsync();
        await SaveAsync(admin, new SaveDunningPolicy(null, 0, 7, null, [7, 1], false, false, Levels(), StraightToAgeLevel: true));
        var today = app.Clock.Today;
        var straight = await DunningRunTests.CustomerWithContactAsync(admin, "ap@straight.example", null);
        var climbing = await DunningRunTests.CustomerWithContactAsync(admin, "ap@climbing.example", null);
        var english = await DunningRunTests.CustomerWithContactAsync(admin, "ap@english.example", null, "en");
        await admin.IssueInvoiceAsync(straight.Id, today.AddDays(-60), 5_000m, due: today.AddDays(-35));
        await admin.IssueInvoiceAsync(climbing.Id, today.AddDays(-30), 3_000m, due: today.AddDays(-5));
        await admin.IssueInvoiceAsync(english.Id, today.AddDays(-30), 3_000m, due: today.AddDays(-5));

        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        // Never written to before, dunned straight to the final demand: nothing about earlier letters.
        var first = await BodyAsync(admin, "ap@straight.example");
        Assert.Contains("最后催告", (await DunningRunTests.OutboxAsync(admin)).Single(m => m.To == "ap@straight.example").Subject, StringComparison.Ordinal);
        foreach (var claim in new[] { "多次", "已于", "催收函（", "此前" })
        {
            Assert.DoesNotContain(claim, first, StringComparison.Ordinal);
        }

        // Fourteen days later the friendly reminder of day X is the history the firm notice cites, by its date and name.
        var dayX = today;
        app.Clock.Advance(TimeSpan.FromDays(14));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        var firm = (await DunningRunTests.OutboxAsync(admin)).Where(m => m.To == "ap@climbing.example").OrderBy(m => m.CreatedAt).Last();
        Assert.Contains("正式催告", firm.Subject, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"我司已于 {dayX.Year}年{dayX.Month}月{dayX.Day}日 向贵司发出催收函（友好提醒）。"),
            firm.Body, StringComparison.Ordinal);
        var en = (await DunningRunTests.OutboxAsync(admin)).Where(m => m.To == "ap@english.example").OrderBy(m => m.CreatedAt).Last();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"We wrote to you on {dayX.Day} {dayX:MMMM yyyy} (friendly reminder)."),
            en.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsdCustomerUnderACnyPolicy_IsChargedInterestAndTheConvertedFeeInUsd_AndAMixedCustomerPerCurrency()
    {
        var admin = await app.NewCompanyAsync();
        // 0.05 % a day without grace; the friendly reminder costs 50.00 CNY.
        await SaveAsync(admin, new SaveDunningPolicy(0.05m, 0, 7, null, [7, 1], false, false, Levels(friendlyFee: 50m), StraightToAgeLevel: true));
        var today = app.Clock.Today;
        await admin.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", today.AddDays(-2), 7.1m));
        var usd = await CustomerAsync(admin, "ap@usd.example", "USD");
        var mixed = await CustomerAsync(admin, "ap@mixed.example", null);
        await admin.IssueInvoiceAsync(usd.Id, today.AddDays(-40), 1_000m, due: today.AddDays(-10), currency: "USD");
        await admin.IssueInvoiceAsync(mixed.Id, today.AddDays(-40), 2_000m, due: today.AddDays(-10));
        await admin.IssueInvoiceAsync(mixed.Id, today.AddDays(-40), 1_000m, due: today.AddDays(-10), currency: "USD");

        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        Assert.Equal((2, 0), (run.Sent, run.Failed));

        // 10 days at 0.05 % on 1,000.00 USD is 5.00 USD; 50.00 CNY at 7.1 is 7.04 USD: all of it stated and charged in USD.
        var usdCharges = await admin.GetAsync<CustomerChargesView>($"/api/customers/{usd.Id}/charges");
        Assert.Equal([("Fee", "USD", 7.04m), ("Interest", "USD", 5m)], usdCharges.Charges.OrderBy(c => c.Kind).Select(c => (c.Kind, c.Currency, c.Amount)));
        var usdBody = await BodyAsync(admin, "ap@usd.example");
        Assert.Contains("本函逾期利息  5.00 USD", usdBody, StringComparison.Ordinal);
        Assert.Contains("本函催收费  7.04 USD", usdBody, StringComparison.Ordinal);
        Assert.Contains("应付合计  1,012.04 USD", usdBody, StringComparison.Ordinal);
        Assert.DoesNotContain("CNY", usdBody, StringComparison.Ordinal);
        var letter = Assert.Single((await admin.GetAsync<CustomerDunningView>($"/api/customers/{usd.Id}/dunning")).Communications, c => c.Outcome == "sent");
        Assert.Equal(("USD", 5m, 7.04m), (letter.Currency, letter.Interest, letter.Fee));

        // CNY and USD items: interest in each, the fee in CNY (the policy's, which the customer owes in), never added across.
        var mixedCharges = await admin.GetAsync<CustomerChargesView>($"/api/customers/{mixed.Id}/charges");
        Assert.Equal([("CNY", 60m), ("USD", 5m)], mixedCharges.Balances.Select(b => (b.Currency, b.Open)));
        var mixedBody = await BodyAsync(admin, "ap@mixed.example");
        Assert.Contains("本函逾期利息  10.00 CNY + 5.00 USD", mixedBody, StringComparison.Ordinal);
        Assert.Contains("本函催收费  50.00 CNY", mixedBody, StringComparison.Ordinal);
        Assert.Contains("应付合计  2,060.00 CNY + 1,005.00 USD", mixedBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeeThatCannotBeConverted_FailsThatCustomerWithTheReason_AndChargesNothing()
    {
        var admin = await app.NewCompanyAsync();
        await SaveAsync(admin, new SaveDunningPolicy(0.05m, 0, 7, null, [7, 1], false, false, Levels(friendlyFee: 50m), StraightToAgeLevel: true));
        var today = app.Clock.Today;
        var usd = await CustomerAsync(admin, "ap@norate.example", "USD");
        var cny = await CustomerAsync(admin, "ap@cny.example", null);
        await admin.IssueInvoiceAsync(usd.Id, today.AddDays(-40), 1_000m, due: today.AddDays(-10), currency: "USD");
        await admin.IssueInvoiceAsync(cny.Id, today.AddDays(-40), 1_000m, due: today.AddDays(-10));

        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        Assert.Equal((1, 1), (run.Sent, run.Failed));
        Assert.Contains(usd.Code + ":", run.Error, StringComparison.Ordinal);
        Assert.Contains("no rate", run.Error, StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync<CustomerChargesView>($"/api/customers/{usd.Id}/charges")).Charges);
        Assert.DoesNotContain(await DunningRunTests.OutboxAsync(admin), m => m.To == "ap@norate.example");
        Assert.Single(await DunningRunTests.OutboxAsync(admin), m => m.To == "ap@cny.example");
    }

    [Fact]
    public async Task ASecondLetter_AddsTheFirstLettersUnpaidCharges_LessAWaiver_ToTheAmountDue()
    {
        var admin = await app.NewCompanyAsync();
        // 0.05 % a day after 0 grace days; the friendly reminder costs 50.00, the firm notice 100.00.
        await SaveAsync(admin, new SaveDunningPolicy(0.05m, 0, 7, null, [7, 1], false, false, Levels(50m, 100m), StraightToAgeLevel: true));
        var manager = await admin.AsNewUserAsync(Huikuan.Domain.Access.Role.CreditManager);
        var today = app.Clock.Today;
        var customer = await CustomerAsync(admin, "ap@second.example", null);
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-40), 10_000m, due: today.AddDays(-5));

        // The first letter: 5 days on 10,000.00 = 25.00, and the 50.00 fee.
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });
        Assert.Contains("应付合计  10,075.00 CNY", await BodyAsync(admin, "ap@second.example"), StringComparison.Ordinal);

        // Nothing paid; 20.00 of the first fee waived. Ten days later the firm notice charges 10 days more (50.00) and
        // its fee, and states the 55.00 still owed of the first letter's charges on a line of its own.
        var fee = Assert.Single((await admin.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges")).Charges, c => c.Kind == "Fee");
        var waiver = await admin.PostOkAsync<WaiverView>($"/api/charges/{fee.Id}/waivers", new RequestWaiver(20m, "首次逾期，减免部分催收费"));
        await manager.PostOkAsync<WaiverView>($"/api/charge-waivers/{waiver.Id}/approve", new DecideWaiver(null));
        app.Clock.Advance(TimeSpan.FromDays(10));
        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        var second = (await DunningRunTests.OutboxAsync(admin)).Where(m => m.To == "ap@second.example").OrderBy(m => m.CreatedAt).Last();
        Assert.Contains("正式催告", second.Subject, StringComparison.Ordinal);
        Assert.Contains("以往催收函未付的利息及费用  55.00 CNY", second.Body, StringComparison.Ordinal);
        Assert.Contains("本函逾期利息  50.00 CNY", second.Body, StringComparison.Ordinal);
        Assert.Contains("本函催收费  100.00 CNY", second.Body, StringComparison.Ordinal);
        Assert.Contains("应付合计  10,205.00 CNY", second.Body, StringComparison.Ordinal); // 10,000 + 55 + 50 + 100
        Assert.Contains("逾期利息 50.00 CNY，催收费 100.00 CNY，应付合计 10,205.00 CNY", second.Body, StringComparison.Ordinal);
        var balance = Assert.Single((await admin.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges")).Balances);
        Assert.Equal((75m, 150m, 20m, 205m), (balance.Interest, balance.Fees, balance.Waived, balance.Open));
    }

    [Fact]
    public async Task TenPercentAYear_OnAMillionForExactlyAYear_Is100000_OnTheLetterAndInTheCharges()
    {
        var admin = await app.NewCompanyAsync();
        await SaveAsync(admin, new SaveDunningPolicy(null, 0, 7, null, [7, 1], false, false, Levels(), StraightToAgeLevel: true,
            InterestYearlyRatePercent: 10m));
        var today = app.Clock.Today;
        var customer = await CustomerAsync(admin, "ap@million.example", null);
        // Due 365 days ago, no grace: the 365 days after the due date bear interest.
        await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-400), 1_000_000m, due: today.AddDays(-365));

        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        var interest = Assert.Single((await admin.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges")).Charges);
        Assert.Equal(("Interest", 100_000m, 10m, (decimal?)null), (interest.Kind, interest.Amount, interest.YearlyRatePercent, interest.DailyRatePercent));
        Assert.Equal("10", interest.YearlyRatePercent!.Value.ToString(CultureInfo.InvariantCulture)); // as saved, on both databases
        var body = await BodyAsync(admin, "ap@million.example");
        Assert.Contains("本函逾期利息  100,000.00 CNY", body, StringComparison.Ordinal);
        Assert.Contains("应付合计  1,100,000.00 CNY", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "10.5", "10.5")]
    [InlineData(null, "365", "365")]
    [InlineData("0.0273972", null, "0.0273972")]
    [InlineData("0.00000001", null, "0.00000001")]
    public async Task ARate_IsReadBackAsItWasSaved(string? daily, string? yearly, string expected)
    {
        var admin = await app.NewCompanyAsync();
        var d = daily is null ? (decimal?)null : decimal.Parse(daily, CultureInfo.InvariantCulture);
        var y = yearly is null ? (decimal?)null : decimal.Parse(yearly, CultureInfo.InvariantCulture);
        await SaveAsync(admin, new SaveDunningPolicy(d, 3, 7, null, [7, 1], false, false, Levels(), InterestYearlyRatePercent: y));

        var policy = await admin.GetAsync<DunningPolicyView>("/api/dunning/policy");
        var rate = (daily is null ? policy.InterestYearlyRatePercent : policy.InterestDailyRatePercent)!.Value;
        Assert.Equal(expected, rate.ToString(CultureInfo.InvariantCulture));
        Assert.Null(daily is null ? policy.InterestDailyRatePercent : policy.InterestYearlyRatePercent);
        Assert.Equal(3, policy.InterestGraceDays);
    }

    [Theory]
    [InlineData(null, "365.01", "interestYearlyRatePercent")]
    [InlineData(null, "-1", "interestYearlyRatePercent")]
    [InlineData("1.01", null, "interestDailyRatePercent")]
    [InlineData("0.000000001", null, "interestDailyRatePercent")] // nine decimals: refused, not rounded
    [InlineData("0.05", "10", "interestYearlyRatePercent")] // both kinds at once
    public async Task AnInterestRateOutOfBounds_IsRefusedOnThePolicyAndOnAContract(string? daily, string? yearly, string field)
    {
        var admin = await app.NewCompanyAsync();
        var d = daily is null ? (decimal?)null : decimal.Parse(daily, CultureInfo.InvariantCulture);
        var y = yearly is null ? (decimal?)null : decimal.Parse(yearly, CultureInfo.InvariantCulture);
        var response = await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative),
            new SaveDunningPolicy(d, 0, 7, null, [7, 1], false, false, Levels(), InterestYearlyRatePercent: y), HuikuanApp.Json);
        await CompanyApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        var customer = await admin.CustomerAsync();
        await CompanyApi.AssertProblemAsync(await admin.PostAsync("/api/contracts", Contract(customer.Id, d, y)), HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task AContractsYearlyClause_IsStoredAsYearly_AndChargesTheLetterAtIt()
    {
        var admin = await app.NewCompanyAsync();
        await SaveAsync(admin, new SaveDunningPolicy(0.05m, 0, 7, null, [7, 1], false, false, Levels(), StraightToAgeLevel: true));
        var customer = await CustomerAsync(admin, "ap@contract.example", null);
        var contract = await admin.PostOkAsync<Huikuan.Web.Features.Contracts.ContractView>("/api/contracts", Contract(customer.Id, null, 10.5m));
        Assert.Equal((null, 10.5m), (contract.InterestDailyRatePercent, contract.InterestYearlyRatePercent));
        var today = app.Clock.Today;
        // Due 365 days ago under the contract: 1,000,000.00 × 10.5 % = 105,000.00, not the policy's 0.05 % a day.
        await admin.PostOkAsync<Huikuan.Web.Features.Invoices.InvoiceView>("/api/invoices", new Huikuan.Web.Features.Invoices.IssueInvoice(
            customer.Id, today.AddDays(-400), [new Huikuan.Web.Features.Invoices.InvoiceLineDto("设备", 1, 1_000_000m)], null, null, null,
            [new Huikuan.Web.Features.Invoices.InstallmentDto(today.AddDays(-365), 1_000_000m)], ContractId: contract.Id));

        await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        var interest = Assert.Single((await admin.GetAsync<CustomerChargesView>($"/api/customers/{customer.Id}/charges")).Charges);
        Assert.Equal((105_000m, 10.5m), (interest.Amount, interest.YearlyRatePercent));
    }

    private static Huikuan.Web.Features.Contracts.CreateContract Contract(Guid customerId, decimal? daily, decimal? yearly) =>
        new(customerId, "设备采购", new DateOnly(2025, 1, 1), 1_000_000m,
            [new Huikuan.Web.Features.Contracts.ContractStageInput(Huikuan.Domain.Contracts.StageKind.Delivery, "到货", Percent: 100m, DueDays: 30)],
            InterestDailyRatePercent: daily, InterestGraceDays: 0, InterestYearlyRatePercent: yearly);

    private static async Task<CustomerView> CustomerAsync(CompanyApi admin, string email, string? currency)
    {
        var customer = await admin.CustomerAsync(currency: currency);
        await admin.PostOkAsync<ContactView>($"/api/customers/{customer.Id}/contacts",
            new ContactInput("王会计", ["finance"], Email: email, Language: "zh-CN", Channel: "email"));
        return customer;
    }

    private static async Task<string> BodyAsync(CompanyApi admin, string to) =>
        Assert.Single(await DunningRunTests.OutboxAsync(admin), m => m.To == to).Body;

    private static async Task SaveAsync(CompanyApi admin, SaveDunningPolicy policy)
    {
        var response = await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative), policy, HuikuanApp.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class LetterContentTestsOnSqlite(SqliteApp app) : LetterContentTests(app), IClassFixture<SqliteApp>;

public sealed class LetterContentTestsOnPostgres(PostgresApp app) : LetterContentTests(app), IClassFixture<PostgresApp>;
