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
    public static TheoryData<string> Pairs => new("Text", "LedgerText", "AdminText", "ImportText", "RuleText", "ContractText", "CreditFileText", "OrderText", "CreditText", "CollectionsText", "DunningText", "ChargeText", "MessagingText", "EscalationText", "BankText", "PayerText", "NotesText", "ContactText", "CustomerPageText", "MyCustomersText");

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

    /// <summary>No page writes a code (a level, a status, a language, a channel) where a person reads it.</summary>
    [Fact]
    public void RazorFiles_RenderNoCodeUntranslated()
    {
        var files = Directory.GetFiles(WebFolder, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(f => RazorText.UntranslatedCodes(File.ReadAllText(f))
                .Where(t => !FreeText.Contains($"{Path.GetFileName(f)}: {t.Text}"))
                .Select(t => $"{Path.GetRelativePath(WebFolder, f)}:{t.Line}: {t.Text}")).ToList();

        Assert.True(found.Count == 0, "Codes shown as they are (use a resource or Formats.Level/Language/Role):\n" + string.Join('\n', found));
    }

    /// <summary>Members named like a code that hold what a person wrote.</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "CustomerDunningPanel.razor: @t.Outcome", // what the collector noted when completing a call or visit
    };

    [Theory]
    [InlineData("<td>@c.LevelCode</td>")]
    [InlineData("<td>@(t.LevelCode ?? \"—\")</td>")]
    [InlineData("<tr><th>@D[\"Communication.Language\"]</th><td>@c.Language</td></tr>")]
    [InlineData("· @D[\"Kind.\" + c.Outcome] @c.Status")]
    public void TheCodeScan_FindsACodeShownAsItIs(string razor) => Assert.NotEmpty(RazorText.UntranslatedCodes(razor));

    [Theory]
    [InlineData("<td>@Formats.Level(L, c.LevelCode)</td>")]
    [InlineData("<MudChip Color=\"@(d.Status == \"open\" ? Color.Warning : Color.Default)\">@C[\"Status.\" + d.Status]</MudChip>")]
    [InlineData("@(c.Kind == \"Fee\" ? C[\"Kind.Fee\", Formats.Level(L, c.LevelCode)] : C[\"Kind.Interest\"])")]
    [InlineData("@if (_view.LevelCode is { } code) { <span>@Formats.Level(L, code)</span> }")]
    [InlineData("<td>@Formats.Language(L, c.Language)</td>")]
    public void TheCodeScan_AcceptsCodesThatAreNamed(string razor) => Assert.Empty(RazorText.UntranslatedCodes(razor));

    /// <summary>Every default dunning level and message language has a name in both languages, the glossary's in Chinese.</summary>
    [Theory]
    [InlineData("Level.friendly", "友好提醒")]
    [InlineData("Level.firm", "正式催告")]
    [InlineData("Level.final", "最后催告")]
    [InlineData("Level.hold", "停止供货")]
    [InlineData("Level.legal", "法律程序")]
    [InlineData("Language.zh-CN", "中文")]
    [InlineData("Language.en", "English")]
    public void Codes_HaveTheirGlossaryNames(string key, string chinese)
    {
        var en = Load(Path.Combine(WebFolder, "Localization", "Text.resx"));
        var zh = Load(Path.Combine(WebFolder, "Localization", "Text.zh-CN.resx"));

        Assert.Equal(chinese, zh[key]);
        Assert.False(string.IsNullOrWhiteSpace(en[key]));
        var levels = Huikuan.Domain.Dunning.DunningPolicy.Default("CNY").Levels.Select(l => "Level." + l.Code);
        Assert.All(levels, k => Assert.True(zh.ContainsKey(k) && en.ContainsKey(k), $"No name for the default level {k}."));
    }

    /// <summary>
    /// The glossary (docs/glossary.md: one Chinese term per concept) names the words that are wrong for a concept.
    /// Each is a pattern here with the term to use instead; a compound that only looks like it (销售订单, 红字发票,
    /// 发票号码, 未收款项) is left out by the pattern.
    /// </summary>
    public static TheoryData<string, string> NonGlossaryTerms => new()
    {
        { "未结", "未收" }, { "未清", "未收" }, { "未收款(?!项)", "未收 / 未收金额" }, { "贷项通知单", "红字发票" },
        { "(?<!红字|金税)发票(?!号码)", "应收单 (the document) or 发票号码 (the fapiao number)" }, { "税票号", "发票号码" },
        { "管理层升级", "高层沟通" }, { "升级案件", "升级处理" }, { "销售员", "业务员" }, { "(?<!货物)销售(?!订单|合同|额|回款|收入)", "业务员" },
        { "敞口", "额度占用" }, { "信用占用", "额度占用" }, { "里程碑", "付款节点" }, { "核销坏账", "坏账核销" },
        { "首次联系人", "初始对接人" }, { "过账", "确认开票" }, { "争议", "异议" },
        { @"\b(?:friendly|firm|final|hold|legal)\b", "友好提醒 / 正式催告 / 最后催告 / 停止供货 / 法律程序" },
    };

    /// <summary>
    /// What a Chinese reader sees uses the glossary's term: every Chinese resource, and the Chinese written in code (the
    /// default letter templates, the demo data, exports), comments aside. Import headers are left out: they accept the
    /// other names a file may carry.
    /// </summary>
    [Theory]
    [MemberData(nameof(NonGlossaryTerms))]
    public void ChineseTexts_UseTheGlossaryTerm(string wrong, string right)
    {
        var pattern = new Regex(wrong, RegexOptions.CultureInvariant);
        var resources = Directory.GetFiles(Path.Combine(WebFolder, "Localization"), "*.zh-CN.resx")
            .SelectMany(f => Load(f).Where(kv => pattern.IsMatch(kv.Value)).Select(kv => $"{Path.GetFileName(f)}: {kv.Key} = {kv.Value}"));
        var code = Directory.GetFiles(Path.Combine(Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Skipped.Any(s => f.Contains(s, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Line: line, Number: i + 1))
                .Where(l => !l.Line.TrimStart().StartsWith("//", StringComparison.Ordinal) && HasChinese(l.Line) && pattern.IsMatch(l.Line))
                .Select(l => $"{Path.GetRelativePath(Root(), f)}:{l.Number}: {l.Line.Trim()}"));

        var found = resources.Concat(code).ToList();

        Assert.True(found.Count == 0, $"Use {right} instead of /{wrong}/:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("未结", "未结金额")]
    [InlineData("(?<!红字|金税)发票(?!号码)", "开具发票")]
    [InlineData("(?<!货物)销售(?!订单|合同|额|回款|收入)", "销售 张经理")]
    [InlineData(@"\b(?:friendly|firm|final|hold|legal)\b", "催收费（final）")]
    public void TheGlossaryPatterns_FindTheWrongTerm(string wrong, string text) => Assert.Matches(wrong, text);

    [Theory]
    [InlineData("(?<!红字|金税)发票(?!号码)", "红字发票与发票号码")]
    [InlineData("(?<!货物)销售(?!订单|合同|额|回款|收入)", "销售订单")]
    [InlineData("未收款(?!项)", "未收款项")]
    public void TheGlossaryPatterns_LeaveCompoundsAlone(string wrong, string text) => Assert.DoesNotMatch(wrong, text);

    private static readonly string[] Skipped =
    [
        $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
        $"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", $"Features{Path.DirectorySeparatorChar}Import{Path.DirectorySeparatorChar}",
    ];

    private static bool HasChinese(string line) => line.Any(c => c is >= '\u4e00' and <= '\u9fff');

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

    /// <summary>The outbox page names each kind of failed delivery in the reader's language, not in the server's English.</summary>
    [Fact]
    public void EveryDeliveryFailure_HasANameInBothLanguages()
    {
        var en = Load(Path.Combine(WebFolder, "Localization", "MessagingText.resx"));
        var zh = Load(Path.Combine(WebFolder, "Localization", "MessagingText.zh-CN.resx"));
        var codes = Directory.GetFiles(Path.Combine(WebFolder, "Infrastructure", "Messaging"), "*.cs")
            .SelectMany(f => DeliveryCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.True(codes.Count >= 5, "Found only: " + string.Join(", ", codes));

        var missing = codes.Where(c => !en.ContainsKey("Error." + c) || !zh.ContainsKey("Error." + c)).ToList();
        Assert.True(missing.Count == 0, "No name in MessagingText for: " + string.Join(", ", missing.Select(c => "Error." + c)));
    }

    [GeneratedRegex(@"(?:new DeliveryException|DeliveryException\.Stored)\(\s*""([^""]+)""")]
    private static partial Regex DeliveryCode();

    [GeneratedRegex(@"(?:DomainRuleException|ConflictException|ImportFile\.Problem)\(\s*""([^""]+)""")]
    private static partial Regex ThrownRule();

    /// <summary>The import names the common reasons a row is refused; the page says each in the reader's language.</summary>
    [Fact]
    public void ImportRowRules_HaveTextsInTheImportResources()
    {
        var keys = Load(Path.Combine(WebFolder, "Localization", "ImportText.resx")).Keys.ToHashSet(StringComparer.Ordinal);
        var rules = Directory.GetFiles(Path.Combine(WebFolder, "Features", "Import"), "*.cs")
            .Append(Path.Combine(WebFolder, "Features", "ExchangeRates", "ImportExchangeRates.cs"))
            .SelectMany(f => RowRule().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.True(rules.Count >= 20, $"Found only {rules.Count} row rules: {string.Join(", ", rules)}");

        var missing = rules.Where(r => !keys.Contains("Row." + r)).ToList();
        Assert.True(missing.Count == 0, "Not in ImportText.resx: " + string.Join(", ", missing.Select(r => "Row." + r)));
    }

    [GeneratedRegex(@"""((?:cell|customer|salesperson|paymentTerm|invoice|receipt|exchangeRate)\.[A-Za-z]+)""\);")]
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
