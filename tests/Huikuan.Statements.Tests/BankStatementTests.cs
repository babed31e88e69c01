using Huikuan.Statements;

namespace Huikuan.Statements.Tests;

public sealed class BankStatementTests
{
    [Fact]
    public void OpeningAndClosing_AreTheBookedBalances_NotTheInterimOrAvailableOnes()
    {
        var day = new DateOnly(2026, 12, 1);
        var statement = new BankStatement
        {
            Format = StatementFormat.Camt053, Currency = "CNY",
            Balances =
            [
                new StatementBalance(BalanceKind.InterimOpening, day, 1m, "CNY"),
                new StatementBalance(BalanceKind.Opening, day, 100m, "CNY"),
                new StatementBalance(BalanceKind.ClosingAvailable, day, 2m, "CNY"),
                new StatementBalance(BalanceKind.Closing, day, -50.5m, "CNY"),
            ],
        };

        Assert.Equal((100m, -50.5m), (statement.Opening!.Amount, statement.Closing!.Amount));
    }
}
