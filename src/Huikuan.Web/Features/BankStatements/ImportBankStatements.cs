using System.Security.Cryptography;
using System.Text;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Statements;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Import;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FileStatement = Huikuan.Statements.BankStatement;
using StoredStatement = Huikuan.Web.Data.Entities.BankStatement;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>One statement of the file: where it went, how many of its lines were new and how many known.</summary>
public sealed record ImportedStatement(
    Guid? Id, Guid BankAccountId, string BankAccountName, string? StatementId, string? SequenceNumber, DateOnly? PeriodFrom, DateOnly? PeriodTo,
    int Lines, int NewLines, int KnownLines, bool Stored, IReadOnlyList<StatementWarningView> Warnings);

/// <summary>The outcome of one file: "12 new lines, 30 already imported"; with <see cref="Applied"/> when the upload asked for it.</summary>
public sealed record BankStatementImport(
    string FileName, string Format, int NewLines, int KnownLines, IReadOnlyList<ImportedStatement> Statements, ImportApplied? Applied = null);

/// <summary>
/// What matching the file's statements and posting their sure lines did (the upload's <c>apply=true</c>, as the page does
/// after every import): lines matched, lines posted as receipts, lines left for a person, and the lines skipped with why.
/// </summary>
public sealed record ImportApplied(int Matched, int Posted, int ToReview, int Unmatched, int WriteOffsRequested,
    IReadOnlyList<Matching.SkippedLine> Skipped);

/// <summary>
/// Imports a bank file (camt.052/053/054, MT940/MT942) into statements and lines, in one transaction. Each statement
/// goes to the company's bank account whose number the file names (or the one chosen, which the file must name too),
/// in that account's currency. A line is known by <see cref="LineIdentity"/>, keyed by the bank account: a line
/// imported before is counted as known and not stored again, so a second import of the file, or of an overlapping one,
/// adds nothing, and a statement whose every line is known is not stored again. Whatever the file says that is not
/// as it should be (it does not balance, more decimals than the currency, a date after today) is stored as a warning.
/// </summary>
public sealed class ImportBankStatementsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    private const int BatchLines = 1000;
    private const int MaxKeyChars = 300;
    private const int Attempts = 3;

    public async Task<BankStatementImport> HandleAsync(byte[] bytes, string? fileName, Guid? bankAccountId, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(bytes);
        var accounts = await db.BankAccounts.AsNoTracking().Where(a => a.CompanyId == scope.CompanyId).ToListAsync(ct);
        var chosen = bankAccountId is { } id
            ? accounts.SingleOrDefault(a => a.Id == id) ?? throw new NotFoundException("Bank account", id)
            : null;
        var file = BankStatementFile.Read(bytes, chosen);
        var name = FileName(fileName);
        var drafts = Prepare(file, chosen, accounts, clock.Today);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Transactions.RunAsync(db, token => WriteAsync(name, file.Format, drafts, token), ct);
            }
            catch (Exception e) when (Db.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Someone imported an overlapping file at the same moment: read again what is known now.
                db.ChangeTracker.Clear();
            }
            catch (Exception e) when (Db.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                throw new ConflictException("bankStatement.raced",
                    "The same lines were being imported by someone else at the same time; nothing was imported. Import the file again.");
            }
        }
    }

    /// <summary>Each statement with its account, its lines converted to minor units and their keys, and its warnings.</summary>
    private static List<StatementDraft> Prepare(StatementFile file, BankAccount? chosen, List<BankAccount> accounts, DateOnly today)
    {
        var drafts = file.Statements.Select(s => new StatementDraft(s, BankAccountMatch.For(s, chosen, accounts))).ToList();
        foreach (var draft in drafts)
        {
            draft.Convert(today);
        }
        // Keys count occurrences over all the file's lines of one account, so equal payments on two pages of one day stay two.
        foreach (var group in drafts.GroupBy(d => d.Account.Id))
        {
            var lines = group.SelectMany(d => d.Source.Lines).ToList();
            var merged = new FileStatement
            {
                Format = group.First().Source.Format, Account = group.Key.ToString("N"), Currency = group.First().Account.Currency, Lines = lines,
            };
            var keys = LineIdentity.Keys(merged);
            var i = 0;
            foreach (var draft in group)
            {
                foreach (var line in draft.Lines)
                {
                    line.IdentityKey = Fit(keys[i++]);
                }
            }
        }
        return drafts;
    }

    private async Task<BankStatementImport> WriteAsync(string fileName, string format, List<StatementDraft> drafts, CancellationToken ct)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var results = new List<ImportedStatement>(drafts.Count);
            var seen = new HashSet<(Guid, string)>();
            foreach (var draft in drafts)
            {
                var account = draft.Account;
                var keys = draft.Lines.Select(l => l.IdentityKey).ToList();
                var known = await ImportSteps.ExistingAsync(keys, (chunk, token) => db.BankStatementLines.AsNoTracking()
                    .Where(l => l.CompanyId == scope.CompanyId && l.BankAccountId == account.Id && chunk.Contains(l.IdentityKey))
                    .Select(l => l.IdentityKey).ToListAsync(token), ct);
                var fresh = draft.Lines.Where(l => !known.Contains(l.IdentityKey) && seen.Add((account.Id, l.IdentityKey))).ToList();
                var store = fresh.Count > 0 || (draft.Lines.Count == 0 && !await KnownEmptyAsync(draft.Row, ct));
                Guid? id = null;
                if (store)
                {
                    var row = draft.Row;
                    row.CompanyId = scope.CompanyId;
                    row.Id = Ids.New();
                    row.FileName = fileName;
                    row.NewLines = fresh.Count;
                    row.KnownLines = draft.Lines.Count - fresh.Count;
                    row.ImportedAt = clock.Now;
                    row.ImportedBy = scope.Actor;
                    id = row.Id;
                    db.BankStatements.Add(row);
                    foreach (var batch in fresh.Chunk(BatchLines))
                    {
                        foreach (var line in batch)
                        {
                            line.CompanyId = scope.CompanyId;
                            line.Id = Ids.New();
                            line.StatementId = row.Id;
                            line.BankAccountId = account.Id;
                        }
                        db.BankStatementLines.AddRange(batch);
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                    }
                    if (fresh.Count == 0)
                    {
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                    }
                }
                results.Add(new ImportedStatement(id, account.Id, account.Name, draft.Row.StatementId, draft.Row.SequenceNumber, draft.Row.PeriodFrom,
                    draft.Row.PeriodTo, draft.Lines.Count, fresh.Count, draft.Lines.Count - fresh.Count, store, draft.Warnings));
            }
            var result = new BankStatementImport(fileName, format, results.Sum(r => r.NewLines), results.Sum(r => r.KnownLines), results);
            AuditLog.Event(db, scope, clock, scope.CompanyId, "bankStatements.imported", nameof(StoredStatement),
                results.FirstOrDefault(r => r.Id is not null)?.Id?.ToString(),
                new { fileName, format, result.NewLines, result.KnownLines, Statements = results.Where(r => r.Id is not null).Select(r => r.Id) });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>A statement without lines is stored once: known when the account has one of the same id, number and days.</summary>
    private Task<bool> KnownEmptyAsync(StoredStatement row, CancellationToken ct) =>
        db.BankStatements.AsNoTracking().AnyAsync(s => s.CompanyId == scope.CompanyId && s.BankAccountId == row.BankAccountId
            && s.LineCount == 0 && s.StatementId == row.StatementId && s.SequenceNumber == row.SequenceNumber
            && s.OpeningBalanceDate == row.OpeningBalanceDate && s.ClosingBalanceDate == row.ClosingBalanceDate, ct);

    /// <summary>A key longer than its column (a very long bank reference) is kept as its digest, the same each time.</summary>
    private static string Fit(string key) =>
        key.Length <= MaxKeyChars ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The name without any folder a browser or a program put in front of it.</summary>
    private static string FileName(string? name)
    {
        var bare = (name ?? "").Replace('\\', '/');
        bare = bare[(bare.LastIndexOf('/') + 1)..].Trim();
        bare = new string([.. bare.Where(c => !char.IsControl(c))]);
        return bare.Length == 0 ? "statement" : bare.Length > 255 ? bare[..255] : bare;
    }
}
