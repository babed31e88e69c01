using Huikuan.Domain.Ledger;

namespace Huikuan.Domain.Tests.Ledger;

public sealed class PaymentReferenceTests
{
    // The published examples of ISO 11649 creditor references.
    [Theory]
    [InlineData("539007547034", "RF18539007547034")]
    [InlineData("G72UUR", "RF45G72UUR")]
    [InlineData("18K5", "RF6518K5")]
    public void For_PublishedExamples_HaveTheirCheckDigits(string number, string expected) =>
        Assert.Equal(expected, PaymentReference.For(number));

    [Theory]
    [InlineData("INV-000123", "RF73INV000123")]
    [InlineData("inv 000123", "RF73INV000123")]
    [InlineData("INV/000123", "RF73INV000123")]
    public void For_AnInvoiceNumber_DropsSeparatorsAndCase(string number, string expected) =>
        Assert.Equal(expected, PaymentReference.For(number));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("---")]
    [InlineData("发票-0001")]
    [InlineData("A1234567890123456789012")]
    public void For_ANumberThatCannotMakeAReference_IsNull(string number) =>
        Assert.Null(PaymentReference.For(number));

    [Fact]
    public void For_TheLongestNumber_MakesAReferenceOfTwentyFiveCharacters()
    {
        var reference = PaymentReference.For("A12345678901234567890");
        Assert.Equal(25, reference?.Length);
        Assert.True(PaymentReference.IsValid(reference));
    }

    [Theory]
    [InlineData("RF18539007547034")]
    [InlineData("RF18 5390 0754 7034")]
    [InlineData("rf45g72uur")]
    public void IsValid_PublishedReferences_Hold(string text) => Assert.True(PaymentReference.IsValid(text));

    [Theory]
    [InlineData("RF18539007547035")]   // last digit changed
    [InlineData("RF19539007547034")]   // check digit changed
    [InlineData("RF18539007574034")]   // two digits swapped
    [InlineData("RF18")]
    [InlineData("XX18539007547034")]
    [InlineData("RF1A539007547034")]
    public void IsValid_TamperedOrMalformed_IsRefused(string text) => Assert.False(PaymentReference.IsValid(text));

    [Theory]
    [InlineData("RF73INV000123", "INV000123")]
    [InlineData("货款 rf73inv000123 谢谢", "INV000123")]
    [InlineData("PAYMENT RF73 INV0 0012 3 FOR MAY", "INV000123")]
    [InlineData("付款参考号：RF73INV000123。", "INV000123")]
    [InlineData("REF 42 / RF45G72UUR", "G72UUR")]
    [InlineData("货款RF73INV000123谢谢", "INV000123")]
    [InlineData("RF73 INV000123 5", "INV000123")]
    public void TryRead_FindsTheReferenceInFreeText(string text, string key)
    {
        Assert.True(PaymentReference.TryRead(text, out var found));
        Assert.Equal(key, found);
    }

    [Theory]
    [InlineData("XRF73INV000123")]            // inside a longer word
    [InlineData("RF73INV000123X")]            // the word goes on
    [InlineData("RF74INV000123")]             // a check digit changed
    [InlineData("RF73INV000124")]             // the number changed
    [InlineData("REFERENCE 73INV000123")]
    [InlineData("RF73 INV 000123")]           // a group not of four before the last
    [InlineData("")]
    public void TryRead_WithoutAValidReference_FindsNothing(string text)
    {
        Assert.False(PaymentReference.TryRead(text, out var key));
        Assert.Equal("", key);
    }

    [Fact]
    public void TryRead_EveryReferenceMade_IsReadBack()
    {
        foreach (var number in new[] { "INV-000001", "INV-999999", "CN-42", "2026/0815-07", "A12345678901234567890" })
        {
            var reference = PaymentReference.For(number)!;
            Assert.True(PaymentReference.TryRead("paid " + reference.ToLowerInvariant() + " thanks", out var key), number);
            Assert.Equal(PaymentReference.KeyOf(number), key);
        }
    }
}
