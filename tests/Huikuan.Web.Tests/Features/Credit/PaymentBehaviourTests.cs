using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Features.Disputes;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Credit;

public abstract class PaymentBehaviourTests(HuikuanApp app)
{
    [Fact]
    public async Task OneInvoicePaidOnTime_AndOneTenDaysLate_GiveHalfOnTime_AndFiveDaysLateOnAverage()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var onTime = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 1, 1), 1000m, due: new DateOnly(2026, 1, 31));
        var late = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 2, 1), 1000m, due: new DateOnly(2026, 3, 3));
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 1, 31), 1000m, reference: onTime.Number, autoApply: true);
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 13), 1000m, reference: late.Number, autoApply: true);
        // Not yet due on the as-of date: left out.
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 3, 20), 500m, due: new DateOnly(2026, 4, 30));

        var b = await api.GetAsync<PaymentBehaviourView>($"/api/customers/{customer.Id}/payment-behaviour?asOf=2026-04-01");

        Assert.Equal(2, b.ItemsDue);
        Assert.Equal(1, b.PaidOnTime);
        Assert.Equal(0.5m, b.OnTimeShare);
        Assert.Equal(5.0m, b.AverageDaysLate);
        // Both fell due in the last three months; nothing fell due in the three before, so there is no trend yet.
        Assert.Equal(5.0m, b.RecentDaysLate);
        Assert.Null(b.EarlierDaysLate);
        Assert.Null(b.Trend);
    }

    [Fact]
    public async Task TheScore_ComesFromWhatTheLedgerKnows_AndLeavesTheRestOut()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var onTime = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 1, 1), 1000m, due: new DateOnly(2026, 1, 31));
        var late = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 2, 1), 1000m, due: new DateOnly(2026, 3, 3));
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 1, 31), 1000m, reference: onTime.Number, autoApply: true);
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 13), 1000m, reference: late.Number, autoApply: true);

        var s = await api.GetAsync<CreditScoreView>($"/api/customers/{customer.Id}/credit-score?asOf=2026-04-01");

        // On time 50 (half paid on time), days late 91.7 (5 of 60 days), no dispute 100, relationship 8.3 (3 of 36 months);
        // weighted 30 : 20 : 10 : 5 once the unknown factors are left out: 4 375 / 65 = 67, grade C.
        Assert.Equal(67, s.Score);
        Assert.Equal("C", s.Grade);
        Assert.Equal(["onTime", "daysLate", "disputes", "relationship"], s.Lines.Select(l => l.Factor));
        Assert.Equal(s.Score, s.Lines.Sum(l => l.Points));
        Assert.Equal(["trend", "exposure", "manualRating"], s.Unknown);
        Assert.Equal(3, s.RelationshipMonths);
    }

    [Fact]
    public async Task AnOpenDispute_CostsPoints_InProportionToWhatWasInvoiced()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var onTime = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 1, 1), 1000m, due: new DateOnly(2026, 1, 31));
        var late = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 2, 1), 1000m, due: new DateOnly(2026, 3, 3));
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 1, 31), 1000m, reference: onTime.Number, autoApply: true);
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 13), 1000m, reference: late.Number, autoApply: true);
        var open = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 3, 20), 500m, due: new DateOnly(2026, 4, 30));
        (await api.PostAsync("/api/disputes", new OpenDispute(open.Id, 100m, "quality"))).EnsureSuccessStatusCode();

        var s = await api.GetAsync<CreditScoreView>($"/api/customers/{customer.Id}/credit-score?asOf=2026-04-01");

        // 100.00 disputed of 2,500.00 invoiced in the last 12 months is 4 %; a fifth of the way to 20 % (no points):
        // disputes 80 instead of 100, (1 500 + 1 833 + 800 + 42) / 65 = 64.
        Assert.Equal(80m, s.Lines.Single(l => l.Factor == "disputes").SubScore);
        Assert.Equal(64, s.Score);
    }

    [Fact]
    public async Task ACustomerWithNothingDueYet_HasNoScore_RatherThanABadOne()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 3, 20), 500m, due: new DateOnly(2026, 4, 30));

        var s = await api.GetAsync<CreditScoreView>($"/api/customers/{customer.Id}/credit-score?asOf=2026-04-01");

        Assert.Null(s.Score);
        Assert.Null(s.Grade);
        Assert.Empty(s.Lines);
    }

    [Fact]
    public async Task AnotherOwnersCustomer_IsNotFound_ForASalesperson()
    {
        var api = await app.NewCompanyAsync();
        var mine = await api.SalespersonAsync("S1", "Mine");
        var theirs = await api.SalespersonAsync("S2", "Theirs");
        var customer = await api.CustomerAsync(salespersonId: theirs.Id);
        var sales = await api.AsNewUserAsync(Role.Salesperson, mine.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri($"/api/customers/{customer.Id}/payment-behaviour", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.Http.GetAsync(new Uri($"/api/customers/{customer.Id}/credit-score", UriKind.Relative))).StatusCode);
    }
}

public sealed class PaymentBehaviourTestsOnSqlite(SqliteApp app) : PaymentBehaviourTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentBehaviourTestsOnPostgres(PostgresApp app) : PaymentBehaviourTests(app), IClassFixture<PostgresApp>;
