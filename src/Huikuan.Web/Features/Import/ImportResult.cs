using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Import;

public sealed record CurrencyTotal(string Currency, decimal Amount, decimal Open);

/// <summary>What an import did (or, with dryRun, would do): rows read, rows imported, money per currency.</summary>
public sealed record ImportSummary(
    string Kind, bool DryRun, int RowsRead, int RowsImported, IReadOnlyList<CurrencyTotal> Totals, IReadOnlyList<string> IgnoredColumns,
    int OpeningReceipts = 0);

/// <summary>The file was read but some rows break a rule: nothing was imported. Becomes a 422 listing the rows.</summary>
public sealed class ImportRejectedException(string kind, int rowsRead, IReadOnlyList<ImportRowError> errors)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"{errors.Select(e => e.Row).Distinct().Count()} of {rowsRead} rows have errors; nothing was imported."))
{
    public string Kind { get; } = kind;
    public int RowsRead { get; } = rowsRead;
    public IReadOnlyList<ImportRowError> Errors { get; } = errors;
}

/// <summary>Sums per currency, in minor units until the end so that totals are exact.</summary>
internal sealed class Totals
{
    private readonly SortedDictionary<string, (Currency Currency, long Amount, long Open)> _byCurrency = new(StringComparer.Ordinal);

    public void Add(Currency currency, long amount, long open)
    {
        var current = _byCurrency.TryGetValue(currency.Code, out var t) ? t : (currency, 0L, 0L);
        _byCurrency[currency.Code] = (currency, current.Item2 + amount, current.Item3 + open);
    }

    public IReadOnlyList<CurrencyTotal> ToList() =>
        _byCurrency.Values.Select(t => new CurrencyTotal(t.Currency.Code, t.Currency.ToMajor(t.Amount), t.Currency.ToMajor(t.Open))).ToList();
}

/// <summary>The shared steps of the three imports: reject with every error, and insert in one transaction in batches.</summary>
internal static class ImportSteps
{
    private const int BatchRows = 1000;
    private const int LookupChunk = 500;

    public static void RejectIfAny(string kind, RawTable table, List<ImportRowError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(kind, table.Rows.Count, errors.OrderBy(e => e.Row).ToList());
        }
    }

    /// <summary>
    /// One transaction for the whole file, written in batches of <see cref="BatchRows"/> rows: on SQLite by SaveChanges,
    /// clearing the change tracker after each so that memory stays flat; on PostgreSQL by binary COPY per table
    /// (<see cref="PostgresCopy"/>). <paramref name="prepare"/> runs inside the transaction (e.g. to reserve numbers).
    /// <paramref name="entities"/> lists every row to write, dependants included, principals first. After each batch the
    /// rows written so far are reported; a retried transaction starts again from zero.
    /// </summary>
    public static async Task InsertAsync<T>(HuikuanDbContext db, IReadOnlyList<T> rows, IProgress<ImportProgress>? progress,
        Func<CancellationToken, Task> prepare, Func<T, IEnumerable<object>> entities, CancellationToken ct)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await Transactions.RunAsync(db, async token =>
            {
                var writing = new ProgressMeter(progress, ImportPhase.Writing, rows.Count);
                writing.Start();
                await prepare(token);
                var written = 0;
                foreach (var batch in rows.Chunk(BatchRows))
                {
                    if (db.IsSqlite)
                    {
                        db.AddRange(batch.SelectMany(entities));
                        await db.SaveChangesAsync(token);
                        db.ChangeTracker.Clear();
                    }
                    else
                    {
                        await PostgresCopy.WriteAsync(db, batch.SelectMany(entities), token);
                    }
                    written += batch.Length;
                    writing.Row(written);
                }
                return true;
            }, ct);
        }
        catch (Exception e) when (Db.IsUniqueViolation(e))
        {
            throw new ConflictException("import.raced",
                "A customer, document number or bank reference in this file was created by someone else while the file was being imported. Nothing was imported; upload the file again to see which rows.");
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Which of <paramref name="keys"/> already exist, asked in chunks so no query carries thousands of parameters.</summary>
    public static async Task<HashSet<string>> ExistingAsync(IEnumerable<string> keys, Func<string[], CancellationToken, Task<List<string>>> query, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            found.UnionWith(await query(chunk, ct));
        }
        return found;
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive receipt numbers in one update, in the caller's transaction;
    /// the format is that of <see cref="Numbering"/>, so later receipts continue the sequence without a gap.
    /// </summary>
    public static async Task<Func<int, string>> ReserveNumbersAsync(HuikuanDbContext db, Guid company, string prefix, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return _ => throw new InvalidOperationException("No numbers were reserved.");
        }
        var updated = await db.NumberSequences.Where(s => s.CompanyId == company && s.Name == prefix)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + count), ct);
        long first;
        if (updated == 0)
        {
            db.NumberSequences.Add(new NumberSequence { CompanyId = company, Name = prefix, NextValue = 1 + count });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            first = 1;
        }
        else
        {
            first = await db.NumberSequences.AsNoTracking().Where(s => s.CompanyId == company && s.Name == prefix).Select(s => s.NextValue).SingleAsync(ct) - count;
        }
        return i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{first + i:D6}");
    }
}
