using Huikuan.Domain.Ledger;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.NotesReceivable;
using Huikuan.Web.Features.Receipts;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Huikuan.Web.Tests.Features.NotesReceivable;

/// <summary>
/// The drafts received before notes were kept: the NotesReceivable migration gives each its note. The database is taken
/// back to the migration before it, bank drafts are recorded the way they were then (with no note, one number twice,
/// one receipt reversed), and the migration is applied again.
/// </summary>
public abstract class NotesReceivableMigrationTests(HuikuanApp app)
{
    [Fact]
    public async Task TheMigration_GivesEveryDraftReceivedBeforeItANote()
    {
        app.Clock.SetToday(new DateOnly(2026, 11, 23));
        var api = await app.NewCompanyAsync();
        var customer = await api.CustomerAsync();
        var reversed = await api.PostOkAsync<ReceiptView>("/api/receipts", new RecordReceipt(customer.Id, new DateOnly(2026, 9, 3), 3_000m,
            ReceiptMethod.BankAcceptanceDraft, DraftNumber: "130158100003", DraftMaturesOn: new DateOnly(2027, 3, 1), DraftAcceptor: "工商银行"));
        await api.PostOkAsync<ReceiptView>($"/api/receipts/{reversed.Id}/reverse", new ReverseReceipt("录错"));
        var before = await app.WithDbAsync(db =>
        {
            var all = db.Database.GetMigrations().ToList();
            return Task.FromResult(all[all.FindIndex(m => m.EndsWith("_NotesReceivable", StringComparison.Ordinal)) - 1]);
        });
        await app.WithDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(before);
            return 0;
        });
        var held = await OldDraftAsync(customer.Id, "RC-OLD-1", "130158100001", 1_000_00, new DateOnly(2026, 9, 1));
        var twice = await OldDraftAsync(customer.Id, "RC-OLD-2", "130158100001", 2_000_00, new DateOnly(2026, 9, 2));
        await OldDraftAsync(customer.Id, "RC-OLD-3", "130158100003", 3_000_00, new DateOnly(2026, 9, 4)); // the same draft, recorded right

        await app.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });

        var notes = (await api.GetAsync<Page<NoteListItem>>("/api/notes-receivable")).Items.ToDictionary(n => n.ReceiptId);
        Assert.Equal(4, notes.Count);
        Assert.Equal(("Bank", "130158100001", "Held", false, 1_000m), (notes[held].Kind, notes[held].Number, notes[held].Status, notes[held].Voided, notes[held].Face));
        Assert.Equal(("130158100001 (RC-OLD-2)", false), (notes[twice].Number, notes[twice].Voided));
        Assert.Equal((true, 0, "130158100003"), (notes[reversed.Id].Voided, notes[reversed.Id].NextStatuses.Count, notes[reversed.Id].Number));
        Assert.Equal(["130158100003"], notes.Values.Where(n => !n.Voided && n.Number.StartsWith("130158100003", StringComparison.Ordinal)).Select(n => n.Number));
        Assert.Equal(new DateOnly(2027, 3, 1), notes[held].MaturesOn);
        Assert.Null(notes[held].Acceptor);
    }

    private async Task<Guid> OldDraftAsync(Guid customerId, string number, string draftNumber, long amountMinor, DateOnly on) =>
        await app.WithDbAsync(async db =>
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1)); // recorded one after the other, as they were
            // Only the company is read of the customer: on the old schema, columns added since (its collector) are missing.
            var receipt = new Receipt
            {
                CompanyId = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == customerId).Select(c => c.CompanyId).SingleAsync(), Id = Guid.CreateVersion7(),
                Number = number, CustomerId = customerId, ReceivedOn = on, Method = ReceiptMethod.BankAcceptanceDraft, Currency = "CNY",
                AmountMinor = amountMinor, UnappliedMinor = amountMinor, DraftNumber = draftNumber, DraftMaturesOn = new DateOnly(2027, 3, 1),
                RecordedAt = app.Clock.GetUtcNow(), RecordedBy = "import@old.test",
            };
            db.Receipts.Add(receipt);
            await db.SaveChangesAsync();
            return receipt.Id;
        });
}

public sealed class NotesReceivableMigrationTestsOnSqlite(SqliteApp app) : NotesReceivableMigrationTests(app), IClassFixture<SqliteApp>;

public sealed class NotesReceivableMigrationTestsOnPostgres(PostgresApp app) : NotesReceivableMigrationTests(app), IClassFixture<PostgresApp>;
