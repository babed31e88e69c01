using System.Text;
using Huikuan.Statements.Camt;
using Huikuan.Statements.Mt940;

namespace Huikuan.Statements.Tests;

/// <summary>A line imported twice, or in two overlapping files, is known by the same key; two equal payments are two lines.</summary>
public sealed class LineIdentityTests
{
    private static readonly DateOnly Day = new(2026, 12, 4);

    private static StatementLine Line(decimal amount, string? reference = null, string? payer = "上海某某贸易有限公司", string? text = "INV-2026-00042") =>
        new() { BookingDate = Day, Amount = amount, Currency = "CNY", BankReference = reference, CounterpartyName = payer, RemittanceText = text };

    private static BankStatement Statement(params StatementLine[] lines) =>
        new() { Format = StatementFormat.Table, Account = "6225 8801 0001", Currency = "CNY", Lines = lines };

    [Fact]
    public void ALineWithTheBanksReference_IsKnownByIt_WhateverItsTextSays()
    {
        var first = LineIdentity.Keys(Statement(Line(100m, "202612040001", text: "货款")))[0];
        var again = LineIdentity.Keys(Statement(Line(100m, " 202612040001 ", text: "货款 INV-42")))[0];

        Assert.Equal(first, again);
        Assert.StartsWith("ref:6225 8801 0001|202612040001#1", first, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoEqualPaymentsOnOneDay_WithoutAReference_AreTwoLines_AndTheSameTwoWhenReadAgain()
    {
        var keys = LineIdentity.Keys(Statement(Line(100m), Line(100m)));
        var again = LineIdentity.Keys(Statement(Line(100m), Line(100m)));

        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal(keys, again);
    }

    [Theory]
    [InlineData("100.01", "上海某某贸易有限公司", "INV-2026-00042")]
    [InlineData("100.00", "上海某某贸易有限责任公司", "INV-2026-00042")]
    [InlineData("100.00", "上海某某贸易有限公司", "INV-2026-00043")]
    public void ALineWithoutAReference_ThatDiffersInAmountPayerOrText_IsAnotherLine(string amount, string payer, string text)
    {
        var key = LineIdentity.Keys(Statement(Line(100m)))[0];

        Assert.NotEqual(key, LineIdentity.Keys(Statement(Line(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), payer: payer, text: text)))[0]);
    }

    [Fact]
    public void FullWidthAndSpacing_DoNotMakeANewLine_NorDoesNONREF()
    {
        var key = LineIdentity.Keys(Statement(Line(100m, "NONREF", text: "INV-2026-00042")))[0];

        Assert.Equal(key, LineIdentity.Keys(Statement(Line(100m, text: "ＩＮＶ－２０２６－０００４２ ")))[0]);
        Assert.StartsWith("hash:", key, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameAmountOnTheSameDay_OnAnotherAccount_IsAnotherLine()
    {
        var here = LineIdentity.Keys(Statement(Line(100m, "R1")))[0];
        var there = LineIdentity.Keys(Statement(Line(100m, "R1")) with { Account = "6225 8801 0002" })[0];

        Assert.NotEqual(here, there);
    }

    [Fact]
    public void EverySampleFile_ReadTwice_GivesTheSameKeys_AndNoKeyTwice()
    {
        var folder = SampleFolder();
        var files = Directory.EnumerateFiles(folder, "*.sta", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Where(f => !f.EndsWith("wrong.xml", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            IReadOnlyList<BankStatement> Read()
            {
                using var stream = File.OpenRead(file);
                return file.EndsWith(".sta", StringComparison.Ordinal) ? Mt940Reader.Read(stream) : CamtReader.Read(stream);
            }
            var first = Read().SelectMany(LineIdentity.Keys).ToList();
            var second = Read().SelectMany(LineIdentity.Keys).ToList();

            Assert.Equal(first, second);
            // Within one statement no two lines share a key; across a file's statements only a repeated statement would.
            foreach (var statement in Read())
            {
                var keys = LineIdentity.Keys(statement);
                Assert.True(keys.Count == keys.Distinct(StringComparer.Ordinal).Count(), $"{Path.GetFileName(file)}: a key repeats");
            }
        }
    }

    private static string SampleFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
        {
            dir = dir.Parent;
        }
        var folder = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "bank-statements"));
        Assert.True(folder is not null && Directory.Exists(folder), "The sample statements are missing: ../shared/data/bank-statements next to the repository.");
        return folder!;
    }
}
