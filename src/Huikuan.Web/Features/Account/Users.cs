using System.Globalization;
using System.Security.Cryptography;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Account;

public sealed record CreateUser(string Email, string DisplayName, Role Role, Guid? SalespersonId = null);

/// <summary>A user as admins see them; <see cref="LastSignInAt"/> (from the audit trail's sign-ins) is given by the list only.</summary>
public sealed record UserView(Guid Id, string Email, string DisplayName, string Role, Guid? SalespersonId, bool MustChangePassword, bool Disabled, DateTimeOffset? LockedUntil,
    DateTimeOffset? LastSignInAt = null);

/// <summary>A new user and the one-time password to hand over; it is shown once and must be changed at the first sign-in.</summary>
public sealed record CreatedUser(UserView User, string OneTimePassword);

public sealed record ChangePassword(string CurrentPassword, string NewPassword);

/// <summary>What an admin may change about a user: the role (with the salesperson for a salesperson user) and whether they may sign in at all.</summary>
public sealed record ChangeUser(Role Role, Guid? SalespersonId = null, bool Disabled = false);

/// <summary>Users of the company: made by an admin, each with one role; a salesperson user is tied to the salesperson whose customers they own.</summary>
public sealed class UsersHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IPasswordHasher<User> hasher)
{
    public const int MinPasswordLength = 10;

    public async Task<CreatedUser> CreateAsync(CreateUser request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.Administer);
        var password = OneTimePassword();
        var user = await AddAsync(scope.CompanyId, request, password, mustChange: true, ct);
        await db.SaveChangesAsync(ct);
        return new CreatedUser(View(user), password);
    }

    /// <summary>Adds the user to the context (not saved): for onboarding and the demo, which choose the password.</summary>
    internal async Task<User> AddAsync(Guid company, CreateUser request, string password, bool mustChange, CancellationToken ct)
    {
        var email = request.Email?.Trim() ?? "";
        if (email.Length is < 3 or > 320 || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainRuleException("user.email", "email", "Give a valid e-mail address; it is what the user signs in with.");
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            throw new DomainRuleException("user.displayName", "displayName", "Give the user's name (at most 200 characters).");
        }
        await CheckRoleAsync(company, request.Role, request.SalespersonId, ct);
        var normalized = Normalize(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            throw new ConflictException("user.duplicate", $"A user with the address {email} already exists.");
        }
        var user = new User
        {
            CompanyId = company, Id = Ids.New(), Email = email, NormalizedEmail = normalized, DisplayName = request.DisplayName.Trim(), Role = request.Role,
            SalespersonId = request.Role == Role.Salesperson ? request.SalespersonId : null, PasswordHash = "", MustChangePassword = mustChange,
            SecurityStamp = NewStamp(), CreatedAt = clock.Now,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        return user;
    }

    private async Task CheckRoleAsync(Guid company, Role role, Guid? salespersonId, CancellationToken ct)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException("user.role", "role", "Unknown role.");
        }
        if (role == Role.Salesperson && salespersonId is null)
        {
            throw new DomainRuleException("user.salesperson", "salespersonId", "A salesperson user needs the salesperson whose customers they own.");
        }
        if (role == Role.Salesperson && salespersonId is { } sp && !await db.Salespeople.AnyAsync(s => s.CompanyId == company && s.Id == sp, ct))
        {
            throw new NotFoundException("Salesperson", sp);
        }
    }

    /// <summary>The company's users, each with their last successful sign-in as the audit trail recorded it.</summary>
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        scope.Require(Permission.Administer);
        var company = scope.CompanyId;
        var users = await db.Users.AsNoTracking().Where(u => u.CompanyId == company).OrderBy(u => u.Email).ToListAsync(ct);
        var lastSignIns = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CompanyId == company && a.Action == SignInHandler.Succeeded && a.UserId != null)
            .GroupBy(a => a.UserId!.Value).Select(g => new { User = g.Key, Last = g.Max(a => a.At) })
            .ToDictionaryAsync(x => x.User, x => x.Last, ct);
        return users.Select(u => View(u) with { LastSignInAt = lastSignIns.TryGetValue(u.Id, out var at) ? at : null }).ToList();
    }

    /// <summary>
    /// Changes a user's role or disables (re-enables) them. Either ends their sessions and stops their API keys at the next
    /// request (new security stamp; a disabled user's keys are refused). An admin cannot demote or disable themselves, so a
    /// company always keeps an admin who can undo it.
    /// </summary>
    public async Task<UserView> ChangeAsync(Guid id, ChangeUser request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.Administer);
        var company = scope.CompanyId;
        var user = await db.Users.SingleOrDefaultAsync(u => u.CompanyId == company && u.Id == id, ct) ?? throw new NotFoundException("User", id);
        await CheckRoleAsync(company, request.Role, request.SalespersonId, ct);
        if (id == scope.UserId && (request.Role != Role.Admin || request.Disabled))
        {
            throw new DomainRuleException("user.self", "role", "You cannot remove your own admin role or disable yourself; another admin can.");
        }
        var salesperson = request.Role == Role.Salesperson ? request.SalespersonId : null;
        if (user.Role == request.Role && user.SalespersonId == salesperson && user.DisabledAt is not null == request.Disabled)
        {
            return View(user);
        }
        user.Role = request.Role;
        user.SalespersonId = salesperson;
        user.DisabledAt = request.Disabled ? user.DisabledAt ?? clock.Now : null;
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(ct);
        return View(user);
    }

    public async Task<UserView> MeAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var id = scope.UserId ?? throw new NotFoundException("User", scope.Actor);
        return View(await db.Users.AsNoTracking().SingleAsync(u => u.CompanyId == company && u.Id == id, ct));
    }

    /// <summary>
    /// Changes the signed-in user's own password; the new security stamp signs out every other session. Returns the
    /// user as now stored, so the sign-in form can issue the new cookie without checking the password again.
    /// </summary>
    public async Task<User> ChangePasswordAsync(ChangePassword request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var id = scope.UserId ?? throw new NotFoundException("User", scope.Actor);
        var user = await db.Users.SingleAsync(u => u.CompanyId == company && u.Id == id, ct);
        // Who guesses the current password here already holds a session: the wrong ones are counted for the user, from any address.
        var now = clock.Now;
        var throttle = await SignInThrottling.FindAsync(db, user, SignInThrottling.PasswordChange, ct);
        if (SignInThrottling.IsLocked(throttle, now))
        {
            var until = clock.Local(throttle!.LockedUntil!.Value).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            throw new DomainRuleException("password.locked", "currentPassword", $"Too many wrong current passwords: try again after {until}.", until);
        }
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            SignInThrottling.Failed(db, throttle, user, SignInThrottling.PasswordChange, now);
            AuditLog.Event(db, scope, clock, company, "password.changeFailed", "User", user.Id.ToString(), new { reason = "wrong current password" });
            await db.SaveChangesAsync(ct);
            throw new DomainRuleException("password.current", "currentPassword", "The current password is not right.");
        }
        PasswordRules.Check(request.NewPassword, request.CurrentPassword);
        SignInThrottling.Succeeded(db, throttle);
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        user.MustChangePassword = false;
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(ct);
        return user;
    }

    public static string Normalize(string? email) => (email ?? "").Trim().ToUpperInvariant();

    internal static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    internal static string OneTimePassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    internal static UserView View(User u) =>
        new(u.Id, u.Email, u.DisplayName, u.Role.ToString(), u.SalespersonId, u.MustChangePassword, u.DisabledAt is not null, u.LockedUntil);
}
