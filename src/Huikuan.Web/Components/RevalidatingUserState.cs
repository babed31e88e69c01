using System.Security.Claims;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Huikuan.Web.Components;

/// <summary>
/// Checks an open tab's sign-in every minute, so that a user who was disabled or whose password or role changed
/// is signed out of the pages they left open, even without clicking anything (the layout then goes to sign-in).
/// </summary>
public sealed class RevalidatingUserState(ILoggerFactory loggers, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var principal = authenticationState.User;
        if (!Guid.TryParse(principal.FindFirstValue(UserClaims.Company), out var company) || !Guid.TryParse(principal.FindFirstValue(UserClaims.UserId), out var user))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        return await UserClaims.StillValidAsync(scope.ServiceProvider.GetRequiredService<HuikuanDbContext>(), company, user, principal.FindFirstValue(UserClaims.Stamp),
            principal.HasClaim(UserClaims.MustChangePassword, "true"), cancellationToken);
    }
}
