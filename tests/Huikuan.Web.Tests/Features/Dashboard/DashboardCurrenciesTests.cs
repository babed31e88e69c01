using Huikuan.Domain.Access;
using Huikuan.Web.Features.Dashboard;
using Huikuan.Web.Features.ExchangeRates;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Dashboard;

/// <summary>
/// The dashboard counts every currency: each foreign currency's sums are converted into the company's at the rate
/// table's rate as of the company's day, once per currency and bucket; a currency without a rate is left out and named.
/// Each test sets the clock first: the class's tests share it.
/// </summary>
public abstract class DashboardCurrenciesTests(HuikuanApp app)
{
    private static readonly DateOnly Dec1 = new(2026, 12, 1);

    /// <summary>A CNY company with CNY, USD and JPY items and a USD rate only (and one dated after the dashboard's day).</summary>
    private async Task<(CompanyApi Api, Guid Cny, Guid Usd, Guid Jpy)> ThreeCurrenciesAsync(CompanyApi? api = null)
    {
        app.Clock.SetToday(Dec1);
        api ??= await app.NewCompanyAsync();
        var cny = await api.CustomerAsync("人民币客户");
        var usd = await api.CustomerAsync("美元客户", currency: "USD");
        var jpy = await api.CustomerAsync("日元客户", currency: "JPY");
        await api.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 11, 10), 1_000m, due: new DateOnly(2026, 12, 10));      // not yet due
        await api.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 10, 20), 500m, due: new DateOnly(2026, 11, 20));        // 11 days overdue
        await api.IssueInvoiceAsync(usd.Id, new DateOnly(2026, 11, 15), 100.01m, due: new DateOnly(2026, 12, 15), currency: "USD");
        await api.IssueInvoiceAsync(usd.Id, new DateOnly(2026, 9, 1), 33.33m, due: new DateOnly(2026, 10, 1), currency: "USD"); // 61 days
        await api.IssueInvoiceAsync(jpy.Id, new DateOnly(2026, 10, 1), 1_200_000m, due: new DateOnly(2026, 11, 1), currency: "JPY");
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 11, 30), 7.12345678m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", new DateOnly(2026, 12, 2), 9m)); // tomorrow's
        return (api, cny.Id, usd.Id, jpy.Id);
    }

    [Fact]
    public async Task Dashboard_ConvertsUsdAtTheTablesRateOfTheDay_AndNamesJpyWhichHasNoRate()
    {
        var (api, cny, usd, _) = await ThreeCurrenciesAsync();

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        // 100.01 USD × 7.12345678 = 712.4169125678 → 712.42; 33.33 USD × 7.12345678 = 237.4248144774 → 237.42.
        Assert.Equal(("CNY", Dec1), (view.Currency, view.AsOf));
        Assert.Equal([1_712.42m, 500m, 0m, 237.42m, 0m, 0m, 0m], view.Buckets);
        Assert.Equal((2_449.84m, 737.42m), (view.Receivables, view.Overdue));
        Assert.Equal([(cny, 500m, 1_500m), (usd, 237.42m, 949.84m)], view.TopOverdue.Select(t => (t.Id, t.Overdue, t.Receivable)));
        var rate = Assert.Single(view.Conversion.Rates);
        Assert.Equal(new TotalRate("USD", 7.12345678m, new DateOnly(2026, 11, 30), false), rate);  // not tomorrow's 9
        Assert.Equal([new UnconvertedAmount("JPY", 1_200_000m)], view.Conversion.Missing);
        Assert.Equal("CNY", view.Conversion.Currency);
    }

    [Fact]
    public async Task WithAJpyRate_JpyIsConverted_RoundedOnceFromWholeYenToFen()
    {
        var (api, _, _, jpy) = await ThreeCurrenciesAsync();
        await api.IssueInvoiceAsync(jpy, new DateOnly(2026, 10, 2), 1m, due: new DateOnly(2026, 11, 2), currency: "JPY");
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("JPY", new DateOnly(2026, 11, 28), 0.04812345m));

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        // 1,200,001 JPY in 1-30 × 0.04812345 = 57,748.18812345 CNY → 57,748.19: whole yen, rounded once to fen.
        Assert.Equal([1_712.42m, 58_248.19m, 0m, 237.42m, 0m, 0m, 0m], view.Buckets);
        Assert.Equal(60_198.03m, view.Receivables);
        Assert.Empty(view.Conversion.Missing);
        Assert.Equal(["JPY", "USD"], view.Conversion.Rates.Select(r => r.Currency));
        Assert.Equal(57_748.19m, view.TopOverdue[0].Overdue);
    }

    /// <summary>
    /// Round once per customer, currency and bucket, as the aging report's rows: two customers' 0.01 USD at 150 JPY are
    /// 2 + 2 yen, and the dashboard's figures are the aging report's totals to the yen.
    /// </summary>
    [Fact]
    public async Task InAYenCompany_EachCustomersCentsAreRoundedToWholeYen_AndTheDashboardIsTheAgingTotal()
    {
        app.Clock.SetToday(Dec1);
        var api = await app.NewCompanyAsync("JPY");
        foreach (var amount in new[] { 0.01m, 0.01m, 0.03m })
        {
            var customer = await api.CustomerAsync(currency: "USD");
            await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 11, 1), amount, due: amount == 0.03m ? new DateOnly(2026, 11, 25) : new DateOnly(2026, 12, 20),
                currency: "USD");
        }
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1, 150m));

        var view = await api.GetAsync<DashboardView>("/api/dashboard");
        var aging = await api.AgingAsync();

        Assert.Equal("JPY", view.Currency);
        Assert.Equal(4m, view.Buckets[0]);        // 0.01 USD × 150 = 1.5 → 2 yen, twice
        Assert.Equal(5m, view.Buckets[1]);        // 0.03 USD × 150 = 4.5 → 5, half away from zero
        Assert.Equal((9m, 5m), (view.Receivables, view.Overdue));
        Assert.Equal(view.Buckets, aging.Totals);
    }

    [Fact]
    public async Task TheMonthsCollectionRate_CountsEveryConvertedCurrency()
    {
        app.Clock.SetToday(Dec1.AddDays(9));   // 2026-12-10
        var api = await app.NewCompanyAsync();
        var cny = await api.CustomerAsync();
        var usd = await api.CustomerAsync(currency: "USD");
        var jpy = await api.CustomerAsync(currency: "JPY");
        await api.IssueInvoiceAsync(cny.Id, new DateOnly(2026, 11, 1), 300m, due: new DateOnly(2026, 12, 5));
        var dollars = await api.IssueInvoiceAsync(usd.Id, new DateOnly(2026, 11, 1), 100m, due: new DateOnly(2026, 12, 3), currency: "USD");
        await api.IssueInvoiceAsync(jpy.Id, new DateOnly(2026, 11, 1), 5_000m, due: new DateOnly(2026, 12, 4), currency: "JPY");
        var paid = await api.RecordReceiptAsync(usd.Id, new DateOnly(2026, 12, 6), 40m, currency: "USD");
        await api.AllocateAsync(paid.Id, dollars.Installments[0].Id, 40m);
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1, 7m));

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((280m, 1_000m), (view.CollectedThisMonth, view.DueToDate));   // 40 × 7 of 300 + 100 × 7
        Assert.Equal(0.28m, view.CollectionRate);
        Assert.Equal([new UnconvertedAmount("JPY", 5_000m)], view.Conversion.Missing);
    }

    [Fact]
    public async Task ASalesperson_SeesOnlyTheirCustomersConvertedTotals()
    {
        app.Clock.SetToday(Dec1);
        var admin = await app.NewCompanyAsync();
        var wang = await admin.SalespersonAsync("S1", "王芳");
        var li = await admin.SalespersonAsync("S2", "李强");
        var mine = await admin.CustomerAsync(salespersonId: wang.Id, currency: "USD");
        var theirs = await admin.CustomerAsync(salespersonId: li.Id, currency: "USD");
        var theirYen = await admin.CustomerAsync(salespersonId: li.Id, currency: "JPY");
        await admin.IssueInvoiceAsync(mine.Id, new DateOnly(2026, 10, 1), 10m, due: new DateOnly(2026, 11, 1), currency: "USD");
        await admin.IssueInvoiceAsync(theirs.Id, new DateOnly(2026, 10, 1), 1_000m, due: new DateOnly(2026, 11, 1), currency: "USD");
        await admin.IssueInvoiceAsync(theirYen.Id, new DateOnly(2026, 10, 1), 9_000m, due: new DateOnly(2026, 11, 1), currency: "JPY");
        await admin.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1, 7.1m));
        var sales = await admin.AsNewUserAsync(Role.Salesperson, wang.Id);

        var view = await sales.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((71m, 71m), (view.Receivables, view.Overdue));
        Assert.Equal([mine.Id], view.TopOverdue.Select(t => t.Id));
        Assert.Empty(view.Conversion.Missing);                                   // the yen are another salesperson's
        Assert.Equal(7_171m, (await admin.GetAsync<DashboardView>("/api/dashboard")).Receivables);
    }

    /// <summary>At 07:30 in Shanghai it is still yesterday in UTC: the rate of the company's day is the one used.</summary>
    [Fact]
    public async Task At0730InShanghai_TheRateOfShanghaisDayIsUsed()
    {
        app.Clock.SetToday(Dec1);
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync(currency: "USD");
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 11, 1), 100m, due: new DateOnly(2026, 12, 20), currency: "USD");
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1.AddDays(-1), 7m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1, 7.5m));

        app.Clock.SetShanghai(Dec1, new TimeOnly(7, 30));                       // 2026-11-30 23:30 UTC
        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal(Dec1, view.AsOf);
        Assert.Equal(750m, view.Receivables);
        Assert.Equal(Dec1, Assert.Single(view.Conversion.Rates).Day);
    }

    [Fact]
    public async Task ARateMoreThanAWeekOld_IsFlaggedStale()
    {
        app.Clock.SetToday(Dec1);
        var api = await app.NewCompanyAsync();
        foreach (var currency in new[] { "USD", "EUR" })
        {
            var customer = await api.CustomerAsync(currency: currency);
            await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 11, 1), 10m, due: new DateOnly(2026, 12, 20), currency: currency);
        }
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1.AddDays(-CompanyTotals.StaleAfterDays), 7m));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("EUR", Dec1.AddDays(-CompanyTotals.StaleAfterDays - 1), 8m));

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal([("EUR", true), ("USD", false)], view.Conversion.Rates.Select(r => (r.Currency, r.Stale)));
        Assert.Equal(150m, view.Receivables);
    }

    [Fact]
    public async Task ACompanyOfOneCurrency_ConvertsNothing()
    {
        app.Clock.SetToday(Dec1);
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 11, 1), 123.45m, due: new DateOnly(2026, 11, 30));
        await api.PostOkAsync<ExchangeRateView>("/api/exchange-rates", new AddExchangeRate("USD", Dec1, 7m));   // a rate nobody needs

        var view = await api.GetAsync<DashboardView>("/api/dashboard");

        Assert.Equal((123.45m, 123.45m), (view.Receivables, view.Overdue));
        Assert.Empty(view.Conversion.Rates);
        Assert.Empty(view.Conversion.Missing);
    }
}

public sealed class DashboardCurrenciesTestsOnSqlite(SqliteApp app) : DashboardCurrenciesTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardCurrenciesTestsOnPostgres(PostgresApp app) : DashboardCurrenciesTests(app), IClassFixture<PostgresApp>;
