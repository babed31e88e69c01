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
    /// <summary>An unknown address, a disabled user, a wrong password, or a source locked out: one answer for all.</summary>
    WrongCredentials,
}

public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal = null, bool MustChangePassword = false);

/// <summary>
/// Checks an e-mail and password. Wrong passwords are throttled per user and address (<see cref="SignInThrottling"/>);
/// every attempt, failed ones too, goes into the audit trail with the address it came from. An unknown address, a
/// disabled user, a wrong password and an address locked out get the same answer after the same hashing work, so the
/// form tells neither which addresses exist nor which are locked.
/// </summary>
public sealed class SignInHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IPasswordHasher<User> hasher)
{
    /// <summary>The audit action of a successful sign-in (the users list reads the last one from it).</summary>
    public const string Succeeded = "signIn.succeeded";

    private static readonly User Nobody = new() { Email = "", NormalizedEmail = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" };

    // The hash of no one's password, checked for an unknown address so that it costs what a known one costs.
    private static string? _decoy;

    public async Task<SignInResult> HandleAsync(string? email, string? password, string? remoteAddress, CancellationToken ct)
    {
        var normalized = UsersHandler.Normalize(email);
        var now = clock.Now;
        var user = normalized.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        var source = SignInThrottling.SourceOf(remoteAddress);
        var throttle = user is null ? null : await SignInThrottling.FindAsync(db, user, source, ct);
        var verdict = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? (_decoy ??= hasher.HashPassword(Nobody, "decoy")), password ?? "");
        var right = verdict != PasswordVerificationResult.Failed && !string.IsNullOrEmpty(password);
        if (user is null || user.DisabledAt is not null)
        {
            AuditLog.Event(db, scope, clock, user?.CompanyId ?? Guid.Empty, "signIn.failed", "User", user?.Id.ToString(),
                new { reason = user is null ? "unknown address" : "disabled" }, actor: Truncate(email), remoteAddress: remoteAddress);
            await db.SaveChangesAsync(ct);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (SignInThrottling.IsLocked(throttle, now))
        {
            AuditLog.Event(db, scope, clock, user.CompanyId, "signIn.failed", "User", user.Id.ToString(),
                new { reason = "locked out", lockedUntil = throttle!.LockedUntil, rightPassword = right }, actor: user.Email, userId: user.Id, remoteAddress: remoteAddress);
            await db.SaveChangesAsync(ct);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (!right)
        {
            var lockedUntil = SignInThrottling.Failed(db, throttle, user, source, now);
            AuditLog.Event(db, scope, clock, user.CompanyId, "signIn.failed", "User", user.Id.ToString(),
                new { reason = "wrong password", lockedUntil }, actor: user.Email, userId: user.Id, remoteAddress: remoteAddress);
            await SaveCountingAsync(ct);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password!);
        }
        SignInThrottling.Succeeded(db, throttle);
        AuditLog.Event(db, scope, clock, user.CompanyId, Succeeded, "User", user.Id.ToString(), actor: user.Email, userId: user.Id, remoteAddress: remoteAddress);
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.SignedIn, UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme), MustChangePassword: user.MustChangePassword);
    }

    /// <summary>
    /// Two wrong passwords at the same instant may both add the source's first row: the one that loses the race is
    /// counted by the other's row, and its audit event is saved without it.
    /// </summary>
    private async Task SaveCountingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Db.IsUniqueViolation(e))
        {
            foreach (var entry in db.ChangeTracker.Entries<SignInThrottle>().ToList())
            {
                entry.State = EntityState.Detached;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Truncate(string? email) => email is null ? "(none)" : email.Length <= 320 ? email : email[..320];
}
