using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Huikuan.Domain.BankMatching;
using Huikuan.Web.Localization;

namespace Huikuan.Web.Tests.Platform;

/// <summary>
/// Every reason the bank-line matching can give is explained in English and in Simplified Chinese, naming no value the
/// reason does not carry; every kind of write-off it proposes has a name in both.
/// </summary>
public sealed partial class MatchTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string> Codes => [.. MatchReasons.All];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryReasonCode_HasATextInBothLanguages_NamingOnlyItsValues(string code)
    {
        foreach (var texts in new[] { Load("MatchText.resx"), Load("MatchText.zh-CN.resx") })
        {
            Assert.True(texts.TryGetValue("Reason." + code, out var text) && !string.IsNullOrWhiteSpace(text), $"No text for {code}.");
            var named = Placeholder().Matches(text!).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal(Enumerable.Range(0, MatchReasons.ArgumentCount(code)).ToHashSet(), named);
        }
    }

    [Fact]
    public void TheTwoFiles_HaveTheSameKeys()
    {
        var en = Load("MatchText.resx");
        var zh = Load("MatchText.zh-CN.resx");
        Assert.Equal(en.Keys.Order(StringComparer.Ordinal), zh.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(MatchReasons.All.Count + Enum.GetValues<WriteOffKind>().Length, en.Count);
    }

    [Fact]
    public void EveryWriteOffKind_HasANameInBothLanguages()
    {
        Assert.All(Enum.GetValues<WriteOffKind>(), kind =>
        {
            Assert.NotEqual(kind.ToString(), MatchMessages.Kind(kind, Chinese));
            Assert.NotEqual(kind.ToString(), MatchMessages.Kind(kind, English));
        });
        Assert.Equal("手续费", MatchMessages.Kind(WriteOffKind.BankFee, Chinese));
    }

    [Fact]
    public void AReason_IsSaidWithItsValues_TheKindNamed_AndTheAmountGrouped()
    {
        var reason = new MatchReason(MatchReasons.ItemsTolerance, "1500.00", "CNY", nameof(WriteOffKind.BankFee));

        Assert.Equal("差额 CNY 1,500.00 在容差范围内，建议按手续费处理。", MatchMessages.Of(reason, Chinese));
        Assert.Equal("A shortfall of CNY 1,500.00, within the tolerance, to be written off as bank fee.", MatchMessages.Of(reason, English));
    }

    [Fact]
    public void AReasonOfAnUnknownCode_IsSaidAsItsCode() =>
        Assert.Equal("items.someday(1)", MatchMessages.Of(new MatchReason("items.someday", "1"), Chinese));

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Root(), "src", "Huikuan.Web", "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Huikuan.slnx above {AppContext.BaseDirectory}.");
    }
}
