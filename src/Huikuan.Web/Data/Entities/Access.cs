using Huikuan.Domain.Access;

namespace Huikuan.Web.Data.Entities;

/// <summary>
/// Someone who signs in. The e-mail address is unique across companies (it is how one signs in); the
/// password is stored only as the framework's salted PBKDF2 hash.
/// </summary>
public sealed class User
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    /// <summary>For a salesperson: the salesperson record whose customers this user owns.</summary>
    public Guid? SalespersonId { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Set for a password someone else chose (a first admin, a new user): it must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The end of the latest lockout of any address (<see cref="SignInThrottle"/>), for admins to see that someone is guessing.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>Changes when the password or role changes, which signs the user out everywhere.</summary>
    public required string SecurityStamp { get; set; }
    public string? PreferredCulture { get; set; }

    /// <summary>For a collector: how many customers their worklist holds a day; null: the default, 30.</summary>
    public int? DailyCapacity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>
/// Wrong passwords given for one user from one source: an address of the sign-in form (an IPv6 address counts by its
/// /64 network), or <see cref="Features.Account.SignInThrottling.PasswordChange"/> for the change form. Five in a row
/// lock that source out, for longer each time (see <see cref="Features.Account.SignInThrottling"/>); other sources are
/// not affected, so whoever guesses from one address cannot lock the user out everywhere. Not audited: every attempt is
/// an audit event of its own.
/// </summary>
public sealed class SignInThrottle
{
    public Guid CompanyId { get; set; }
    public Guid UserId { get; set; }
    public required string Source { get; set; }
    /// <summary>Wrong passwords since the last lockout (or the first failure).</summary>
    public int Failures { get; set; }
    /// <summary>Lockouts in a row: each doubles the next one, up to a day.</summary>
    public int Lockouts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset LastFailedAt { get; set; }
}

/// <summary>
/// A key for integrations, acting as its user with the same rows and permissions. Only a SHA-256 hash of
/// the secret is kept; the whole key is shown once, when it is made.
/// </summary>
public sealed class ApiKey
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The public part of the key ("hk_" + 12 characters), for lookup and for telling keys apart.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>
/// One line of the audit trail: who did what, when, from where, with the values before and after. Rows are
/// only ever inserted: the application has no code that changes them, and triggers refuse UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The company, or <see cref="Guid.Empty"/> for a failed sign-in with an unknown address.</summary>
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public Guid? UserId { get; set; }
    public string? RemoteAddress { get; set; }
    /// <summary>What happened: "signIn.succeeded", "signIn.failed", "added", "modified", "apiKey.created", …</summary>
    public required string Action { get; set; }
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    /// <summary>The changed values before (JSON object), for modifications.</summary>
    public string? Before { get; set; }
    /// <summary>The values after (JSON object), for additions and modifications; details for other actions.</summary>
    public string? After { get; set; }
}
