using System.Text;
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
