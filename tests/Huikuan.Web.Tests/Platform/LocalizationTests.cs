using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Huikuan.Web.Tests.Platform;

/// <summary>
/// Every text a person reads on a page comes from the resources, in English and in Simplified Chinese: no .razor
/// file writes words of its own, and the two resource files have the same keys with the same placeholders.
/// </summary>
public sealed partial class LocalizationTests
{
    private static readonly string WebFolder = Path.Combine(Root(), "src", "Huikuan.Web");
    private static readonly string English = Path.Combine(WebFolder, "Localization", "Text.resx");
    private static readonly string Chinese = Path.Combine(WebFolder, "Localization", "Text.zh-CN.resx");

    [Fact]
    public void RazorFiles_HaveNoUserVisibleTextOutsideTheResources()
    {
        var files = Directory.GetFiles(WebFolder, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(f => RazorText.LiteralTexts(File.ReadAllText(f)).Select(t => $"{Path.GetRelativePath(WebFolder, f)}:{t.Line}: {t.Text}")).ToList();

        Assert.True(found.Count == 0, "Texts that bypass the resources (use @L[\"Key\"]):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("<MudText>Total receivables</MudText>", "Total receivables")]
    [InlineData("<MudButton Label=\"Save\" />", "Label=\"Save\"")]
    [InlineData("<th>合计</th>", "合计")]
    [InlineData("<MudTextField Placeholder='Code or name' />", "Placeholder='Code or name'")]
    public void TheScan_FindsLiteralText(string razor, string expected) =>
        Assert.Contains(expected, RazorText.LiteralTexts(razor).Select(t => t.Text));

    [Theory]
    [InlineData("<MudText>@L[\"Dashboard.Title\"]</MudText>")]
    [InlineData("<MudButton Label=\"@L[\"Save\"]\" Title=\"@(x ? L[\"A\"] : L[\"B\"])\" />")]
    [InlineData("@* A comment in words *@<td class=\"num\">@Formats.Amount(x, \"CNY\") </td>")]
    [InlineData("@code { private string Text = \"not markup\"; }")]
    [InlineData("@if (x) { <span>@L[\"A\"]: @y</span> } <td>—</td>")]
    public void TheScan_AcceptsResourcesExpressionsAndCode(string razor) => Assert.Empty(RazorText.LiteralTexts(razor));

    [Fact]
    public void EnglishAndChineseResources_HaveTheSameKeys_AndTheSamePlaceholders()
    {
        var en = Load(English);
        var zh = Load(Chinese);

        Assert.Empty(en.Keys.Except(zh.Keys).Select(k => $"only in Text.resx: {k}"));
        Assert.Empty(zh.Keys.Except(en.Keys).Select(k => $"only in Text.zh-CN.resx: {k}"));
        var mismatched = en.Keys.Where(k => !Placeholders(en[k]).SetEquals(Placeholders(zh[k]))).ToList();
        Assert.True(mismatched.Count == 0, "Different placeholders: " + string.Join(", ", mismatched));
        Assert.Empty(en.Where(kv => string.IsNullOrWhiteSpace(kv.Value) || string.IsNullOrWhiteSpace(zh[kv.Key])).Select(kv => kv.Key));
    }

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[a-z_0-9]+\}")]
    private static partial Regex PlaceholderPattern();

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
