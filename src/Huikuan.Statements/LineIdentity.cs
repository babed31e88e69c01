using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Huikuan.Statements;

/// <summary>
/// What makes a statement line the same line when a file is imported again, or a later file overlaps the period: the
/// account and the bank's own reference for the booking (流水号, AcctSvcrRef, the :61: reference after //); failing
/// that, the day, the signed amount, the counterparty and the text. Either way an occurrence number follows, counted in
/// file order among the statement's lines with the same key, so two equal payments on one day stay two lines, and the
/// parts of a batch booking, which share their entry's reference, stay apart. Re-reading the same file, or one that
/// covers the same days whole, gives the same keys.
/// </summary>
public static class LineIdentity
{
    /// <summary>The key of each line of a statement, in the statement's order.</summary>
    public static IReadOnlyList<string> Keys(BankStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var account = Normalise(statement.Account) ?? "";
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(statement.Lines.Count);
        foreach (var line in statement.Lines)
        {
            var basis = Basis(account, line);
            var occurrence = seen.GetValueOrDefault(basis) + 1;
            seen[basis] = occurrence;
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"{basis}#{occurrence}"));
        }
        return keys;
    }

    /// <summary>"ref:" and the account and bank reference, or "hash:" and the account and a digest of what the line says.</summary>
    private static string Basis(string account, StatementLine line)
    {
        if (Normalise(line.BankReference) is { Length: > 0 } reference && !IsPlaceholder(reference))
        {
            return $"ref:{account}|{reference}";
        }
        var said = string.Join('\u001f',
            line.BookingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? line.ValueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            line.Amount.ToString("0.############################", CultureInfo.InvariantCulture), line.Currency.ToUpperInvariant(),
            Normalise(line.CounterpartyAccount) ?? "", Normalise(line.CounterpartyName) ?? "", Normalise(line.RemittanceText) ?? "",
            Normalise(line.EndToEndId) ?? "", Normalise(line.CustomerReference) ?? "");
        return $"hash:{account}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(said)))[..32]}";
    }

    /// <summary>Banks write NONREF (or nothing useful) where a booking has no reference of its own.</summary>
    private static bool IsPlaceholder(string reference) => reference is "NONREF" or "NOTPROVIDED" or "NONE" or "0";

    /// <summary>Trimmed, inner runs of white space made one space, full-width forms made half-width, upper case; null when empty.</summary>
    private static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC).Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
