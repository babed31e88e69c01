using System.Text.Json;
using static Huikuan.Statements.Tests.Mt940.SampleFilesTests;

namespace Huikuan.Statements.Tests.Mt940;

/// <summary>The reference parser's statement fields, which are those of the file's last statement.</summary>
internal static class ExpectedStatement
{
    private static readonly (string Name, BalanceKind Kind)[] BalanceNames =
    [
        ("final_opening_balance", BalanceKind.Opening),
        ("final_closing_balance", BalanceKind.Closing),
        ("intermediate_opening_balance", BalanceKind.InterimOpening),
        ("intermediate_closing_balance", BalanceKind.InterimClosing),
        ("available_balance", BalanceKind.ClosingAvailable),
        ("forward_available_balance", BalanceKind.ForwardAvailable),
    ];

    public static void AssertMatches(JsonElement expected, IReadOnlyList<BankStatement> statements, string where)
    {
        var statement = statements[^1];
        if (Text(expected, "transaction_reference") is { } reference)
        {
            Assert.Equal(reference, statement.StatementId);
        }
        if (Text(expected, "account_identification") is { } account)
        {
            // The reference parser cuts the account at 35 characters even when the field runs on over several lines.
            Assert.StartsWith(account, statement.Account, StringComparison.Ordinal);
        }
        if (Text(expected, "statement_number") is { } number)
        {
            var sequence = Text(expected, "sequence_number");
            Assert.Equal(sequence is null ? number : $"{number}/{sequence}", statement.SequenceNumber);
        }
        foreach (var (name, kind) in BalanceNames)
        {
            AssertBalance(expected, name, kind, statements, where);
        }
    }

    /// <summary>
    /// A field repeated in one file is the last one for the reference parser, which keeps an earlier statement's value
    /// when the last statement has none (a :60M: continuation page has no :60F:); the model keeps each statement's own.
    /// </summary>
    private static void AssertBalance(
        JsonElement expected, string name, BalanceKind kind, IReadOnlyList<BankStatement> statements, string where)
    {
        if (!expected.TryGetProperty(name, out var balance))
        {
            return;
        }
        var ours = statements.SelectMany(s => s.Balances).LastOrDefault(b => b.Kind == kind);
        Assert.True(ours is not null, $"{where}: no {kind} balance");
        var amount = Amount(balance.GetProperty("amount"));
        var signed = balance.GetProperty("status").GetString() == "D" ? -Math.Abs(amount) : amount;
        Assert.Equal(
            (signed, Text(balance, "currency"), Date(balance.GetProperty("date"))), (ours.Amount, ours.Currency, ours.Date));
    }
}
