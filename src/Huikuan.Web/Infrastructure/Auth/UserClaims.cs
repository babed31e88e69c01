using System.Globalization;
using System.Security.Claims;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Infrastructure.Auth;

/// <summary>What the sign-in cookie and an API key carry about the user, and how the request's <see cref="Scope"/> is set from it.</summary>
public static class UserClaims
{
    public const string UserId = "huikuan:user";
    public const string Company = "huikuan:company";
    public const string Salesperson = "huikuan:salesperson";
    public const string Stamp = "huikuan:stamp";
    public const string Via = "huikuan:via";
    /// <summary>"true" while the user still has a one-time password: they may do nothing but change it (<see cref="Doors"/>).</summary>
    public const string MustChangePassword = "huikuan:mustChangePassword";

    public static ClaimsPrincipal Principal(User user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(UserId, user.Id.ToString()),
            new(Company, user.CompanyId.ToString()),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(Stamp, user.SecurityStamp),
            new(Via, scheme),
        };
        if (user.SalespersonId is { } sp)
        {
            claims.Add(new Claim(Salesperson, sp.ToString()));
        }
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePassword, "true"));
        }
        if (user.PreferredCulture is { } culture)
        {
            claims.Add(new Claim(ClaimTypes.Locality, culture));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Enters the user's company, role and owned rows; false when the principal is not one of ours.</summary>
    public static bool TryEnter(this Scope scope, ClaimsPrincipal principal, string? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(Company), out var company)
            || !Guid.TryParse(principal.FindFirstValue(UserId), out var user)
            || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return false;
        }
        Guid? salesperson = Guid.TryParse(principal.FindFirstValue(Salesperson), CultureInfo.InvariantCulture, out var sp) ? sp : null;
        scope.EnterAsUser(company, user, principal.Identity.Name ?? user.ToString(), role, salesperson, remoteAddress, principal.FindFirstValue(Stamp));
        return true;
    }

    /// <summary>
    /// Whether a sign-in still stands: the user exists, is not disabled, and has the security stamp the sign-in
    /// carried (a new password, a new role or a revoked session changes it). A sign-in that does not carry
    /// <see cref="MustChangePassword"/> (<paramref name="carriesOneTimePassword"/> false) does not stand for a user who
    /// has a one-time password: such a cookie was issued before the claim existed, and would pass every door.
    /// </summary>
    public static Task<bool> StillValidAsync(HuikuanDbContext db, Guid company, Guid user, string? stamp, bool carriesOneTimePassword, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.AsNoTracking().AnyAsync(u => u.CompanyId == company && u.Id == user && u.DisabledAt == null && u.SecurityStamp == stamp
            && (carriesOneTimePassword || !u.MustChangePassword), ct);
    }
}
