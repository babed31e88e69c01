using System.Xml.Linq;
using Huikuan.Domain.Collections;

namespace Huikuan.Web.Tests.Platform;

/// <summary>Every cause of delay, strategy, plan status and worklist code a person reads has its words in both languages.</summary>
public sealed class CollectionsCodeTextsTests
{
    public static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Enum.GetValues<DelayCause>())
        {
            data.Add("CollectionsText", "Cause." + DelayCauses.Code(c));
        }
        foreach (var s in Enum.GetValues<CollectionStrategy>())
        {
            data.Add("CollectionsText", "Strategy." + DelayCauses.Code(s));
        }
        foreach (var s in Enum.GetValues<PaymentPlanStatus>())
        {
            data.Add("CollectionsText", "Plans.Status." + DelayCauses.Code(s));
        }
        foreach (var k in Enum.GetValues<WorklistRuleKind>())
        {
            data.Add("WorklistText", "Kind." + DelayCauses.Code(k));
            data.Add("WorklistText", "Reason." + DelayCauses.Code(k));
        }
        foreach (var a in Enum.GetValues<SuggestedAction>())
        {
            data.Add("WorklistText", "Action." + DelayCauses.Code(a));
        }
        foreach (var r in Enum.GetValues<SetAsideReason>())
        {
            data.Add("WorklistText", "SetAside." + DelayCauses.Code(r));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void TheCode_HasItsWords_InEnglishAndChinese(string file, string key)
    {
        Assert.False(string.IsNullOrWhiteSpace(Text(file + ".resx", key)), $"{file}.resx has no {key}");
        Assert.False(string.IsNullOrWhiteSpace(Text(file + ".zh-CN.resx", key)), $"{file}.zh-CN.resx has no {key}");
    }

    private static string? Text(string file, string key) =>
        XDocument.Load(Path.Combine(Root(), "src", "Huikuan.Web", "Localization", file)).Root!.Elements("data")
            .Where(d => (string?)d.Attribute("name") == key).Select(d => (string?)d.Element("value")).FirstOrDefault();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Huikuan.slnx not found above the test folder.");
    }
}
