using Huikuan.Web.Features.CreditFile;

namespace Huikuan.Web.Tests.Features.CreditFile;

public sealed class SocialCreditCodeTests
{
    [Theory]
    // The example of GB 32100-2015 itself, and codes whose check character is a letter or a 9.
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("91310000MA1FL8N2X9")]
    public void AValidCode_Passes(string code) => Assert.True(SocialCreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // the check character of ...Y4 is 3
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("91350100m000100Y43")] // lower case is not in it either (the handler upper-cases what it is given)
    public void AWrongCode_Fails(string code) => Assert.False(SocialCreditCode.IsValid(code));

    [Fact]
    public void TheCheckCharacter_IsThirtyOneLessTheWeightedSumModuloThirtyOne()
    {
        // 9·1 + 1·3 + 3·9 + 5·27 + 0 + 1·26 + 0 + 0 + M(21)·20 + 0 + 0 + 0 + 1·8 + 0 + 0 + Y(30)·30 + 4·28 = 1640;
        // 1640 mod 31 = 28; 31 − 28 = 3.
        Assert.Equal('3', SocialCreditCode.CheckCharacter("91350100M000100Y4"));
    }
}
