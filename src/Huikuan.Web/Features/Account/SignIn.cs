using System.Security.Claims;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal = null, DateTimeOffset? LockedUntil = null, bool MustChangePassword = false);

/// <summary>
/// Checks an e-mail and password. Five wrong passwords in a row lock the account for fifteen minutes;
/// every attempt, failed ones too, goes into the audit trail with the address it came from. An unknown
/// address and a wrong password get the same answer, so the form does not tell which addresses exist.
/// </summary>
public sealed class SignInHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IPasswordHasher<User> hasher)
{
    public const int MaxFailures = 5;

    /// <summary>The audit action of a successful sign-in (the users list reads the last one from it).</summary>
    public const string Succeeded = "signIn.succeeded";
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public async Task<SignInResult> HandleAsync(string? email, string? password, string? remoteAddress, CancellationToken ct)
    {
        var normalized = UsersHandler.Normalize(email);
        var now = clock.Now;
        var user = normalized.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null || user.DisabledAt is not null)
        {
            AuditLog.Event(db, scope, clock, user?.CompanyId ?? Guid.Empty, "signIn.failed", "User", user?.Id.ToString(),
                new { reason = user is null ? "unknown address" : "disabled" }, actor: Truncate(email), remoteAddress: remoteAddress);
            await db.SaveChangesAsync(ct);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (user.LockedUntil > now)
        {
            AuditLog.Event(db, scope, clock, user.CompanyId, "signIn.failed", "User", user.Id.ToString(), new { reason = "locked out" },
                actor: user.Email, userId: user.Id, remoteAddress: remoteAddress);
            await db.SaveChangesAsync(ct);
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: user.LockedUntil);
        }
        var verdict = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailures)
            {
                user.LockedUntil = now + Lockout;
                user.FailedSignIns = 0;
            }
            AuditLog.Event(db, scope, clock, user.CompanyId, "signIn.failed", "User", user.Id.ToString(),
                new { reason = "wrong password", lockedUntil = user.LockedUntil > now ? user.LockedUntil : null }, actor: user.Email, userId: user.Id, remoteAddress: remoteAddress);
            await db.SaveChangesAsync(ct);
            return user.LockedUntil > now ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: user.LockedUntil) : new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password!);
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        AuditLog.Event(db, scope, clock, user.CompanyId, Succeeded, "User", user.Id.ToString(), actor: user.Email, userId: user.Id, remoteAddress: remoteAddress);
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.SignedIn, UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme), MustChangePassword: user.MustChangePassword);
    }

    private static string Truncate(string? email) => email is null ? "(none)" : email.Length <= 320 ? email : email[..320];
}
