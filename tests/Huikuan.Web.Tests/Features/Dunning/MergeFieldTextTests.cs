using System.Xml.Linq;
using Huikuan.Domain.Templates;

namespace Huikuan.Web.Tests.Features.Dunning;

/// <summary>The template editor explains every merge field a template may use, in English and in Chinese.</summary>
public sealed class MergeFieldTextTests
{
    [Theory]
    [InlineData("DunningText.resx")]
    [InlineData("DunningText.zh-CN.resx")]
    public void EveryMergeField_HasAnExplanation(string file)
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Huikuan.slnx")))
        {
            folder = Path.GetDirectoryName(folder)!;
        }
        var names = XDocument.Load(Path.Combine(folder, "src", "Huikuan.Web", "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

        Assert.All(MergeTemplate.Fields, f => Assert.False(string.IsNullOrWhiteSpace(names.GetValueOrDefault("Field." + f)), $"No explanation of {{{{{f}}}}}."));
        Assert.Contains("lastLetterDate", MergeTemplate.Fields);
        Assert.Contains("previousReminders", MergeTemplate.Fields);
    }
}
