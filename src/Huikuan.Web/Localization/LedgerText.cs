using Huikuan.Domain;

namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the invoice and receipt pages' texts: LedgerText.resx (English) and LedgerText.zh-CN.resx
/// (Simplified Chinese), kept apart from <see cref="Text"/> so the two sets of pages grow without touching each other.
/// </summary>
public sealed class LedgerText;

/// <summary>A handler's refusal as a form shows it.</summary>
public static class LedgerProblems
{
    /// <summary>The refusal in the user's language (see <see cref="RuleMessages"/>).</summary>
    public static string Message(Exception error) => RuleMessages.Of(error, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>The field a refusal names ("lines[0].quantity"), or "" when it names none.</summary>
    public static string FieldOf(Exception error) => error is DomainRuleException { Field: { } field } ? field : "";

    /// <summary>Whether the exception is one a handler throws to refuse a request, as opposed to a fault.</summary>
    public static bool IsRefusal(Exception error) =>
        error is DomainRuleException or NotFoundException or ForbiddenException;
}
