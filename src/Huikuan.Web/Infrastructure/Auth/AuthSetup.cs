using System.Security.Claims;
using Huikuan.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Infrastructure.Auth;

/// <summary>
/// Sign-in for people (a cookie) and for integrations (an API key), one policy for both: every endpoint
/// needs a signed-in user unless it says otherwise. The API answers 401/403 as problem details; pages
/// redirect to the sign-in page.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "Huikuan";
    public const string SignInPath = "/account/signin";

    public static IServiceCollection AddHuikuanAuth(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API key", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = SignInPath;
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "huikuan.auth";
                o.Cookie.HttpOnly = true;
                // Secure whenever the request is HTTPS; the out-of-the-box start listens on plain HTTP on 127.0.0.1 only.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateAsync;
                o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>After authentication: the request's <see cref="Scope"/> comes from the signed-in user.</summary>
    public static IApplicationBuilder UseUserScope(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.RequestServices.GetRequiredService<Scope>().TryEnter(http.User, http.Connection.RemoteIpAddress?.ToString());
        await next(http);
    });

    /// <summary>A cookie stops working when its user is disabled or their password or role changed (the security stamp).</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(UserClaims.Company), out var company)
            || !Guid.TryParse(principal.FindFirstValue(UserClaims.UserId), out var id))
        {
            context.RejectPrincipal();
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<HuikuanDbContext>();
        if (!await UserClaims.StillValidAsync(db, company, id, principal.FindFirstValue(UserClaims.Stamp), principal.HasClaim(UserClaims.MustChangePassword, "true"),
            context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
