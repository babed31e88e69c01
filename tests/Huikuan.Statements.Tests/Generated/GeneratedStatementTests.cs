using Huikuan.DataGen;
using Huikuan.DataGen.Statements;
using Huikuan.Statements.Camt;
using Huikuan.Statements.Mt940;
using Huikuan.Statements.Table;

namespace Huikuan.Statements.Tests.Generated;

/// <summary>
/// The generated statements the match-rate report runs on: the truth behind each line is consistent, and the files
/// written in each format read back, through our own readers, to the same lines.
/// </summary>
public sealed class GeneratedStatementTests
{
    private static readonly DataSetSpec Spec = new("stmt", 300, 3_000, new DateOnly(2026, 12, 4));
    private static readonly GeneratedData Data = Generator.Generate(Spec);
    private static readonly GenStatement Statement = StatementGenerator.Generate(Data, 400);

    [Fact]
    public void EveryBehaviourABankShowsOccurs_AndUnrelatedLinesHaveNoPayer()
    {
        var behaviours = Statement.Lines.Select(l => l.Behaviour).Distinct().ToHashSet();

        Assert.Equal(Enum.GetValues<PayerBehaviour>().ToHashSet(), behaviours);
        Assert.All(Statement.Lines.Where(l => l.Behaviour is PayerBehaviour.Unrelated or PayerBehaviour.Lookalike), l =>
        {
            Assert.Null(l.CustomerIndex);
            Assert.Empty(l.Expected);
        });
        Assert.Contains(Statement.Lines, l => l.AmountMinor < 0);
    }

    [Fact]
    public void WhatALinePaysAddsUpToItsAmount_AndNoInstallmentIsPaidTwice()
    {
        var open = StatementGenerator.OpenItems(Data).Values.SelectMany(v => v).ToDictionary(i => i.InstallmentId);
        foreach (var line in Statement.Lines.Where(l => l.CustomerIndex is not null))
        {
            Assert.Equal(line.AmountMinor, line.Expected.Sum(e => e.AmountMinor));
            Assert.All(line.Expected, e => Assert.True(e.AmountMinor <= open[e.InstallmentId].OpenMinor));
        }
        var paid = Statement.Lines.SelectMany(l => l.Expected).Select(e => e.InstallmentId).ToList();
        Assert.Equal(paid.Count, paid.Distinct().Count());
        Assert.All(Statement.Lines.Where(l => l.Behaviour == PayerBehaviour.FeeDeducted && l.FeeMinor > 0),
            l => Assert.Equal(open[l.Expected[0].InstallmentId].OpenMinor, l.AmountMinor + l.FeeMinor));
    }

    [Fact]
    public void TheSameDataGivesTheSameStatement()
    {
        var again = StatementGenerator.Generate(Generator.Generate(Spec), 400);

        Assert.Equal(Statement.Lines, again.Lines, (a, b) => a with { Expected = [] } == b with { Expected = [] } && a.Expected.SequenceEqual(b.Expected));
    }

    [Fact]
    public void Camt053_ReadsBackToTheSameLines_AndBalances()
    {
        var read = ReadBack(StatementFileFormat.Camt053, s => CamtReader.Read(s));

        AssertSameLines(read);
        Assert.Equal(Statement.Iban, read.Account);
    }

    [Fact]
    public void Mt940_ReadsBackToTheSameLines_AndBalances()
    {
        var read = ReadBack(StatementFileFormat.Mt940, s => Mt940Reader.Read(s));

        AssertSameLines(read);
        Assert.Equal(Statement.Iban, read.Account);
    }

    [Fact]
    public void CmbCsv_IsDetectedAsThatBank_AndReadsBackToTheSameLines_AndBalances()
    {
        using var file = new MemoryStream();
        StatementWriters.Write(Statement, StatementFileFormat.CmbCsv, file);
        file.Position = 0;
        var preset = TablePresets.Detect(DelimitedText.ReadRows(file));
        file.Position = 0;

        Assert.Equal("cmb", preset?.Name);
        var read = TableStatementReader.Read(DelimitedText.ReadRows(file), preset!.Layout, new TableReadOptions { Currency = Statement.Currency });
        // 招商银行 writes the bank's 摘要 beside the payer's 用途; the reader joins both.
        AssertSameLines(read, (text, incoming) => (incoming ? "转账收入 / " : "转账支出 / ") + text);
        Assert.Equal(Statement.AccountNumber, read.Account);
        Assert.DoesNotContain(read.Warnings, w => w.Code != "table.summary");
        Assert.Equal(Statement.OpeningMinor / 100m, read.Opening?.Amount);
        Assert.Equal(Statement.ClosingMinor / 100m, read.Closing?.Amount);
    }

    [Fact]
    public void NoisyReferences_AreWrittenTheWaysCarelessPayersTypeThem()
    {
        var rng = new Prng(7);
        var forms = Enumerable.Range(0, 60).Select(_ => StatementGenerator.Noisy(rng, "INV-000123")).ToHashSet();

        Assert.Contains("inv-000123", forms);
        Assert.Contains("INV000123", forms);
        Assert.Contains("INV 000123", forms);
        Assert.Contains("ＩＮＶ－０００１２３", forms);
        Assert.Contains("发票号:inv_000123", forms);
    }

    private static BankStatement ReadBack(StatementFileFormat format, Func<Stream, IReadOnlyList<BankStatement>> read)
    {
        using var file = new MemoryStream();
        StatementWriters.Write(Statement, format, file);
        file.Position = 0;
        var statements = read(file);
        var statement = Assert.Single(statements);
        Assert.DoesNotContain(statement.Warnings, w => w.Code.Contains("balance", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(statement.Balances, b => b.Kind == BalanceKind.Opening && b.Amount == Statement.OpeningMinor / 100m);
        Assert.Contains(statement.Balances, b => b.Kind == BalanceKind.Closing && b.Amount == Statement.ClosingMinor / 100m);
        return statement;
    }

    private static void AssertSameLines(BankStatement read, Func<string, bool, string>? remittance = null)
    {
        Assert.Equal(Statement.Lines.Count, read.Lines.Count);
        for (var i = 0; i < Statement.Lines.Count; i++)
        {
            var expected = Statement.Lines[i];
            var line = read.Lines[i];
            Assert.Equal(expected.AmountMinor / 100m, line.Amount);
            Assert.Equal(expected.BookingDate, line.BookingDate);
            Assert.Equal(expected.BankReference, line.BankReference);
            Assert.Equal(expected.CounterpartyName, line.CounterpartyName);
            Assert.Equal(expected.CounterpartyAccount, line.CounterpartyAccount);
            Assert.Equal(remittance is null ? expected.RemittanceText : remittance(expected.RemittanceText, expected.AmountMinor >= 0), line.RemittanceText);
        }
    }
}
