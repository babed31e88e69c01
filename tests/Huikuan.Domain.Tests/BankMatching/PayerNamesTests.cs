using Huikuan.Domain.BankMatching;

namespace Huikuan.Domain.Tests.BankMatching;

public sealed class PayerNamesTests
{
    [Theory]
    [InlineData("华为技术有限公司", "华为技术")]
    [InlineData("华为技术有限责任公司", "华为技术")]
    [InlineData("华为技术股份有限公司", "华为技术")]
    [InlineData("华为技术（集团）有限公司", "华为技术")]
    [InlineData("华为技术(集团)有限公司", "华为技术")]
    [InlineData("华为技术集团", "华为技术")]
    [InlineData("华为技术股份公司", "华为技术")]
    [InlineData("华为技术（深圳）有限公司", "华为技术深圳")]
    [InlineData(" 华为 技术 有限公司 ", "华为技术")]
    [InlineData("ＨＵＡＷＥＩ　Ｔｅｃｈ", "HUAWEITECH")]
    [InlineData("Huawei Technologies Co., Ltd.", "HUAWEITECHNOLOGIES")]
    [InlineData("HUAWEI TECHNOLOGIES CO.,LTD", "HUAWEITECHNOLOGIES")]
    [InlineData("Huawei Technologies Limited", "HUAWEITECHNOLOGIES")]
    [InlineData("Acme LLC", "ACME")]
    [InlineData("Acme, Inc.", "ACME")]
    [InlineData("Acme GmbH", "ACME")]
    [InlineData("Acme Corp.", "ACME")]
    [InlineData("Acme Corporation", "ACME")]
    [InlineData("Acme Holdings PLC", "ACME")]
    [InlineData("Acme Pte. Ltd.", "ACME")]
    [InlineData("COSCO Shipping", "COSCOSHIPPING")]     // the CO of a name stays
    [InlineData("Altdorf Trading", "ALTDORFTRADING")]   // LTD only as a word
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_TakesOutLegalFormsWidthCaseAndPunctuation(string? name, string full) =>
        Assert.Equal(full, PayerNames.Normalise(name).Full);

    [Theory]
    [InlineData("华为技术有限公司北京分公司", "华为技术北京", "华为技术")]
    [InlineData("华为技术有限公司 北京分公司", "华为技术北京", "华为技术")]
    [InlineData("Huawei Technologies Co., Ltd. Shanghai Branch", "HUAWEITECHNOLOGIESSHANGHAIBRANCH", "HUAWEITECHNOLOGIES")]
    public void Normalise_ABranch_KnowsItsCompany(string name, string full, string head)
    {
        var normalised = PayerNames.Normalise(name);
        Assert.Equal(full, normalised.Full);
        Assert.Equal(head, normalised.Head);
        Assert.True(normalised.IsBranch);
    }

    [Fact]
    public void Normalise_NotABranch_HasNoHead() => Assert.Null(PayerNames.Normalise("华为技术有限公司").Head);

    [Theory]
    [InlineData("华为技术", "华为技术", 100)]
    [InlineData("华为技术", "华为科技", 33)]
    [InlineData("ABAB", "BABA", 66)]
    [InlineData("ABCA", "BCAB", 99)]                     // the same bigrams, not the same name
    [InlineData("", "", 0)]
    [InlineData("A", "B", 0)]
    [InlineData("HUAWEITECHNOLOGIES", "HUAWEITECHNOLOGY", 87)]
    public void Similarity_IsTheBigramDiceAsAWholePercentage(string a, string b, int expected)
    {
        Assert.Equal(expected, PayerNames.Similarity(a, b));
        Assert.Equal(expected, PayerNames.Similarity(b, a));
    }
}
