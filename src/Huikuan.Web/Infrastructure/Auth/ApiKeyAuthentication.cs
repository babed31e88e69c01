using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Huikuan.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huikuan.Web.Infrastructure.Auth;

/// <summary>
/// "Authorization: Bearer hk_xxxxxxxxxxxx_secret": the prefix finds the key, the secret's SHA-256 must
/// match, the key must not be revoked and its user must still be active. The request then acts as that
/// user, with the same company, role and rows.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, HuikuanDbContext db, BusinessClock clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyStart = "hk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer " + KeyStart, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }
        var key = header["Bearer ".Length..].Trim();
        if (!ApiKeys.TrySplit(key, out var prefix, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        var found = await db.ApiKeys.Where(k => k.Prefix == prefix)
            .Join(db.Users, k => new { k.CompanyId, Id = k.UserId }, u => new { u.CompanyId, u.Id }, (k, u) => new { Key = k, User = u })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.Key.RevokedAt is not null || found.User.DisabledAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ApiKeys.Hash(secret)), Encoding.ASCII.GetBytes(found.Key.SecretHash)))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var now = clock.Now;
        // Last use is kept to the hour, so a busy integration does not write on every request.
        if (found.Key.LastUsedAt is null || now - found.Key.LastUsedAt > TimeSpan.FromHours(1))
        {
            await db.ApiKeys.Where(k => k.CompanyId == found.Key.CompanyId && k.Id == found.Key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(found.User, SchemeName), SchemeName));
    }
}

/// <summary>How keys look and how their secrets are kept.</summary>
public static class ApiKeys
{
    /// <summary>A new key: "hk_" + 12 random characters (the prefix, stored) + "_" + 32 random characters (the secret, hashed).</summary>
    public static (string Key, string Prefix, string SecretHash) Create()
    {
        var prefix = ApiKeyAuthenticationHandler.KeyStart + RandomText(12);
        var secret = RandomText(32);
        return (prefix + "_" + secret, prefix, Hash(secret));
    }

    public static bool TrySplit(string key, out string prefix, out string secret)
    {
        var cut = key.LastIndexOf('_');
        prefix = cut > 0 ? key[..cut] : "";
        secret = cut > 0 ? key[(cut + 1)..] : "";
        return prefix.Length == ApiKeyAuthenticationHandler.KeyStart.Length + 12 && secret.Length == 32;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string RandomText(int length) => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", length);
}
