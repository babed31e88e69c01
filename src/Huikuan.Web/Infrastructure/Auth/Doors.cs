using System.Globalization;
using System.Security.Claims;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Huikuan.Web.Infrastructure.Auth;

/// <summary>Marks an endpoint that a user with a one-time password may still call: the password change, sign-out, who am I.</summary>
public sealed class OpenBeforePasswordChange;

/// <summary>
/// Two checks on every request a signed-in user makes, after authentication.
/// <para>Writes that a cookie authorises must come from a page of this origin. The sign-in cookie is SameSite=Strict,
/// but "same site" ignores the port: a page on another port of the same host would still send it. So a write
/// (anything but GET, HEAD, OPTIONS, TRACE) signed in by the cookie needs an Origin header equal to the request's own
/// scheme, host and port, or, without Origin, Sec-Fetch-Site: same-origin. Browsers send one or the other with every
/// write; a request with neither, or with Origin "null", is refused. An API key is not sent by a browser on its own,
/// so requests signed in by a key are not asked.</para>
/// <para>A user whose password someone else chose (a one-time password) may only change it, sign out and ask who
/// they are: every other endpoint answers 403, and a page sends them to the change form.</para>
/// </summary>
public static class Doors
{
    public const string PasswordPage = "/account/password";

    public static TBuilder OpenBeforePasswordChange<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenBeforePasswordChange());

    public static IApplicationBuilder UseSameOriginWrites(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsWrite(http.Request.Method) && SignedInBy(http.User) == CookieAuthenticationDefaults.AuthenticationScheme && !IsSameOrigin(http.Request))
        {
            await RefuseAsync(http, "Problem.CrossSite", "cross-site");
            return;
        }
        await next(http);
    });

    /// <summary>After authorization, when the endpoint is known.</summary>
    public static IApplicationBuilder UsePasswordChangeFirst(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (!http.User.HasClaim(UserClaims.MustChangePassword, "true")
            || endpoint?.Metadata.GetMetadata<OpenBeforePasswordChange>() is not null
            || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(http);
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/_blazor"))
        {
            http.Response.Redirect(PasswordPage);
            return;
        }
        await RefuseAsync(http, "Problem.PasswordFirst", "password-change-required");
    });

    internal static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static string? SignedInBy(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(UserClaims.Via) : null;

    /// <summary>Scheme, host and port of the Origin header equal the request's own; without Origin, the browser's Sec-Fetch-Site says so.</summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count == 0)
        {
            return request.Headers["Sec-Fetch-Site"] is { Count: 1 } site && site[0] == "same-origin";
        }
        // An origin is "scheme://host[:port]", nothing more: "null" (a sandboxed or local page), a path or a second origin is refused.
        if (origin.Count != 1 || origin[0]!.Count(c => c == '/') != 2 || !Uri.TryCreate(origin[0], UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0
            || !request.Host.HasValue)
        {
            return false;
        }
        var ownPort = request.Host.Port ?? (string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && uri.Port == ownPort;
    }

    private static async Task RefuseAsync(HttpContext http, string detail, string type)
    {
        var culture = CultureInfo.CurrentUICulture;
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = RuleMessages.Get("Problem.Title.Forbidden", culture),
                Detail = RuleMessages.Get(detail, culture), Type = "https://huikuan.dev/problems/" + type,
            },
        });
    }
}
