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
        var text = DefaultTemplates.For(DefaultTemplates.ForLevel(code), language);
        var all = text.Subject + "\n" + text.Body + "\n" + text.Sms;

        foreach (var claim in new[] { "多次", "此前", "屡次", "再次", "reminded", "reminders", "repeated", "again" })
        {
            Assert.DoesNotContain(claim, all, StringComparison.OrdinalIgnoreCase);
        }
    }
}
