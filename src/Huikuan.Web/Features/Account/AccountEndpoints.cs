using Huikuan.Web.Infrastructure;
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
                var error = result.Outcome == SignInOutcome.LockedOut ? "locked" : "failed";
                return Results.Redirect($"/account/signin?error={error}&email={Uri.EscapeDataString(email ?? "")}");
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
        }).ExcludeFromDescription();
    }

    public static void MapAccount(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account");
        group.MapGet("/me", async (UsersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.MeAsync(ct)));
        group.MapPost("/password", async (ChangePassword request, UsersHandler handler, CancellationToken ct) =>
        {
            await handler.ChangePasswordAsync(request, ct);
            return TypedResults.NoContent();
        });
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

    /// <summary>Only local paths: a return address never sends the user to another site.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl : "/";
}
