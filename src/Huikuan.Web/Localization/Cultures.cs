using System.Globalization;
using Huikuan.Web.Features.Account;
using Microsoft.AspNetCore.Localization;

namespace Huikuan.Web.Localization;

/// <summary>
/// English and Simplified Chinese. The language comes from the culture cookie when the user chose one in the
/// app bar, otherwise from the browser's Accept-Language; English when neither names a supported culture.
/// Blazor keeps the culture of the request that opened the circuit, so switching sets the cookie and reloads.
/// </summary>
public static class Cultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static readonly string[] Supported = [English, Chinese];

    public static IServiceCollection AddHuikuanLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(English).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Only the cookie and the browser: a query string must not change the language of a shared link.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new CustomRequestCultureProvider(http => Task.FromResult(FromBrowser(http)))];
        });
        return services;
    }

    /// <summary>
    /// GET /culture/set?culture=zh-CN&amp;redirectUri=/aging: remembers the choice for a year in this browser, and with
    /// the signed-in user for the next sign-in elsewhere, then goes back.
    /// </summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/set", async (HttpContext http, string? culture, string? redirectUri, PreferredLanguageHandler users, CancellationToken ct) =>
        {
            var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is not null)
            {
                Remember(http, chosen);
                await users.RememberAsync(chosen, ct);
            }
            return Results.LocalRedirect(AccountEndpoints.LocalOrHome(redirectUri));
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Sets the culture cookie the pages are read in; ignores a culture that is not one of ours.</summary>
    public static void Remember(HttpContext http, string? culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return;
        }
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
    }

    /// <summary>
    /// The browser's most preferred language that is English or Chinese: any Chinese tag (zh, zh-Hans, zh-TW, …)
    /// means Simplified Chinese, the only Chinese there is; null when the browser names neither.
    /// </summary>
    internal static ProviderCultureResult? FromBrowser(HttpContext http)
    {
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(tag => tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return preferred is null ? null
            : new ProviderCultureResult(preferred.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English);
    }

    /// <summary>The other language of the two, for the app bar's switch.</summary>
    public static string Other(CultureInfo current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return IsChinese(current) ? English : Chinese;
    }

    public static bool IsChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    }
}
