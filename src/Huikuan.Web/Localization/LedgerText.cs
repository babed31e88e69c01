using Huikuan.Domain;
using Microsoft.Extensions.Localization;

namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the invoice and receipt pages' texts: LedgerText.resx (English) and LedgerText.zh-CN.resx
/// (Simplified Chinese), kept apart from <see cref="Text"/> so the two sets of pages grow without touching each other.
/// </summary>
public sealed class LedgerText;

/// <summary>A handler's refusal as the user reads it: the ledger pages' own rule texts first, then the shared ones.</summary>
public static class LedgerProblems
{
    public static string Message(IStringLocalizer<LedgerText> ledger, IStringLocalizer<Text> text, Exception error)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(error);
        if (error is DomainRuleException rule && ledger["Rule." + rule.Rule] is { ResourceNotFound: false } known)
        {
            return known;
        }
        if (error is ConflictException)
        {
            return ledger["Problem.Conflict", error.Message];
        }
        return Huikuan.Web.Components.Formats.Problem(text, error);
    }

    /// <summary>The field a refusal names ("lines[0].quantity"), or "" when it names none.</summary>
    public static string FieldOf(Exception error) => error is DomainRuleException { Field: { } field } ? field : "";

    /// <summary>Whether the exception is one a handler throws to refuse a request, as opposed to a fault.</summary>
    public static bool IsRefusal(Exception error) =>
        error is DomainRuleException or NotFoundException or ForbiddenException;
}
