namespace Huikuan.Web.Tests.Platform;

/// <summary>The parts of a .razor file that Razor evaluates, skipped over so that only markup text remains.</summary>
internal static class RazorCode
{
    private static readonly HashSet<string> Directives =
        new(["page", "using", "inject", "inherits", "attribute", "implements", "layout", "namespace", "typeparam", "rendermode", "preservewhitespace"],
            StringComparer.Ordinal);

    private static readonly HashSet<string> ControlWords = new(["if", "foreach", "for", "while", "switch", "lock", "using"], StringComparer.Ordinal);

    /// <summary>From just after an '@': a directive line, a code block, a control statement's head, or an expression.</summary>
    public static int Skip(string s, int i, bool lineStart)
    {
        if (i < s.Length && s[i] is '(' or '{')
        {
            return SkipBalanced(s, i);
        }
        var start = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }
        var word = s[start..i];
        if (word is "code" or "functions")
        {
            var open = s.IndexOf('{', i);
            return open < 0 ? s.Length : SkipBalanced(s, open);
        }
        if (lineStart && Directives.Contains(word) && !(word == "using" && s[i..].TrimStart().StartsWith('(')))
        {
            return End(s, s.IndexOf('\n', i), 0);
        }
        if (ControlWords.Contains(word))
        {
            var j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j]))
            {
                j++;
            }
            return j < s.Length && s[j] == '(' ? SkipBalanced(s, j) : i;
        }
        while (i < s.Length)
        {
            if (s[i] is '[' or '(')
            {
                i = SkipBalanced(s, i);
            }
            else if (s[i] == '.' && i + 1 < s.Length && (char.IsLetter(s[i + 1]) || s[i + 1] == '_'))
            {
                i++;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
                {
                    i++;
                }
            }
            else if (At(s, i, "?.") || At(s, i, "?["))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>Past the bracket that closes the one at <paramref name="i"/>, stepping over C# strings and characters.</summary>
    public static int SkipBalanced(string s, int i)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '"' or '\'')
            {
                i = SkipString(s, i);
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && --depth == 0)
            {
                return i + 1;
            }
        }
        return s.Length;
    }

    private static int SkipString(string s, int i)
    {
        var quote = s[i];
        for (i++; i < s.Length && s[i] != quote; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
        }
        return i;
    }

    public static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    public static int End(string s, int found, int length) => found < 0 ? s.Length : found + length;
}
