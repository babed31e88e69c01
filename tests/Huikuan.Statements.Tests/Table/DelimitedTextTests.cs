using System.Text;
using System.Text.Unicode;
using CsCheck;
using Huikuan.Statements.Table;

namespace Huikuan.Statements.Tests.Table;

/// <summary>The tokenizer's rules, one small file each: quotes, separators, encodings and the exports' cell habits.</summary>
public sealed class DelimitedTextTests
{
    internal static List<List<string>> Rows(byte[] bytes, Encoding? encoding = null) =>
        DelimitedText.ReadRows(new MemoryStream(bytes), encoding).Select(r => r.ToList()).ToList();

    private static List<List<string>> Rows(string text) => Rows(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void QuotedCells_HoldSeparatorsDoubledQuotesAndLineBreaks()
    {
        var rows = Rows("a,\"b,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,y,z,w\r\n");

        Assert.Equal([["a", "b,1", "say \"hi\"", "two\nlines"], ["x", "y", "z", "w"]], rows);
    }

    [Fact]
    public void LineEnds_CrLfCrAndLf_EachEndARow_AndABlankLineIsARowWithoutCells()
    {
        var rows = Rows("a\r\nb\rc\n\nd");

        Assert.Equal([["a"], ["b"], ["c"], [], ["d"]], rows);
    }

    [Fact]
    public void Cells_AreTrimmed_EmptyCellsKept()
    {
        Assert.Equal([["a", "", "b", ""]], Rows("  a ,, b\u3000,\n"));
    }

    [Fact]
    public void WeChatsBackTick_AndExcelsTextWrapper_AreRemoved_SoIdsStayDigits()
    {
        var rows = Rows("`4200001234202612011234567890,=\"00123\",\"=\"\"31001234567890123456\"\"\",`\n");

        Assert.Equal([["4200001234202612011234567890", "00123", "31001234567890123456", ""]], rows);
    }

    [Fact]
    public void AQuoteInsideAnUnquotedCell_IsText_AndTextAfterAClosingQuoteIsKept()
    {
        Assert.Equal([["5\" pipe", "ab c"]], Rows("5\" pipe,\"ab\" c\n"));
    }

    [Fact]
    public void AQuoteNeverClosed_IsText_SoItDoesNotSwallowTheRowsAfterIt()
    {
        Assert.Equal([["a", "\"b"], ["c", "d \"\"x\"\""], ["e"]], Rows("a,\"b\nc,d \"\"x\"\"\ne"));
        Assert.Equal([["\"a", "b"], ["c"]], Rows("\"a,b\nc"));
    }

    [Fact]
    public void Tabs_SplitTheFile_WhenTheHeaderHasMoreTabsThanCommas()
    {
        var rows = Rows("账号:1,2\n交易日期\t金额\t摘要\n20261201\t1,000.00\t货款\n");

        Assert.Equal([["账号:1,2"], ["交易日期", "金额", "摘要"], ["20261201", "1,000.00", "货款"]], rows);
    }

    [Fact]
    public void Commas_SplitTheFile_WhenItsLinesHaveMoreCommasThanTabs()
    {
        Assert.Equal([["a\tb", "c", "d"]], Rows("a\tb,c,d\n"));
    }

    [Fact]
    public void WithoutABom_InvalidUtf8_IsReadAsGb18030()
    {
        var bytes = DelimitedText.Gb18030.GetBytes("交易日,贷方金额,收/付方名称\n20261201,1.00,上海某某贸易有限公司\n");

        Assert.Equal("上海某某贸易有限公司", Rows(bytes)[1][2]);
    }

    [Fact]
    public void WithoutABom_ValidUtf8_IsReadAsUtf8()
    {
        Assert.Equal("上海某某贸易有限公司", Rows(Encoding.UTF8.GetBytes("名称\n上海某某贸易有限公司\n"))[1][0]);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void ABom_NamesTheEncoding_AndIsNotPartOfTheFirstCell(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("交易日,金额\n20261201,1.00\n")).ToArray();

        Assert.Equal([["交易日", "金额"], ["20261201", "1.00"]], Rows(bytes));
    }

    [Fact]
    public void AGivenEncoding_IsUsed_InsteadOfSniffing()
    {
        var bytes = Encoding.Latin1.GetBytes("Müller,1\n");

        Assert.Equal("Müller", Rows(bytes, Encoding.Latin1)[0][0]);
    }

    [Fact]
    public void AUtf8CharacterCutByTheSniffedPart_DoesNotMakeTheFileGb18030()
    {
        // 64 KiB sniffed: 65,535 ASCII bytes, then a three-byte character across the border.
        var text = new string('a', 65_535) + "\n汇款\n";

        Assert.Equal("汇款", Rows(Encoding.UTF8.GetBytes(text))[1][0]);
    }

    /// <summary>A GB18030 export whose first Chinese character comes after 64 KiB of ASCII-only rows.</summary>
    private static byte[] ChineseLate(int asciiRows) =>
        DelimitedText.Gb18030.GetBytes("Date,Credit,Name\n" +
            string.Concat(Enumerable.Range(1, asciiRows).Select(i => $"20261201,{i}.00,Customer {i:D6}\n")) +
            "20261202,9.00,上海某某贸易有限公司\n");

    [Fact]
    public void AGb18030CharacterAfterTheFirst64KiB_MakesTheFileGb18030()
    {
        var bytes = ChineseLate(3_000);
        Assert.True(bytes.Length > 70_000);

        Assert.Equal("上海某某贸易有限公司", Rows(bytes)[^1][2]);
    }

    [Fact]
    public void AGb18030CharacterAfterTheFirst64KiB_MakesTheFileGb18030_InAStreamThatCannotSeek()
    {
        var bytes = ChineseLate(6_000);
        Assert.True(bytes.Length > 2 * 65_536);

        var rows = DelimitedText.ReadRows(new ForwardOnlyStream(bytes)).ToList();

        Assert.Equal((6_002, "上海某某贸易有限公司", "Customer 006000"), (rows.Count, rows[^1][2], rows[^2][2]));
    }

    [Fact]
    public void AFileValidAsUtf8AtFirst_ButNotFurtherOn_IsNotUtf8()
    {
        // The first part is ASCII, which reads the same in both; a GB18030 byte anywhere rules UTF-8 out.
        var bytes = Encoding.ASCII.GetBytes(new string('a', 200_000) + "\n").Concat(DelimitedText.Gb18030.GetBytes("汇款\n"))
            .ToArray();

        Assert.Equal("汇款", Rows(bytes)[1][0]);
    }

    [Fact]
    public void Utf8CharactersAcrossEveryBlockBorder_KeepTheFileUtf8()
    {
        // Three-byte characters on and on: the 64 KiB blocks cut one at each border.
        var text = "名称\n" + string.Concat(Enumerable.Repeat("上海某某贸易有限公司\n", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.All(DelimitedText.ReadRows(new ForwardOnlyStream(bytes)).Skip(1), r => Assert.Equal("上海某某贸易有限公司", r[0]));
        Assert.Equal(20_001, Rows(bytes).Count);
    }

    [Fact]
    public void AUtf8CharacterCutByTheEndOfTheFile_MakesItGb18030()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes(new string('a', 70_000)), 0xE6, 0xB1];

        Assert.Equal(DelimitedText.Gb18030.GetString([0xE6, 0xB1]), Rows(bytes)[0][0][^1..]);
    }

    [Fact]
    public void TheEncoding_IsUtf8_ExactlyWhenTheWholeFileIsValidUtf8_WhereverTheBlockBorderCutsIt()
    {
        // Bytes of UTF-8 and GB18030 characters, whole or cut, placed around the first block border at 64 KiB.
        byte[] bytesSeen = [0xE6, 0xB1, 0x87, 0xC4, 0xE3, 0xF0, 0x9F, 0x98, 0x80, 0xC2, 0xBF, 0x41, 0xED, 0xA0];
        var odd = Gen.Int[0, bytesSeen.Length - 1].Select(i => bytesSeen[i]);
        Gen.Select(Gen.Int[65_530, 65_536], odd.Array[1, 10], Gen.Bool).Sample((ascii, tail, seekable) =>
        {
            byte[] bytes = [.. Enumerable.Repeat((byte)'a', ascii), .. tail];
            var encoding = Utf8.IsValid(bytes) ? Encoding.UTF8 : DelimitedText.Gb18030;
            var expected = new StreamReader(new MemoryStream(bytes), encoding).ReadToEnd();
            var stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);

            var rows = DelimitedText.ReadRows(stream).ToList();

            Assert.Equal(expected.Trim(), Assert.Single(Assert.Single(rows)));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void AStreamThatCannotSeek_IsReadWhole_PastTheSniffedPart()
    {
        var lines = Enumerable.Range(1, 20_000).Select(i => $"{i},上海某某贸易有限公司,\"备注\n{i}\"");
        var bytes = DelimitedText.Gb18030.GetBytes(string.Join("\r\n", lines));

        var rows = DelimitedText.ReadRows(new ForwardOnlyStream(bytes)).ToList();

        Assert.Equal(20_000, rows.Count);
        Assert.Equal(["20000", "上海某某贸易有限公司", "备注\n20000"], rows[^1]);
    }

    [Fact]
    public void TheRowsOfASeekableStream_CanBeEnumeratedAgain_FromWhereTheStreamStood()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("skip\na,b\nc,d\n"));
        stream.Position = 5;

        var rows = DelimitedText.ReadRows(stream);

        Assert.Equal([["a", "b"], ["c", "d"]], rows.Take(5).ToList());
        Assert.Equal([["a", "b"], ["c", "d"]], rows.ToList());
    }

    [Fact]
    public void AnEmptyFile_HasNoRows()
    {
        Assert.Empty(Rows([]));
    }

    /// <summary>A network stream: reads a little at a time and cannot seek.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 777));
    }
}
