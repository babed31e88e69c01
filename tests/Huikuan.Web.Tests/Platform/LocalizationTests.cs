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
    /// <summary>The resource pairs: the shared texts and the ledger, administration, import and refusal texts.</summary>
    public static TheoryData<string> Pairs => new("Text", "LedgerText", "AdminText", "ImportText", "RuleText", "ContractText", "CreditFileText", "OrderText", "CreditText", "CollectionsText", "DunningText", "ChargeText", "MessagingText", "EscalationText");

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
    [InlineData("<MudText>@T[\"Invoices.Title\"]</MudText><MudButton Label=\"@T[\"Reverse.Button\"]\">@Ledger[\"Nav.Invoices\"]</MudButton>")]
    public void TheScan_AcceptsResourcesExpressionsAndCode(string razor) => Assert.Empty(RazorText.LiteralTexts(razor));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EnglishAndChineseResources_HaveTheSameKeys_AndTheSamePlaceholders(string pair)
    {
        var en = Load(Path.Combine(WebFolder, "Localization", pair + ".resx"));
        var zh = Load(Path.Combine(WebFolder, "Localization", pair + ".zh-CN.resx"));

        Assert.Empty(en.Keys.Except(zh.Keys).Select(k => $"only in {pair}.resx: {k}"));
        Assert.Empty(zh.Keys.Except(en.Keys).Select(k => $"only in {pair}.zh-CN.resx: {k}"));
        var mismatched = en.Keys.Where(k => !Placeholders(en[k]).SetEquals(Placeholders(zh[k]))).ToList();
        Assert.True(mismatched.Count == 0, "Different placeholders: " + string.Join(", ", mismatched));
        Assert.Empty(en.Where(kv => string.IsNullOrWhiteSpace(kv.Value) || string.IsNullOrWhiteSpace(zh[kv.Key])).Select(kv => kv.Key));
    }

    /// <summary>A key the ledger pages ask their localizer for (<c>T["Key"]</c>) but LedgerText.resx lacks would show the key itself.</summary>
    [Fact]
    public void LedgerPages_AskOnlyForKeysTheLedgerResourcesHave()
    {
        var keys = Load(Path.Combine(WebFolder, "Localization", "LedgerText.resx")).Keys.ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Path.Combine(WebFolder, "Features"), "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("IStringLocalizer<LedgerText> T", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);

        var missing = pages.SelectMany(f => LedgerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)
            .Where(k => !keys.Contains(k)).Select(k => $"{Path.GetFileName(f)}: {k}")).ToList();

        Assert.True(missing.Count == 0, "Not in LedgerText.resx: " + string.Join(", ", missing));
    }

    /// <summary>
    /// Every rule the code can break has its text in both languages, so no refusal reaches a Chinese page or a Chinese
    /// API client in English: the rule codes are read from the throw sites in the source.
    /// </summary>
    [Fact]
    public void EveryRuleTheCodeBreaks_HasAText()
    {
        var texts = Load(Path.Combine(WebFolder, "Localization", "RuleText.resx")).Keys.ToHashSet(StringComparer.Ordinal);
        var sources = Directory.GetFiles(Path.Combine(Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root(), "src"), "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var rules = sources.SelectMany(f => ThrownRule().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Rule: m.Groups[1].Value))).ToList();
        Assert.True(rules.Count > 60, $"Only {rules.Count} throw sites found: the pattern no longer matches the code.");

        var missing = rules.Where(r => !texts.Contains("Rule." + r.Rule)).Select(r => $"{r.File}: {r.Rule}").Distinct().ToList();

        Assert.True(missing.Count == 0, "No text in RuleText.resx for: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"(?:DomainRuleException|ConflictException|ImportFile\.Problem)\(\s*""([^""]+)""")]
    private static partial Regex ThrownRule();

    /// <summary>The import names the common reasons a row is refused; the page says each in the reader's language.</summary>
    [Fact]
    public void ImportRowRules_HaveTextsInTheImportResources()
    {
        var keys = Load(Path.Combine(WebFolder, "Localization", "ImportText.resx")).Keys.ToHashSet(StringComparer.Ordinal);
        var rules = Directory.GetFiles(Path.Combine(WebFolder, "Features", "Import"), "*.cs")
            .SelectMany(f => RowRule().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.True(rules.Count >= 20, $"Found only {rules.Count} row rules: {string.Join(", ", rules)}");

        var missing = rules.Where(r => !keys.Contains("Row." + r)).ToList();
        Assert.True(missing.Count == 0, "Not in ImportText.resx: " + string.Join(", ", missing.Select(r => "Row." + r)));
    }

    [GeneratedRegex(@"""((?:cell|customer|salesperson|paymentTerm|invoice|receipt)\.[A-Za-z]+)""\);")]
    private static partial Regex RowRule();

    [GeneratedRegex(@"\bT\[""([^""]+)""[,\]]")]
    private static partial Regex LedgerKey();

    /// <summary>Likewise for the administration pages and their menu, which ask <c>A["Key"]</c> of <c>IStringLocalizer&lt;AdminText&gt; A</c>.</summary>
    [Fact]
    public void AdminPages_AskOnlyForKeysTheAdminResourcesHave()
    {
        var keys = Load(Path.Combine(WebFolder, "Localization", "AdminText.resx")).Keys.ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(WebFolder, "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("IStringLocalizer<AdminText> A", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 4, "Expected the audit, users, API keys pages and the admin menu: " + string.Join(", ", pages));

        var missing = pages.SelectMany(f => AdminKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)
            .Where(k => !keys.Contains(k)).Select(k => $"{Path.GetFileName(f)}: {k}")).ToList();

        Assert.True(missing.Count == 0, "Not in AdminText.resx: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"\bA\[""([^""]+)""[,\]]")]
    private static partial Regex AdminKey();

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
