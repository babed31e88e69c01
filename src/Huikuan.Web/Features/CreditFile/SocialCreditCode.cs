namespace Huikuan.Web.Features.CreditFile;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, S, V and Z; the last is a
/// check character, 31 minus the weighted sum of the first 17 modulo 31 (31 becomes 0).
/// </summary>
public static class SocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null when one of them is not allowed.</summary>
    public static char? CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            return null;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            sum += value * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code[..17]) is { } check && check == code[17];
}
