using Huikuan.Domain.BankMatching;

namespace Huikuan.Domain.Tests.BankMatching;

public sealed class DocumentTokensTests
{
    [Theory]
    [InlineData("货款 inv-2026 000123 谢谢", "INV2026000123")]
    [InlineData("INV-2026-000123", "INV2026000123")]
    [InlineData("ＩＮＶ－２０２６－０００１２３", "INV2026000123")]
    [InlineData("inv_2026_000123", "INV2026000123")]
    [InlineData("付款：INV 000123，谢谢", "INV000123")]
    [InlineData("No.INV-000123", "INV000123")]
    [InlineData("#INV000123", "INV000123")]
    [InlineData("货款INV-000123/INV-000124", "INV000124")]
    [InlineData("合同CT-000042首付款", "CT000042")]
    [InlineData("Invoice inv000123 payment", "INV000123")]
    [InlineData("ＣＴ　０００７７", "CT00077")]
    public void Find_FindsTheNumberInNoisyText(string text, string key) =>
        Assert.Contains(key, DocumentTokens.Find(text).Select(t => t.Key));

    [Theory]
    [InlineData("INV-00123", "INV0012")]            // not inside a longer number
    [InlineData("INV-2026000123", "000123")]        // nor the end of one
    [InlineData("XINV-0012", "INV0012")]            // nor the end of a longer word
    [InlineData("INV-0012A", "INV0012")]
    [InlineData("货款 INV-000123谢谢 000", "INV000123000")]  // a Chinese word ends the run
    public void Find_NeverCutsAChunk(string text, string key) => Assert.DoesNotContain(key, DocumentTokens.Find(text).Select(t => t.Key));

    [Fact]
    public void Find_SkipsCandidatesTooShortToNameADocument() =>
        Assert.Equal(["1234"], DocumentTokens.Find("货款 12 34").Select(t => t.Key));

    [Theory]
    [InlineData("发票号：000123", MatchDocumentKind.Invoice)]
    [InlineData("发票号码 000123", MatchDocumentKind.Invoice)]
    [InlineData("合同 000123", MatchDocumentKind.Contract)]
    [InlineData("对账单号 000123", MatchDocumentKind.Statement)]
    [InlineData("INV 000123", MatchDocumentKind.Invoice)]
    public void Find_NotesTheKindTheWordsBeforeItName(string text, MatchDocumentKind kind) =>
        Assert.Equal(kind, DocumentTokens.Find(text).First(t => t.Key.EndsWith("000123", StringComparison.Ordinal)).Hint);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("货款 谢谢")]
    [InlineData("ABC DEF")]                          // no digit: no number
    public void Find_WithoutANumber_FindsNothing(string? text) => Assert.Empty(DocumentTokens.Find(text));

    [Fact]
    public void Find_OnAHugeText_StaysBounded()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"A{i} "));
        var tokens = DocumentTokens.Find(text);
        Assert.InRange(tokens.Count, 1, DocumentTokens.MaxTokens);
    }

    [Theory]
    [InlineData("inv-2026 ０００１２３", "INV2026000123")]
    [InlineData(" ct/000042 ", "CT000042")]
    [InlineData("——", "")]
    [InlineData(null, "")]
    public void Key_IsTheLettersAndDigitsInUpperCase(string? number, string key) => Assert.Equal(key, DocumentTokens.Key(number));

    [Theory]
    [InlineData("INV000123", "000123")]
    [InlineData("CT0042", "0042")]
    [InlineData("INV123", null)]                     // too few digits to stand alone
    [InlineData("000123", null)]                     // no prefix: the number is its digits already
    [InlineData("INV2026A000123", null)]
    [InlineData("ABCDEFG000123", null)]              // not a short prefix
    public void DigitTail_IsTheDigitsAfterAShortPrefix(string key, string? tail) => Assert.Equal(tail, DocumentTokens.DigitTail(key));
}
