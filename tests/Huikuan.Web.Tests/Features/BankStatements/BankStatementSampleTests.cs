using System.Globalization;
using System.Text.Json;
using Huikuan.Domain.Money;
using Huikuan.Statements;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Tests.Infrastructure;
using BankStatement = Huikuan.Statements.BankStatement;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>
/// Every camt and MT940 sample with an expected result, imported through the API into the bank accounts it names, and
/// the stored lines compared with the expected result (MT940: the count and each signed amount, date and reference;
/// camt: the statements, accounts and the bank's references) and, field by field, with what the reader reads; then
/// imported again, which adds nothing.
/// </summary>
public abstract class BankStatementSampleTests(HuikuanApp app)
{
    public static TheoryData<string> Samples => BankFiles.WithExpectedResult();

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_IsStoredAsExpected_AndASecondImportAddsNothing(string sample)
    {
        var api = await app.NewCompanyAsync();
        var read = BankFiles.Read(sample);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(BankFiles.Folder, Path.ChangeExtension(sample, ".json"))));
        var accounts = read.Where(s => !string.IsNullOrEmpty(s.Account)).Select(s => (s.Account!, CurrencyOf(s))).Distinct().ToList();
        Guid? chosen = null;
        foreach (var (number, currency) in accounts)
        {
            await BankFiles.AccountAsync(api, number, currency);
        }
        if (accounts.Count == 0)
        {
            // The file names no account (MT940 fragments without :25:): the account is chosen on upload.
            chosen = (await BankFiles.AccountAsync(api, "CHOSEN-1", CurrencyOf(read[0]))).Id;
        }

        var imported = await BankFiles.ImportOkAsync(api, BankFiles.Bytes(sample), Path.GetFileName(sample), chosen);

        var lines = await BankFiles.LinesAsync(api, imported);
        var fromFile = read.SelectMany(s => s.Lines).ToList();
        Assert.Equal(read.Count, imported.Statements.Count);
        Assert.Equal((fromFile.Count, 0), (imported.NewLines, imported.KnownLines));
        Assert.Equal(fromFile.Count, lines.Count);
        foreach (var (line, stored) in fromFile.Zip(lines))
        {
            AssertStored(line, stored, accountCurrency: CurrencyOf(read[0]));
        }
        if (sample.EndsWith(".sta", StringComparison.Ordinal))
        {
            AssertMt940(expected.RootElement, read, lines);
        }
        else
        {
            AssertCamt(expected.RootElement, read, imported, lines);
        }
        foreach (var (statement, source) in imported.Statements.Zip(read))
        {
            // What the reader warned of is kept, never dropped: a statement that does not balance says so.
            Assert.Equal(source.Warnings.Select(w => w.Code).Order(StringComparer.Ordinal),
                statement.Warnings.Select(w => w.Code).Where(c => source.Warnings.Any(w => w.Code == c)).Order(StringComparer.Ordinal));
        }

        var again = await BankFiles.ImportOkAsync(api, BankFiles.Bytes(sample), Path.GetFileName(sample), chosen);
        Assert.Equal((0, fromFile.Count), (again.NewLines, again.KnownLines));
        Assert.All(again.Statements, s => Assert.False(s.Stored));
        Assert.Equal(fromFile.Count, await BankFiles.StoredLineCountAsync(api));
    }

    /// <summary>The currency an account of this statement has: the file's, or (MT940 files that state none) the lines' or EUR.</summary>
    private static string CurrencyOf(BankStatement statement) =>
        statement.Currency is { Length: 3 } c && c != "XXX" ? c
        : statement.Lines.Select(l => l.Currency).FirstOrDefault(x => x != "XXX") ?? "EUR";

    private static void AssertStored(StatementLine line, BankStatementLineView stored, string accountCurrency)
    {
        var currency = line.Currency == "XXX" ? accountCurrency : line.Currency;
        var minor = Currency.Of(currency).RoundToMinor(line.Amount);
        Assert.Equal((Currency.Of(currency).ToMajor(minor), currency), (stored.Amount, stored.Currency));
        Assert.Equal((line.Index, line.BookingDate, line.ValueDate, line.Reversal), (stored.Index, stored.BookingDate, stored.ValueDate, stored.Reversal));
        Assert.Equal((line.BankReference, line.CustomerReference, line.EndToEndId, line.TransactionCode),
            (stored.BankReference, stored.CustomerReference, stored.EndToEndId, stored.TransactionCode));
        Assert.Equal((line.CounterpartyName, line.CounterpartyAccount, line.RemittanceText, line.StructuredReference),
            (stored.CounterpartyName, stored.CounterpartyAccount, stored.RemittanceText, stored.StructuredReference));
        Assert.Equal(BankLineStatus.Unmatched, stored.Status);
    }

    /// <summary>The reference parser's count, signed amounts (a reversal signed by its effect), value dates and bank references.</summary>
    private static void AssertMt940(JsonElement expected, IReadOnlyList<BankStatement> read, List<BankStatementLineView> lines)
    {
        Assert.Equal(expected.GetProperty("transaction_count").GetInt32(), lines.Count);
        if (Text(expected.GetProperty("statement"), "account_identification") is { } account)
        {
            Assert.StartsWith(account, read[^1].Account, StringComparison.Ordinal);
        }
        foreach (var (transaction, stored) in expected.GetProperty("transactions").EnumerateArray().Zip(lines))
        {
            var value = decimal.Parse(transaction.GetProperty("amount").GetProperty("amount").GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture);
            var signed = transaction.GetProperty("status").GetString() switch { "RC" => -Math.Abs(value), "RD" => Math.Abs(value), _ => value };
            Assert.Equal(signed, stored.Amount);
            Assert.Equal(DateOnly.ParseExact(transaction.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture), stored.ValueDate);
            if (Text(transaction, "bank_reference") is { Length: > 0 } reference)
            {
                Assert.Contains(reference, $"{stored.CustomerReference}//{stored.BankReference}{Supplementary(stored)}", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The reference parser's records (one statement each), their accounts and every bank reference it dumped.</summary>
    private static void AssertCamt(JsonElement expected, IReadOnlyList<BankStatement> read, BankStatementImport imported, List<BankStatementLineView> lines)
    {
        Assert.Equal(expected.GetProperty("getRecords").GetArrayLength(), imported.Statements.Count);
        var entries = expected.GetProperty("getEntries").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        foreach (var entry in entries)
        {
            if (entry.TryGetProperty("getRecord", out var record) && record.ValueKind == JsonValueKind.Object
                && record.TryGetProperty("getAccount", out var account) && Text(account, "getIdentification") is { } number)
            {
                Assert.Contains(read, s => s.Account == number);
            }
            if (Text(entry, "getAccountServicerReference") is { } reference)
            {
                Assert.Contains(lines, l => l.BankReference == reference);
            }
        }
    }

    /// <summary>What followed the :61: references (kept in the line's details), where a long bank reference runs on.</summary>
    private static string? Supplementary(BankStatementLineView line) =>
        line.Details is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(line.Details)!.GetValueOrDefault("61.supplementary");

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed class BankStatementSampleTestsOnSqlite(SqliteApp app) : BankStatementSampleTests(app), IClassFixture<SqliteApp>;

public sealed class BankStatementSampleTestsOnPostgres(PostgresApp app) : BankStatementSampleTests(app), IClassFixture<PostgresApp>;
