using System.Text;
using System.Text.RegularExpressions;

namespace Huikuan.Web.Tests.Platform;

/// <summary>
/// Finds the words a .razor file writes itself: text between tags, and the values of the attributes a person reads
/// (Title, Label, Placeholder, HelperText, Text, title, placeholder, alt, aria-label), leaving out everything
/// Razor evaluates (@L["Key"], @(…), @if (…), @code { … }, directives, comments). Text with no letter is fine.
/// </summary>
public static partial class RazorText
{
    public sealed record Finding(int Line, string Text);

    private static readonly HashSet<string> VisibleAttributes =
        new(["Title", "Label", "Placeholder", "HelperText", "Text", "title", "placeholder", "alt", "aria-label"], StringComparer.Ordinal);

    public static IReadOnlyList<Finding> LiteralTexts(string razor)
    {
        ArgumentNullException.ThrowIfNull(razor);
        var found = new List<Finding>();
        var text = new StringBuilder();
        var textStart = 0;
        var i = 0;
        void Flush()
        {
            var literal = Entity().Replace(Statement().Replace(text.ToString(), " "), " ").Trim();
            if (literal.Any(char.IsLetter))
            {
                found.Add(new Finding(LineOf(razor, textStart), literal));
            }
            text.Clear();
        }
        while (i < razor.Length)
        {
            if (RazorCode.At(razor, i, "@*"))
            {
                Flush();
                i = RazorCode.End(razor, razor.IndexOf("*@", i + 2, StringComparison.Ordinal), 2);
            }
            else if (RazorCode.At(razor, i, "@@"))
            {
                text.Append('@');
                i += 2;
            }
            else if (razor[i] == '@')
            {
                Flush();
                i = RazorCode.Skip(razor, i + 1, lineStart: i == 0 || razor[..i].TrimEnd(' ', '\t').EndsWith('\n'));
            }
            else if (RazorCode.At(razor, i, "<!--"))
            {
                Flush();
                i = RazorCode.End(razor, razor.IndexOf("-->", i, StringComparison.Ordinal), 3);
            }
            else if (RazorCode.At(razor, i, "<!"))
            {
                Flush();
                i = RazorCode.End(razor, razor.IndexOf('>', i), 1);
            }
            else if (razor[i] == '<' && i + 1 < razor.Length && (char.IsLetter(razor[i + 1]) || razor[i + 1] == '/'))
            {
                Flush();
                i = SkipTag(razor, i, found);
            }
            else
            {
                if (text.Length == 0)
                {
                    textStart = i;
                }
                text.Append(razor[i]);
                i++;
            }
            if (text.Length == 0)
            {
                textStart = i;
            }
        }
        Flush();
        return found;
    }

    /// <summary>Past a start or end tag, reporting visible attributes whose values are written out.</summary>
    private static int SkipTag(string s, int i, List<Finding> found)
    {
        var tagStart = i;
        i++;
        var nameStart = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('>' or '/'))
        {
            i++;
        }
        var tag = s[nameStart..i];
        while (i < s.Length && s[i] != '>')
        {
            if (char.IsWhiteSpace(s[i]) || s[i] == '/')
            {
                i++;
                continue;
            }
            var attrStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '>' or '/'))
            {
                i = s[i] == '@' && i + 1 < s.Length && s[i + 1] == '(' ? RazorCode.SkipBalanced(s, i + 1) : i + 1;
            }
            var name = s[attrStart..i];
            if (i >= s.Length || s[i] != '=')
            {
                continue;
            }
            i++;
            var literal = new StringBuilder();
            if (i < s.Length && s[i] is '"' or '\'')
            {
                var quote = s[i++];
                while (i < s.Length && s[i] != quote)
                {
                    if (s[i] == '@')
                    {
                        i = RazorCode.Skip(s, i + 1, lineStart: false);
                        continue;
                    }
                    literal.Append(s[i++]);
                }
                i++;
            }
            else
            {
                while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '>')
                {
                    literal.Append(s[i++]);
                }
            }
            if (VisibleAttributes.Contains(name) && literal.ToString().Any(char.IsLetter))
            {
                var quoteChar = s[i - 1] is '"' or '\'' ? s[i - 1].ToString() : "";
                found.Add(new Finding(LineOf(s, attrStart), $"{name}={quoteChar}{literal}{quoteChar}"));
            }
        }
        i = Math.Min(i + 1, s.Length);
        if (tag is "script" or "style")
        {
            i = RazorCode.End(s, s.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase), 0);
        }
        return tagStart == i ? i + 1 : i;
    }

    /// <summary>
    /// Codes written straight into the page: <c>@c.LevelCode</c>, <c>@(t.Status ?? "—")</c>. A code reaches a person
    /// through a resource (<c>@D["Status." + x.Status]</c>) or a name helper (<c>@Formats.Level(L, c.LevelCode)</c>), so
    /// a member with a code's name rendered on its own is a finding; comparing it (<c>@(x.Status == "open" ? …)</c>)
    /// is not.
    /// </summary>
    public static IReadOnlyList<Finding> UntranslatedCodes(string razor)
    {
        ArgumentNullException.ThrowIfNull(razor);
        return [.. RenderedCode().Matches(razor).Select(m => new Finding(LineOf(razor, m.Index), m.Value.Trim()))];
    }

    [GeneratedRegex(@"@\(?\s*\w+(?:\.\w+)*\.(?:LevelCode|Language|Status|Kind|Channel|Channels|Outcome|Method|Responsible|Escalation|Purpose|Trigger|State|Role)\b(?:\s*\?\?\s*""[^""]*"")?\s*\)?(?!\s*(?:[\w.(\[?:+&|]|[=!<>]=))")]
    private static partial Regex RenderedCode();

    private static int LineOf(string s, int index) => s.AsSpan(0, Math.Min(index, s.Length)).Count('\n') + 1;

    /// <summary>C# that sits between markup in a Razor block: "} else {", "else if (…)", "return;", "break;".</summary>
    [GeneratedRegex(@"\belse(\s+if\s*\([^)]*\))?|\b(return|break|continue)\s*;")]
    private static partial Regex Statement();

    [GeneratedRegex(@"&[a-zA-Z]+;|&#\d+;")]
    private static partial Regex Entity();
}
