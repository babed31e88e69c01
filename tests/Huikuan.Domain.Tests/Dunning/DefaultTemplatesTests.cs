using Huikuan.Domain.Templates;

namespace Huikuan.Domain.Tests.Dunning;

public sealed class DefaultTemplatesTests
{
    public static TheoryData<string, string> Levels()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "friendly", "firm", "final", "hold", "legal" })
        {
            foreach (var language in DefaultTemplates.Languages)
            {
                data.Add(code, language);
            }
        }
        return data;
    }

    /// <summary>A level can be the first letter a customer gets, so no default text says earlier reminders were sent.</summary>
    [Theory]
    [MemberData(nameof(Levels))]
    public void ALevelsDefaultText_ClaimsNoEarlierReminders(string code, string language)
    {
        // The literal text, as a customer without history reads it: every field (the cited last letter too) left empty.
        var text = DefaultTemplates.For(DefaultTemplates.ForLevel(code), language);
        var all = string.Join("\n", new[] { text.Subject, text.Body, text.Sms }.Select(t => MergeTemplate.Parse(t, "text").Render(_ => "")));

        foreach (var claim in new[] { "多次", "此前", "屡次", "再次", "reminded", "reminders", "repeated", "again" })
        {
            Assert.DoesNotContain(claim, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>From the second level on, the default text cites the last letter the history holds (an empty sentence without one).</summary>
    [Theory]
    [MemberData(nameof(Levels))]
    public void ALaterLevelsDefaultText_CitesTheLastLetter(string code, string language)
    {
        var body = MergeTemplate.Parse(DefaultTemplates.For(DefaultTemplates.ForLevel(code), language).Body, "body");
        Assert.Equal(code != "friendly", body.FieldsUsed.Contains("previousReminders"));
    }

    [Theory]
    [InlineData("friendly", "zh-CN", "友好提醒")]
    [InlineData("firm", "zh-CN", "正式催告")]
    [InlineData("final", "zh-CN", "最后催告")]
    [InlineData("hold", "zh-CN", "停止供货")]
    [InlineData("legal", "zh-CN", "法律程序")]
    [InlineData("final", "en", "final demand")]
    [InlineData("vip-call", "zh-CN", "vip-call")] // a level the company named itself keeps its name
    public void ALevelsName_InALetter_IsTheGlossarys(string code, string language, string name) =>
        Assert.Equal(name, DefaultTemplates.LevelName(code, language));

    [Theory]
    [InlineData("{{lastLetterDate}} {{lastLetterLevel}} {{previousReminders}} {{earlierCharges}}")]
    public void TheHistoryAndChargeFields_AreKnown(string text) =>
        Assert.Equal(4, MergeTemplate.Parse(text, "body").FieldsUsed.Count());
}
