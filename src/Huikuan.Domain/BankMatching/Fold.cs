using System.Text;

namespace Huikuan.Domain.BankMatching;

/// <summary>
/// What bank texts and names are compared as: full-width letters, digits and punctuation (ＩＮＶ－００１２, （）) as their
/// half-width forms, the ideographic space as a space, and Latin letters in upper case. Chinese characters stay.
/// </summary>
public static class Fold
{
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(One(c));
        }
        return result.ToString();
    }

    public static char One(char c)
    {
        var half = c switch
        {
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            '\u3000' => ' ',
            '\u3001' or '\u3002' => '.',
            '\u3010' or '\u300A' => '(',
            '\u3011' or '\u300B' => ')',
            _ => c,
        };
        return char.IsAsciiLetterLower(half) ? (char)(half - 32) : half;
    }
}
