using System.Globalization;
using System.Resources;
using Huikuan.Domain;

namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the texts of broken rules and other refusals: RuleText.resx (English) and RuleText.zh-CN.resx
/// (Simplified Chinese), keyed "Rule." + the rule's code. Pages and the API's problem details both say them, so a
/// refusal reads the same in a form and in an integration's log.
/// </summary>
public sealed class RuleText;

/// <summary>What a refusal says in a given language.</summary>
public static class RuleMessages
{
    private static readonly ResourceManager Resources = new("Huikuan.Web.Localization.RuleText", typeof(RuleText).Assembly);

    /// <summary>The text for a key, or null when the resources have none.</summary>
    public static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>The text for a key that must exist (titles and fixed messages).</summary>
    public static string Get(string key, CultureInfo culture) =>
        Find(key, culture) ?? throw new InvalidOperationException($"RuleText has no text '{key}'.");

    /// <summary>
    /// A handler's refusal in the reader's language: a broken rule's text with the values it names, a missing
    /// record or a role's limit in general words, anything else as the exception says it.
    /// </summary>
    public static string Of(Exception error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(culture);
        return error switch
        {
            DomainRuleException rule when Find("Rule." + rule.Rule, culture) is { } text => Fill(text, rule, culture),
            NotFoundException => Get("Problem.NotFound", culture),
            ForbiddenException => Get("Problem.Forbidden", culture),
            _ => error.Message,
        };
    }

    private static string Fill(string text, DomainRuleException rule, CultureInfo culture)
    {
        // "{detail}": a text that leads in the reader's language and then quotes the rule's own words, for refusals
        // whose particulars (a row, a column, a byte offset) are written into the message, not given as values.
        if (text.Contains("{detail}", StringComparison.Ordinal))
        {
            return text.Replace("{detail}", rule.Message, StringComparison.Ordinal);
        }
        if (rule.Arguments.Count == 0)
        {
            return text;
        }
        var values = rule.Arguments.Select(a => a switch
        {
            DateOnly date => date.ToString("d", culture),
            IFormattable formattable => formattable.ToString(null, culture),
            _ => a,
        }).ToArray();
        try
        {
            return string.Format(culture, text, values);
        }
        catch (FormatException)
        {
            // A text that names more values than the rule gave: the domain's own words are better than a broken sentence.
            return rule.Message;
        }
    }
}
