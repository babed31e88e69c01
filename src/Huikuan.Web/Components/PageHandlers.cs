using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Components;

/// <summary>
/// How pages call the use cases: the same handler classes the API calls, each call in a DI scope of its own
/// that is entered as the circuit's user. A circuit lives as long as the browser tab, so one DbContext for
/// all of it would grow stale and would fail when two calls overlap (a table reloading while a search types);
/// a scope per call gives each call its own DbContext, with the salesperson's row filter from the copied Scope.
/// </summary>
public sealed class PageHandlers(IServiceScopeFactory scopes, Scope user)
{
    public async Task<T> RunAsync<THandler, T>(Func<THandler, Task<T>> call) where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!user.HasCompany || user.UserId is null)
        {
            throw new InvalidOperationException("The page has no signed-in user: the circuit's Scope was not entered.");
        }
        await using var scope = scopes.CreateAsyncScope();
        user.CopyTo(scope.ServiceProvider.GetRequiredService<Scope>());
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
