using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Ledger;

/// <summary>The check must catch a stored balance that no longer matches its history.</summary>
public abstract class LedgerCheckTests(HuikuanApp app)
{
    [Fact]
    public async Task Check_WhenAnOpenAmountWasChangedBehindTheLedgersBack_ReportsThatInstallment()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var invoice = await api.IssueInvoiceAsync(customer.Id, new DateOnly(2026, 3, 1), 100m);
        await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 5), 40m, autoApply: true);
        Assert.True((await api.CheckLedgerAsync()).Ok);
        var installment = invoice.Installments[0].Id;

        await app.WithDbAsync(db => db.Installments.Where(i => i.Id == installment)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.OpenMinor, 5000L)));

        var result = await api.CheckLedgerAsync();
        var mismatch = Assert.Single(result.Mismatches, m => m.Id == installment);
        Assert.Equal(("installments", "open_minor", 5000L, 6000L), (mismatch.Table, mismatch.What, mismatch.Stored, mismatch.FromHistory));
        Assert.False(result.Ok);
    }

    [Fact]
    public async Task Check_WhenUnappliedCashWasChangedBehindTheLedgersBack_ReportsThatReceipt()
    {
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var receipt = await api.RecordReceiptAsync(customer.Id, new DateOnly(2026, 3, 5), 40m);

        await app.WithDbAsync(db => db.Receipts.Where(r => r.Id == receipt.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UnappliedMinor, 1L)));

        var mismatch = Assert.Single((await api.CheckLedgerAsync()).Mismatches, m => m.Id == receipt.Id);
        Assert.Equal(("receipts", 1L, 4000L), (mismatch.Table, mismatch.Stored, mismatch.FromHistory));
    }
}

public sealed class LedgerCheckTestsOnSqlite(SqliteApp app) : LedgerCheckTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerCheckTestsOnPostgres(PostgresApp app) : LedgerCheckTests(app), IClassFixture<PostgresApp>;
