using Huikuan.Domain;
using Microsoft.Extensions.Localization;

namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the administration pages' texts (audit trail, users, API keys): AdminText.resx (English) and
/// AdminText.zh-CN.resx (Simplified Chinese), kept apart from <see cref="Text"/> like <see cref="LedgerText"/>.
/// </summary>
public sealed class AdminText;

/// <summary>A handler's refusal as the user reads it on an administration page: its own rule texts first, then the shared ones.</summary>
public static class AdminProblems
{
    public static string Message(IStringLocalizer<AdminText> admin, IStringLocalizer<Text> text, Exception error)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(error);
        if (error is DomainRuleException rule && admin["Rule." + rule.Rule] is { ResourceNotFound: false } known)
        {
            return known;
        }
        return Huikuan.Web.Components.Formats.Problem(text, error);
    }

    /// <summary>Whether the exception is one a handler throws to refuse a request, as opposed to a fault.</summary>
    public static bool IsRefusal(Exception error) => error is DomainRuleException or NotFoundException or ForbiddenException;
}

/// <summary>Instants on the administration pages: in UTC (the page says so), written the way the current culture writes dates and times.</summary>
public static class AdminFormats
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("G", System.Globalization.CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset? at) => at is { } x ? Time(x) : "";
}
