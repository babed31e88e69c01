using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Huikuan.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-in and sign-out for the browser: form posts with an anti-forgery token, answered by redirects.</summary>
    public static void MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", async ([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, SignInHandler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(email, password, http.Connection.RemoteIpAddress?.ToString(), ct);
            if (result.Outcome != SignInOutcome.SignedIn)
            {
                return Results.Redirect($"/account/signin?error=failed&email={Uri.EscapeDataString(email ?? "")}");
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
            // The language the user chose before, on whatever browser: it outranks this browser's own preference.
            Cultures.Remember(http, result.Principal!.FindFirst(System.Security.Claims.ClaimTypes.Locality)?.Value);
            var target = result.MustChangePassword ? "/account/password" : LocalOrHome(returnUrl);
            return Results.Redirect(target);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/account/signin");
        }).OpenBeforePasswordChange().ExcludeFromDescription();
    }

    public static void MapAccount(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account");
        group.MapGet("/me", async (UsersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.MeAsync(ct))).OpenBeforePasswordChange();
        group.MapPost("/password", async (ChangePassword request, UsersHandler handler, CancellationToken ct) =>
        {
            await handler.ChangePasswordAsync(request, ct);
            return TypedResults.NoContent();
        }).OpenBeforePasswordChange();
        group.MapGet("/api-keys", async (ApiKeysHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        group.MapPost("/api-keys", async Task<Created<CreatedApiKey>> (CreateApiKey request, ApiKeysHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(request, ct);
            return TypedResults.Created($"/api/account/api-keys/{created.ApiKey.Id}", created);
        });
        group.MapDelete("/api-keys/{id:guid}", async (Guid id, ApiKeysHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.RevokeAsync(id, ct)))
            .WithSummary("Revokes the key; it stops working at once and stays listed as revoked.");

        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", async (UsersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        users.MapPost("/", async Task<Created<CreatedUser>> (CreateUser request, UsersHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(request, ct);
            return TypedResults.Created($"/api/users/{created.User.Id}", created);
        }).WithSummary("Creates a user and returns a one-time password, shown once; it must be changed at the first sign-in.");
        users.MapPut("/{id:guid}", async (Guid id, ChangeUser request, UsersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ChangeAsync(id, request, ct)))
            .WithSummary("Changes the user's role or disables them; either signs them out everywhere. Admins cannot demote or disable themselves.");
    }

    /// <summary>
    /// Only local paths: a return address never sends the user to another site. Browsers read "//host", "/\host"
    /// and "/(tab)/host" (they drop tabs and line breaks, and take a backslash for a slash) as another host, so a return
    /// address must start with one slash and hold no backslash and no control character (tab, line break), also once
    /// percent-decoded (twice: a proxy or a second redirect may decode again).
    /// </summary>
    internal static string LocalOrHome(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000)
        {
            return "/";
        }
        var text = returnUrl;
        for (var round = 0; round < 3; round++)
        {
            if (!IsPlainLocalPath(text))
            {
                return "/";
            }
            var decoded = Uri.UnescapeDataString(text);
            if (decoded == text)
            {
                return returnUrl;
            }
            text = decoded;
        }
        // Still encoded after three rounds: nobody writes a link like that by accident.
        return "/";
    }

    private static bool IsPlainLocalPath(string path) =>
        path.StartsWith('/') && (path.Length == 1 || path[1] != '/')
        && !path.Any(c => c == '\\' || char.IsControl(c));
}
