using System.Net;
using System.Net.Sockets;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Account;

/// <summary>
/// How wrong passwords slow down whoever guesses, without locking the user out. Failures are counted per user and
/// source (<see cref="SignInThrottle"/>): five in a row lock that source for 15 minutes, the next lockout of the same
/// source 30, then 60, … up to a day; a right password from a source that is not locked clears it. So a guesser at one
/// address soon gets about five tries a day, and the user signing in from anywhere else is never stopped; a guesser
/// with many addresses gets five tries per address (an IPv6 address counts by its /64 network, which one
/// subscriber usually has whole). The password change counts its wrong current passwords under one source of its
/// own, whatever the address: who guesses there already holds a session.
/// </summary>
public static class SignInThrottling
{
    public const int MaxFailures = 5;

    /// <summary>The source under which the change form counts wrong current passwords.</summary>
    public const string PasswordChange = "(password change)";

    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LongestLockout = TimeSpan.FromDays(1);

    /// <summary>The length of the <paramref name="lockouts"/>-th lockout in a row: 15 min, 30, 60, … at most a day.</summary>
    public static TimeSpan LockoutLength(int lockouts)
    {
        var doublings = Math.Clamp(lockouts - 1, 0, 10);
        var length = FirstLockout * (1 << doublings);
        return length < LongestLockout ? length : LongestLockout;
    }

    /// <summary>Where attempts come from: the address (IPv6 by its /64 network), or "unknown".</summary>
    public static string SourceOf(string? remoteAddress)
    {
        if (!IPAddress.TryParse(remoteAddress, out var address))
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static Task<SignInThrottle?> FindAsync(HuikuanDbContext db, User user, string source, CancellationToken ct) =>
        db.SignInThrottles.SingleOrDefaultAsync(t => t.CompanyId == user.CompanyId && t.UserId == user.Id && t.Source == source, ct);

    public static bool IsLocked(SignInThrottle? throttle, DateTimeOffset now) => throttle?.LockedUntil > now;

    /// <summary>
    /// Counts a wrong password (not saved); returns the end of the lockout it starts, if it starts one. A source whose last
    /// failure is older than the longest lockout starts afresh.
    /// </summary>
    public static DateTimeOffset? Failed(HuikuanDbContext db, SignInThrottle? throttle, User user, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (throttle is null)
        {
            throttle = new SignInThrottle { CompanyId = user.CompanyId, UserId = user.Id, Source = source };
            db.SignInThrottles.Add(throttle);
        }
        else if (now - throttle.LastFailedAt > LongestLockout)
        {
            throttle.Failures = 0;
            throttle.Lockouts = 0;
        }
        throttle.LastFailedAt = now;
        throttle.Failures++;
        if (throttle.Failures < MaxFailures)
        {
            return null;
        }
        throttle.Failures = 0;
        throttle.Lockouts++;
        throttle.LockedUntil = now + LockoutLength(throttle.Lockouts);
        // For admins: someone is guessing this user's password at the sign-in form (the users list shows it).
        if (source != PasswordChange && (user.LockedUntil is null || user.LockedUntil < throttle.LockedUntil))
        {
            user.LockedUntil = throttle.LockedUntil;
        }
        return throttle.LockedUntil;
    }

    /// <summary>A right password from a source that was not locked: that source starts afresh.</summary>
    public static void Succeeded(HuikuanDbContext db, SignInThrottle? throttle)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (throttle is not null)
        {
            db.SignInThrottles.Remove(throttle);
        }
    }
}
