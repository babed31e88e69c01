using System.Text;
using System.Text.RegularExpressions;

namespace Huikuan.Domain.BankMatching;

/// <summary>
/// A payer's name as it is compared: <see cref="Full"/> without legal forms, brackets, punctuation and spaces;
/// for a branch (分公司, BRANCH) also <see cref="Head"/>, the company's own name before its legal form, which names the
/// company the branch belongs to.
/// </summary>
public sealed record PayerName(string Full, string? Head)
{
    public bool IsBranch => Head is not null;
}

/// <summary>
/// Payer names normalised and compared. Banks write the payer as its account was opened: 深圳华为技术有限公司,
/// 华为技术（深圳）有限公司, HUAWEI TECHNOLOGIES CO., LTD., with full-width brackets or none, the legal form or not.
/// Folded to half width and upper case, the legal forms taken out (Chinese anywhere, English as whole words), then
/// everything but letters and digits. The similarity of two names is the Dice coefficient of their character bigrams
/// as a whole percentage: 100 only for equal names.
/// </summary>
public static partial class PayerNames
{
    // Longest first, so 有限责任公司 is taken out whole and not as 有限 + 责任公司.
    private static readonly string[] ChineseForms = ["股份有限公司", "有限责任公司", "有限公司", "(集团)", "集团", "股份公司", "公司"];

    private const string Branch = "分公司";

    public static PayerName Normalise(string? name)
    {
        var folded = Fold.Text(name);
        string? head = null;
        var branchAt = folded.IndexOf(Branch, StringComparison.Ordinal);
        var latinBranch = LatinBranch().Match(folded);
        if (branchAt >= 0 || latinBranch.Success)
        {
            var before = folded[..(branchAt >= 0 ? branchAt : latinBranch.Index)];
            var formAt = FirstLegalForm(before);
            head = Letters(formAt >= 0 ? before[..formAt] : before);
            if (head.Length == 0)
            {
                head = null;
            }
        }
        return new PayerName(Letters(WithoutForms(folded)), head);
    }

    /// <summary>The similarity of two normalised names, 0–100: the Dice coefficient of their bigrams, rounded down.</summary>
    public static int Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return a.Length == 0 ? 0 : 100;
        }
        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }
        var left = Sorted(a);
        var right = Sorted(b);
        var shared = 0;
        for (int i = 0, j = 0; i < left.Length && j < right.Length;)
        {
            if (left[i] == right[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        var total = a.Length - 1 + b.Length - 1;
        // Equal bigram bags of different strings (ABAB, BABA) stay under 100: only equal names are the same name.
        return Math.Min(99, 200 * shared / total);
    }

    private static int[] Sorted(string name)
    {
        var bigrams = new int[name.Length - 1];
        for (var i = 0; i + 1 < name.Length; i++)
        {
            bigrams[i] = (name[i] << 16) | name[i + 1];
        }
        Array.Sort(bigrams);
        return bigrams;
    }

    /// <summary>A name's character bigrams, each as one int (two UTF-16 units).</summary>
    public static IEnumerable<int> Bigrams(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i + 1 < name.Length; i++)
        {
            yield return (name[i] << 16) | name[i + 1];
        }
    }

    private static string WithoutForms(string folded)
    {
        var text = LatinForms().Replace(folded, " ");
        text = text.Replace(Branch, "", StringComparison.Ordinal);
        foreach (var form in ChineseForms)
        {
            text = text.Replace(form, "", StringComparison.Ordinal);
        }
        return text;
    }

    private static int FirstLegalForm(string text)
    {
        var first = -1;
        foreach (var form in ChineseForms)
        {
            var at = text.IndexOf(form, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }
        var latin = LatinForms().Match(text);
        return latin.Success && (first < 0 || latin.Index < first) ? latin.Index : first;
    }

    private static string Letters(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    // Whole words only: LTD in "LTD." or "CO.,LTD" but not in "ALTDORF". "CO" only beside another form or before a dot,
    // so the CO of "COSCO" or "TRADING CO" as part of a name stays unless written as the form "CO." or "CO., LTD".
    private const string LatinFormPattern =
        @"(?<![A-Z0-9])(?:CO\s*\.|COMPANY\s+LIMITED|CO(?=[\s,.]*(?:LTD|LIMITED|INC|LLC)(?![A-Z0-9]))|LTD|LIMITED|LLC|L\.L\.C\.?"
        + @"|INC|INCORPORATED|GMBH|CORP|CORPORATION|PLC|PTE|AG|S\.A\.|(?:\(\s*)?GROUP(?:\s*\))?|HOLDINGS?)(?![A-Z0-9])\.?";

    [GeneratedRegex(LatinFormPattern, RegexOptions.CultureInvariant)]
    private static partial Regex LatinForms();

    [GeneratedRegex(@"(?<![A-Z0-9])BRANCH(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LatinBranch();
}
