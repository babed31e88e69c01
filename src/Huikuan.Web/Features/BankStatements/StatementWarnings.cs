using System.Globalization;
using System.Resources;
using System.Text.Json;
using Huikuan.Web.Localization;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>
/// Something a statement's reader or its import noticed: the code (the library's, one of
/// <see cref="Huikuan.Statements.StatementWarningCodes"/>, or the import's own, e.g. line.futureDate), the reader's
/// words, the line it is about (from 0) and the values a text names ({1}… in BankText "Warning.&lt;code&gt;").
/// </summary>
public sealed record StatementWarningView(string Code, string Message, int? Line = null, IReadOnlyList<string>? Values = null)
{
    /// <summary>What a person reads: the code's text in their language with its values, or a general sentence for a code without one.</summary>
    public string Text(CultureInfo culture) => StatementWarnings.Text(this, culture);
}

/// <summary>Warnings stored on the statement as JSON and said in the reader's language (BankText "Warning.&lt;code&gt;").</summary>
public static class StatementWarnings
{
    /// <summary>A line's date is after the company's business day.</summary>
    public const string FutureDate = "line.futureDate";

    /// <summary>A line has more decimals than its currency; it was rounded half away from zero.</summary>
    public const string ExtraDecimals = "line.extraDecimals";

    /// <summary>A balance has more decimals than its currency; it was rounded half away from zero.</summary>
    public const string BalanceDecimals = "balance.extraDecimals";

    /// <summary>A balance is in another currency than the account's; it is not kept.</summary>
    public const string BalanceCurrency = "balance.currency";

    /// <summary>A line is in another currency than the account's.</summary>
    public const string LineCurrency = "line.currency";

    private static readonly ResourceManager Resources = new("Huikuan.Web.Localization.BankText", typeof(BankText).Assembly);

    public static string? Serialize(IReadOnlyList<StatementWarningView> warnings) =>
        warnings.Count == 0 ? null : JsonSerializer.Serialize(warnings, JsonOptions);

    public static IReadOnlyList<StatementWarningView> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StatementWarningView>>(json, JsonOptions) ?? [];

    public static string Text(StatementWarningView warning, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var text = Resources.GetString("Warning." + warning.Code, culture);
        var line = warning.Line is { } l ? (l + 1).ToString(culture) : "";
        object[] values = [line, .. warning.Values ?? []];
        try
        {
            if (text is not null)
            {
                return string.Format(culture, text, values);
            }
        }
        catch (FormatException)
        {
            // A warning stored before its code's values were kept: the text would name values it does not have.
        }
        return string.Format(culture, Resources.GetString("Warning.Other", culture)!, warning.Message);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
