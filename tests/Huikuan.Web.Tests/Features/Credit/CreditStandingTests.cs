using Huikuan.Web.Features.Credit;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.Credit;

public abstract class CreditStandingTests(HuikuanApp app)
{
    [Fact]
    public async Task Exposure_IsWhatIsOpen_LessUnappliedCash_AndNamesTheOldestOverdueItem()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 1, 1), 1000m, due: new DateOnly(2026, 1, 31));
        await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 2, 1), 2500m, due: new DateOnly(2026, 3, 3));
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 2, 10), 400m, reference: null, autoApply: false);

        var s = await api.GetAsync<CreditStandingView>($"/api/customers/{customer.Id}/credit-standing");

        Assert.Equal(3100m, s.OpenReceivables);
        Assert.Equal(3100m, s.Exposure);
        Assert.Null(s.Limit);
        Assert.Null(s.Available);
        Assert.Equal(app.Clock.Today.DayNumber - new DateOnly(2026, 1, 31).DayNumber, s.OldestDaysOverdue);
        Assert.Empty(s.OtherCurrencies);
    }
}

public sealed class CreditStandingTestsOnSqlite(SqliteApp app) : CreditStandingTests(app), IClassFixture<SqliteApp>;

public sealed class CreditStandingTestsOnPostgres(PostgresApp app) : CreditStandingTests(app), IClassFixture<PostgresApp>;
