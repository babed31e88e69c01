using System.Globalization;

namespace Huikuan.Domain.Ledger;

/// <summary>
/// The payment reference (付款参考号) Huikuan prints on an invoice and asks the customer to quote when paying: an
/// ISO 11649 creditor reference, "RF", two check digits and the invoice's number without separators (INV-000123 gives
/// RF73INV000123). The check digits follow the mod-97 rule of IBANs, so a mistyped digit or two swapped characters are
/// caught before a payment is matched to the wrong invoice.
/// </summary>
public static class PaymentReference
{
    /// <summary>ISO 11649: at most 25 characters, so the number may have at most 21 letters and digits.</summary>
    public const int MaxLength = 25;

    private const int MaxKeyLength = MaxLength - 4;

    /// <summary>
    /// The reference for an invoice number, or null when the number cannot make one: no letters or digits, more than 21
    /// of them, or letters outside A–Z (a number with Chinese characters would otherwise lose them and could collide).
    /// </summary>
    public static string? For(string? invoiceNumber)
    {
        var key = KeyOf(invoiceNumber);
        return key is null ? null : "RF" + CheckDigits(key) + key;
    }

    /// <summary>
    /// The invoice number as a reference carries it: letters and digits only, upper case; null when it cannot make one.
    /// The matching compares this with what <see cref="TryRead"/> found.
    /// </summary>
    public static string? KeyOf(string? invoiceNumber)
    {
        if (string.IsNullOrWhiteSpace(invoiceNumber))
        {
            return null;
        }
        var chars = new List<char>(invoiceNumber.Length);
        foreach (var c in invoiceNumber)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Add(char.ToUpperInvariant(c));
            }
            else if (char.IsLetterOrDigit(c))
            {
                return null;
            }
        }
        return chars.Count is 0 or > MaxKeyLength ? null : new string([.. chars]);
    }

    /// <summary>Whether a whole text (spaces allowed, any case) is a reference whose check digits hold.</summary>
    public static bool IsValid(string? text)
    {
        if (text is null)
        {
            return false;
        }
        var compact = new string([.. text.Where(c => c != ' ')]).ToUpperInvariant();
        return compact.Length is > 4 and <= MaxLength && compact.StartsWith("RF", StringComparison.Ordinal)
            && compact.All(char.IsAsciiLetterOrDigit) && char.IsAsciiDigit(compact[2]) && char.IsAsciiDigit(compact[3])
            && Mod97(compact[4..] + compact[..4]) == 1;
    }

    /// <summary>
    /// Finds a reference in free text (a bank line's remittance information): "RF" at the start of a word, two check
    /// digits, then the number, written in one piece or printed in groups of four ("rf73 inv0 0012 3"), in any case. Only
    /// a reference whose check digits hold is taken; the key is the invoice number as <see cref="KeyOf"/> gives it.
    /// "RF" inside a longer word (REF, XRF73…) is not a reference; Chinese text around it, without spaces, is fine.
    /// </summary>
    public static bool TryRead(string? text, out string invoiceNumberKey)
    {
        invoiceNumberKey = "";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        for (var i = 0; i + 4 < text.Length; i++)
        {
            if ((text[i] is 'R' or 'r') && (text[i + 1] is 'F' or 'f') && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]))
                && TryReadAt(text, i, out invoiceNumberKey))
            {
                return true;
            }
        }
        invoiceNumberKey = "";
        return false;
    }

    /// <summary>The runs of letters and digits from <paramref name="start"/>, one space apart; every run but the last a
    /// group of four. The longest whose check digits hold is the reference.</summary>
    private static bool TryReadAt(string text, int start, out string key)
    {
        var candidates = new List<string>();
        var joined = "";
        var i = start;
        while (i < text.Length)
        {
            var end = i;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }
            var run = text[i..end];
            if (run.Length == 0 || joined.Length + run.Length > MaxLength)
            {
                break;
            }
            joined += run.ToUpperInvariant();
            candidates.Add(joined);
            if (run.Length != 4 || end + 1 >= text.Length || text[end] != ' ')
            {
                break;
            }
            i = end + 1;
        }
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            if (IsValid(candidates[c]))
            {
                key = candidates[c][4..];
                return true;
            }
        }
        key = "";
        return false;
    }

    private static string CheckDigits(string key) => (98 - Mod97(key + "RF00")).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The remainder by 97 of the number the characters spell, letters as 10 (A) to 35 (Z), digit by digit.</summary>
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }
}
