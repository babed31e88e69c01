using System.Text.RegularExpressions;
using System.Xml.Linq;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Features.Disputes;

namespace Huikuan.Web.Tests.Features.CreditFile;

/// <summary>The credit file's pages ask <c>C["Key"]</c> of CreditFileText: every key they ask, and every key built from a code, is there.</summary>
public sealed partial class CreditFileTextTests
{
    private static readonly string Web = Path.Combine(Root(), "src", "Huikuan.Web");

    [Fact]
    public void ThePages_AskOnlyForKeysTheResourcesHave()
    {
        var keys = XDocument.Load(Path.Combine(Web, "Localization", "CreditFileText.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Web, "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("IStringLocalizer<CreditFileText> C", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 9, string.Join(", ", pages));
        var asked = pages.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Where(k => !k.EndsWith('.')).ToHashSet();
        IEnumerable<string> Built(string prefix, IEnumerable<string> codes) => codes.Select(c => prefix + c);
        asked.UnionWith(Built("Role.", ContactsHandler.RoleKeys));
        asked.UnionWith(Built("Channel.", ContactsHandler.Channels));
        asked.UnionWith(Built("Kind.", DocumentsHandler.Kinds));
        asked.UnionWith(Built("Reason.", DisputesHandler.Reasons));
        asked.UnionWith(Built("Status.", Enum.GetNames<Huikuan.Web.Data.Entities.DisputeStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])));
        asked.UnionWith(Built("Resolution.", DisputesHandler.Outcomes));
        asked.UnionWith(Built("Entity.", CreditFileHistoryHandler.Entities));
        asked.UnionWith(Built("Action.", ["added", "modified", "deleted"]));

        var missing = asked.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Not in CreditFileText.resx: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"\bC\[""([^""]+)""[,\]]")]
    private static partial Regex Key();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Huikuan.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Huikuan.slnx not found above " + AppContext.BaseDirectory);
    }
}
