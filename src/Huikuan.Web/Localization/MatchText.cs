using System.Globalization;
using System.Resources;
using Huikuan.Domain.BankMatching;

namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the texts that explain bank-line matches: MatchText.resx (English) and MatchText.zh-CN.resx
/// (Simplified Chinese), keyed "Reason." + the reason's code (<see cref="MatchReasons"/>) and "Kind." + a write-off kind.
/// </summary>
public sealed class MatchText;

/// <summary>A match's reasons in the reader's language, with the values each names.</summary>
public static class MatchMessages
{
    private static readonly ResourceManager Resources = new("Huikuan.Web.Localization.MatchText", typeof(MatchText).Assembly);

    // The values that are amounts (with the currency's decimals, invariant): shown with the reader's group separators.
    private static readonly Dictionary<string, int[]> Amounts = new(StringComparer.Ordinal)
    {
        [MatchReasons.LineUnapplied] = [0], [MatchReasons.ItemsTolerance] = [0], [MatchReasons.ItemsDiscount] = [1],
    };

    /// <summary>The text for a key, or null when the resources have none.</summary>
    public static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>The name of a write-off kind (手续费, 服务费…).</summary>
    public static string Kind(WriteOffKind kind, CultureInfo culture) => Find("Kind." + kind, culture) ?? kind.ToString();

    /// <summary>A reason in words; a code without a text (which a test forbids) is said as its code.</summary>
    public static string Of(MatchReason reason, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(culture);
        if (Find("Reason." + reason.Code, culture) is not { } text)
        {
            return reason.ToString();
        }
        var amounts = Amounts.GetValueOrDefault(reason.Code) ?? [];
        var values = reason.Arguments.Select((value, i) =>
            reason.Code == MatchReasons.ItemsTolerance && i == 2 && Enum.TryParse<WriteOffKind>(value, out var kind) ? Kind(kind, culture)
            : amounts.Contains(i) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? amount.ToString("N" + Decimals(value).ToString(CultureInfo.InvariantCulture), culture)
            : value).ToArray<object>();
        try
        {
            return string.Format(culture, text, values);
        }
        catch (FormatException)
        {
            return reason.ToString();
        }
    }

    private static int Decimals(string amount) =>
        amount.Contains('.', StringComparison.Ordinal) ? amount.Length - amount.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
}
