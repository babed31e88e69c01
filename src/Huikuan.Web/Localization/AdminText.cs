using Huikuan.Domain;

namespace Huikuan.Web.Localization;

/// <summary>
/// The marker type of the administration pages' texts (audit trail, users, API keys): AdminText.resx (English) and
/// AdminText.zh-CN.resx (Simplified Chinese), kept apart from <see cref="Text"/> like <see cref="LedgerText"/>.
/// </summary>
public sealed class AdminText;

/// <summary>A handler's refusal as an administration page shows it.</summary>
public static class AdminProblems
{
    /// <summary>The refusal in the user's language (see <see cref="RuleMessages"/>).</summary>
    public static string Message(Exception error) => RuleMessages.Of(error, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>Whether the exception is one a handler throws to refuse a request, as opposed to a fault.</summary>
    public static bool IsRefusal(Exception error) => error is DomainRuleException or NotFoundException or ForbiddenException;
}

/// <summary>Instants on the pages: on the company's wall clock, written the way the current culture writes dates and times.</summary>
public static class AdminFormats
{
    public static string Time(Infrastructure.BusinessClock clock, DateTimeOffset at) =>
        (clock ?? throw new ArgumentNullException(nameof(clock))).Local(at).DateTime.ToString("G", System.Globalization.CultureInfo.CurrentCulture);

    public static string Time(Infrastructure.BusinessClock clock, DateTimeOffset? at) => at is { } x ? Time(clock, x) : "";

    public static string Brief(Infrastructure.BusinessClock clock, DateTimeOffset at, string format = "g") =>
        (clock ?? throw new ArgumentNullException(nameof(clock))).Local(at).DateTime.ToString(format, System.Globalization.CultureInfo.CurrentCulture);
}
