using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Huikuan.Statements.Table;

namespace Huikuan.Statements.Tests.Table;

/// <summary>
/// Whatever a bank, a person with Excel or an attacker sends, the tokenizer gives rows and the reader either reads them
/// or refuses the file with a <see cref="StatementFormatException"/>; any other exception would reach the user as a crash.
/// </summary>
public sealed class TableFuzzTests
{
    private static readonly (TablePreset Preset, string Text)[] Exports =
    [
        (TablePresets.Cmb, Gb(ChineseExports.Cmb())),
        (TablePresets.Cmbc, Gb(ChineseExports.Cmbc())),
        (TablePresets.Citic, Gb(ChineseExports.Citic())),
        (TablePresets.Icbc, Gb(ChineseExports.Icbc())),
        (TablePresets.Alipay, Gb(ChineseExports.Alipay())),
        (TablePresets.WeChatPay, Encoding.UTF8.GetString(ChineseExports.WeChatPay())),
    ];

    private static readonly (TablePreset Preset, List<IReadOnlyList<string>> Top)[] Tops =
        Exports.Select(e => (e.Preset, Top(e.Text))).ToArray();

    /// <summary>What damages a table most: separators, quotes, line ends, signs, exponents, summary starts, wide forms.</summary>
    private static readonly Gen<string> Junk =
        Gen.Char["\",\t\r\n`=0123456789.-+()Ee¥￥元合计#—：:年月日 １，．"].Array[1, 12].Select(c => new string(c));

    [Fact]
    public void RandomBytes_AreReadOrRefused_WithEveryPreset_NeverCrash()
    {
        Gen.Byte.Array[0, 3_000].Sample(bytes =>
        {
            foreach (var preset in TablePresets.All)
            {
                ReadsOrRefuses(bytes, preset.Layout);
            }
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Exports_WithRandomDamage_AreReadOrRefused_NeverCrash()
    {
        var damage = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Junk);
        Gen.Select(Gen.Int[0, Exports.Length - 1], damage.Array[1, 6]).Sample((which, damages) =>
        {
            var (preset, text) = Exports[which];
            foreach (var (kind, at, junk) in damages)
            {
                text = Damage(text, kind, at, junk);
            }
            var bytes = which == Exports.Length - 1 ? Encoding.UTF8.GetBytes(text) : DelimitedText.Gb18030.GetBytes(text);
            ReadsOrRefuses(bytes, preset.Layout);
            _ = TablePresets.Detect(ChineseExports.Rows(bytes));
        }, iter: 3_000, threads: 1);
    }

    /// <summary>
    /// Rows under each preset's real header, of cells drawn from what breaks parsers, reach every cell parser; every warning
    /// carries the values its code names.
    /// </summary>
    [Fact]
    public void RowsOfTrickyCells_UnderEachPresetsHeader_AreReadOrSkippedWithAWarning()
    {
        string[] cells =
        [
            "", "0", "0.00", "-", "1,234.50", "(1.00)", "￥-3", "1E+25", "99999999999999999999999999999999", "20261201",
            "2026-02-29", "2026/12/31 24:00:00", "091530", "REFUND", "REVOKED", "CLOSED", "Y", "贷", "人民币", "USD", "合计", "#", "`", "=\"\"",
            "3.10012E+19", "ＡＢＣ", "\u0000", "‮", new string('9', 40),
        ];
        var row = Gen.Int[0, cells.Length - 1].Select(i => cells[i]).Array[0, 30];
        Gen.Select(Gen.Int[0, Exports.Length - 1], row.Array[1, 8]).Sample((which, rows) =>
        {
            var (preset, top) = Tops[which];
            var all = top.Concat(rows.Select(r => (IReadOnlyList<string>)r)).ToList();
            var statement = TableStatementReader.Read(all, preset.Layout, new TableReadOptions { Currency = "CNY" });
            Assert.Equal(Enumerable.Range(0, statement.Lines.Count), statement.Lines.Select(l => l.Index));
            var named = statement.Warnings.SelectMany(w => RowsNamed(w.Message)).ToHashSet();
            var first = all.Count - rows.Length + 1;
            var unnamed = rows.Select((r, i) => (Cells: r, Number: first + i))
                .Count(r => !r.Cells.All(IsBlank) && !named.Contains(r.Number));
            Assert.True(unnamed <= statement.Lines.Count, "a row gave neither a line nor a warning");
            Assert.All(statement.Warnings, w =>
                Assert.Equal(StatementWarningCodes.ValueNames[w.Code].Count, w.Values.Count));
        }, iter: 2_000, threads: 1);
    }

    [Fact]
    public void ATenMegabyteSingleLine_IsOneRow_AndRefusedForWantOfAHeader()
    {
        var bytes = new byte[10 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');

        var rows = DelimitedText.ReadRows(new MemoryStream(bytes)).ToList();

        Assert.Equal(bytes.Length, Assert.Single(Assert.Single(rows)).Length);
        Assert.Throws<StatementFormatException>(() => TableStatementReader.Read(rows, TablePresets.Cmb.Layout));
    }

    [Fact]
    public void AQuoteNeverClosed_AfterTheHeader_DoesNotSwallowThePaymentsAfterIt()
    {
        var text = "交易日期,贷方发生额,摘要\n20261201,1.00,\"货款\n20261202,2.00,货款\n" + new string('x', 1_000_000);

        var statement = TableStatementReaderTests.Read(text);

        Assert.Equal([1m, 2m], statement.Lines.Select(l => l.Amount));
        Assert.Equal("\"货款", statement.Lines[0].RemittanceText);
        Assert.Equal("Row 4: it has 1 filled cell(s) where the header needs 2; the row was skipped.",
            Assert.Single(statement.Warnings).Message);
    }

    [Fact]
    public void AMegabyteOfBinaryGarbage_IsRefused()
    {
        var bytes = new byte[1024 * 1024];
        new Random(20261206).NextBytes(bytes);

        foreach (var preset in TablePresets.All)
        {
            Assert.Throws<StatementFormatException>(() =>
                TableStatementReader.Read(DelimitedText.ReadRows(new MemoryStream(bytes)), preset.Layout));
        }
    }

    [Fact]
    public void ATabSeparatedExport_IsReadLikeItsCommaSeparatedTwin()
    {
        var comma = ChineseExports.Rows(ChineseExports.Cmbc());
        var tabbed = string.Join("\r\n", comma.Select(r => string.Join('\t', r)));

        var rows = ChineseExports.Rows(DelimitedText.Gb18030.GetBytes(tabbed));

        Assert.Equal(comma, rows);
        Assert.Equal(3, TableStatementReader.Read(rows, TablePresets.Cmbc.Layout).Lines.Count);
    }

    /// <summary>The row numbers a warning names: "Row 7" or "Rows 7–9", or counted by status: "… on rows 4, 7 and 9".</summary>
    private static IEnumerable<int> RowsNamed(string message)
    {
        var match = Regex.Match(message, "^Rows? ([0-9]+)(?:–([0-9]+))?");
        if (!match.Success)
        {
            return Regex.Matches(message, " on rows? ([0-9]+(?:(?:, | and )[0-9]+(?! more))*)")
                .SelectMany(list => Regex.Matches(list.Groups[1].Value, "[0-9]+"))
                .Select(n => int.Parse(n.Value, CultureInfo.InvariantCulture));
        }
        static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
        var from = Number(match.Groups[1]);
        var to = match.Groups[2].Success ? Number(match.Groups[2]) : from;
        return Enumerable.Range(from, to - from + 1);
    }

    /// <summary>A cell the tokenizer's cleaning empties.</summary>
    private static bool IsBlank(string cell) => cell.Trim() is "" or "`" or "=\"\"";

    /// <summary>An export's rows down to its header.</summary>
    private static List<IReadOnlyList<string>> Top(string text)
    {
        var rows = ChineseExports.Rows(Encoding.UTF8.GetBytes(text));
        return rows.Take(rows.FindIndex(r => TablePresets.Detect([r]) is not null) + 1).ToList();
    }

    private static string Damage(string text, int kind, int at, string junk)
    {
        if (text.Length == 0)
        {
            return junk;
        }
        var position = at % text.Length;
        var count = Math.Min(junk.Length * 7, text.Length - position);
        return kind switch
        {
            0 => text[..position],
            1 => text.Remove(position, count),
            2 => text.Insert(position, text.Substring(position, count)),
            3 => text.Insert(position, junk),
            _ => text.Remove(position, Math.Min(junk.Length, text.Length - position)).Insert(position, junk),
        };
    }

    private static void ReadsOrRefuses(byte[] bytes, TableLayout layout)
    {
        try
        {
            var statement = TableStatementReader.Read(DelimitedText.ReadRows(new MemoryStream(bytes)), layout);
            Assert.Equal(Enumerable.Range(0, statement.Lines.Count), statement.Lines.Select(l => l.Index));
            Assert.All(statement.Lines, l => Assert.Equal(3, l.Currency.Length));
            var keys = LineIdentity.Keys(statement);
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        }
        catch (StatementFormatException)
        {
            // Refused with a reason: what a file without a header should get.
        }
    }

    private static string Gb(byte[] bytes) => DelimitedText.Gb18030.GetString(bytes);
}
