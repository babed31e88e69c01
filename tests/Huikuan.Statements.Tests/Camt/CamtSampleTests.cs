using System.Globalization;
using System.Text.Json;
using Huikuan.Statements.Camt;

namespace Huikuan.Statements.Tests.Camt;

/// <summary>
/// Every camt sample with an expected result, read and compared with the reference parser's dump. Where that parser's
/// model differs from ours the comparison is written down beside it: it keeps a batch whose parts do not add up to the
/// entry (camt054 v2, v4, v8: parts in CHF or without amounts under a SEK entry) as parts, we keep the entry as one
/// line with a warning; it has no notion of a split, so the expected lines are derived from its parts below.
/// </summary>
public sealed class CamtSampleTests
{
    public static TheoryData<string> Samples => CamtSamples.WithExpectedResult();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ReadsAsTheReferenceParserDumpedIt(string name)
    {
        var path = CamtSamples.PathOf(name);
        IReadOnlyList<BankStatement> statements;
        using (var stream = File.OpenRead(path))
        {
            statements = CamtReader.Read(stream);
        }

        using var dump = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));
        var message = dump.RootElement;
        Assert.Equal(message.Get("getRecords")!.Value.GetArrayLength(), statements.Count);
        var records = Records(message).ToList();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var statement = Assert.Single(statements, s => s.StatementId == record.Text("getId"));
            AssertStatement(record, statement);
            var entries = EntriesOf(record, message);
            AssertLines(entries, statement.Lines);
            Assert.Equal(Balances(record, entries) ? 0 : 1, statement.Warnings.Count(w => w.Code is
                StatementWarningCodes.Unbalanced or StatementWarningCodes.BalanceCurrencies));
        }
    }

    /// <summary>
    /// The records the dump shows in full; one only referred to (multi.statement's first) cannot be compared beyond
    /// the count of records.
    /// </summary>
    private static IEnumerable<JsonElement> Records(JsonElement message) =>
        message.List("getRecords")
            .Concat(message.List("getEntries").Select(e => e.Get("getRecord")).OfType<JsonElement>())
            .DistinctBy(r => r.Text("getId"));

    private static List<JsonElement> EntriesOf(JsonElement record, JsonElement message)
    {
        var listed = record.Get("getEntries")!.Value.GetArrayLength();
        var entries = record.List("getEntries");
        entries.AddRange(message.List("getEntries").Where(e => e.Get("getRecord") is null
            || e.Get("getRecord")!.Value.Text("getId") == record.Text("getId")));
        var distinct = entries.DistinctBy(e => e.GetRawText()).ToList();
        Assert.Equal(listed, distinct.Count);
        return distinct;
    }

    private static void AssertStatement(JsonElement record, BankStatement statement)
    {
        var account = record.Get("getAccount");
        Assert.Equal(account?.Text("getIdentification"), statement.Account);
        Assert.Equal(account?.Text("getName"), statement.AccountName);
        Assert.Equal(record.Text("getElectronicSequenceNumber"), statement.SequenceNumber);
        if (record.Get("getCreatedOn")?.Text("0") is { } created)
        {
            Assert.Equal(DateTimeOffset.Parse(created, CultureInfo.InvariantCulture), statement.CreatedAt);
        }

        var balances = record.List("getBalances");
        Assert.Equal(balances.Count, statement.Balances.Count);
        foreach (var (expected, actual) in balances.Zip(statement.Balances))
        {
            Assert.Equal(expected.Get("getAmount")!.Value.Money(), (actual.Amount, actual.Currency));
            Assert.Equal(expected.Day("getDate"), actual.Date);
            Assert.Contains(actual.Code, IsoCodes(expected.Text("getType")!));
        }
    }

    /// <summary>
    /// Whether the dumped record balances: opening (or previously closed) plus its booked entries is the closing, in
    /// one currency. A record without both balances has nothing to check, so it balances.
    /// </summary>
    private static bool Balances(JsonElement record, List<JsonElement> entries)
    {
        var balances = record.List("getBalances");
        var opening = balances.FirstOrDefault(b => b.Text("getType") == "opening");
        var closing = balances.FirstOrDefault(b => b.Text("getType") == "closing");
        if (opening.ValueKind != JsonValueKind.Object || closing.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var (start, currency) = opening.Get("getAmount")!.Value.Money();
        var end = closing.Get("getAmount")!.Value.Money();
        var booked = entries.Where(e => e.Text("getStatus") is null or "BOOK")
            .Sum(e => e.Get("getAmount")!.Value.Money().Amount);
        return end.Currency == currency && start + booked == end.Amount;
    }

    /// <summary>The reference parser names balance kinds in words; these are the ISO codes behind each.</summary>
    private static string[] IsoCodes(string type) => type switch
    {
        "opening" => ["OPBD", "PRCD"],
        "closing" => ["CLBD"],
        "opening_available" => ["OPAV"],
        "closing_available" => ["CLAV"],
        "interim" => ["ITBD"],
        "interim_available" => ["ITAV"],
        "forward_available" => ["FWAV"],
        "information" => ["INFO"],
        "expected_credit" => ["XPCD"],
        _ => [type],
    };

    private static void AssertLines(List<JsonElement> entries, IReadOnlyList<StatementLine> lines)
    {
        var expected = entries.SelectMany(ExpectedLines).ToList();
        Assert.Equal(expected.Count, lines.Count);
        foreach (var ((entry, transaction, amount), line) in expected.Zip(lines))
        {
            Assert.Equal(amount, (line.Amount, line.Currency));
            Assert.Equal(entry.Day("getBookingDate"), line.BookingDate);
            Assert.Equal(entry.Day("getValueDate"), line.ValueDate);
            Assert.Equal(entry.Get("getReversalIndicator")?.GetBoolean() ?? false, line.Reversal);
            var reference = transaction?.Get("getReference");
            Assert.Equal(entry.Text("getAccountServicerReference") ?? reference?.Text("getAccountServicerReference"),
                line.BankReference);
            Assert.Equal(TransactionCode(transaction?.Get("getBankTransactionCode"))
                         ?? TransactionCode(entry.Get("getBankTransactionCode")), line.TransactionCode);
            if (transaction is { } details)
            {
                CamtTransactionAssert.Matches(details, line);
            }
        }
    }

    /// <summary>
    /// The lines an entry should give: one per transaction when the parts, in the entry's currency, add up to it
    /// (signed as the entry), else the entry as one line carrying its first transaction's details.
    /// </summary>
    private static IEnumerable<(JsonElement Entry, JsonElement? Transaction, (decimal, string) Amount)> ExpectedLines(
        JsonElement entry)
    {
        var total = entry.Get("getAmount")!.Value.Money();
        var transactions = entry.List("getTransactionDetails", "getTransactionDetail");
        var parts = transactions.Select(t => (t.Get("getAmount") ?? t.Get("getAmountDetails"))?.Money()).ToList();
        var splits = transactions.Count > 1 && parts.All(p => p?.Currency == total.Currency)
                     && parts.Sum(p => Math.Abs(p!.Value.Amount)) == Math.Abs(total.Amount);
        if (!splits)
        {
            return [(entry, transactions.Count > 0 ? transactions[0] : null, total)];
        }

        var sign = Math.Sign(total.Amount);
        return transactions.Select((t, i) =>
            (entry, (JsonElement?)t, (sign * Math.Abs(parts[i]!.Value.Amount), total.Currency)));
    }

    private static string? TransactionCode(JsonElement? code)
    {
        if (code?.Get("getDomain") is { } domain)
        {
            var family = domain.Get("getFamily");
            var parts = new[] { domain.Text("getCode"), family?.Text("getCode"), family?.Text("getSubFamilyCode") };
            return string.Join('/', parts.Where(p => !string.IsNullOrEmpty(p)));
        }

        return code?.Get("getProprietary")?.Text("getCode");
    }
}
