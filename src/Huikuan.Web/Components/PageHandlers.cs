using Huikuan.Domain;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;

namespace Huikuan.Web.Components;

/// <summary>
/// How pages call the use cases: the same handler classes the API calls, each call in a DI scope of its own
/// that is entered as the circuit's user. A circuit lives as long as the browser tab, so one DbContext for
/// all of it would grow stale and would fail when two calls overlap (a table reloading while a search types);
/// a scope per call gives each call its own DbContext, with the salesperson's row filter from the copied Scope.
/// A tab also outlives the sign-in that opened it: each call first checks that the user is still enabled with
/// the same security stamp, and a revoked user's tab goes to the sign-in page instead of acting for them.
/// </summary>
public sealed class PageHandlers(IServiceScopeFactory scopes, Scope user, NavigationManager navigation)
{
    public async Task<T> RunAsync<THandler, T>(Func<THandler, Task<T>> call) where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!user.HasCompany || user.UserId is not { } userId)
        {
            throw new InvalidOperationException("The page has no signed-in user: the circuit's Scope was not entered.");
        }
        await using var scope = scopes.CreateAsyncScope();
        if (!await UserClaims.StillValidAsync(scope.ServiceProvider.GetRequiredService<HuikuanDbContext>(), user.CompanyId, userId, user.SecurityStamp,
                carriesOneTimePassword: true, CancellationToken.None))
        {
            SignedOut();
            throw new ForbiddenException("signedIn");
        }
        user.CopyTo(scope.ServiceProvider.GetRequiredService<Scope>());
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private void SignedOut()
    {
        try
        {
            navigation.NavigateTo("/account/signin?returnUrl=" + Uri.EscapeDataString(navigation.ToBaseRelativePath(navigation.Uri) is { Length: > 0 } path ? "/" + path : "/"), forceLoad: true);
        }
        catch (InvalidOperationException)
        {
            // No circuit to navigate (a call from outside a page): the refusal alone says it.
        }
    }
}
