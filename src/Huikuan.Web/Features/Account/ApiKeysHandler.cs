using Huikuan.Domain;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Account;

public sealed record CreateApiKey(string Name);

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The whole key, shown this once; only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeyView ApiKey, string Key);

/// <summary>
/// Each user's own keys for integrations: a key acts as its user (same company, role and rows), is shown
/// once, and can be revoked at any time, which stops it at the next request.
/// </summary>
public sealed class ApiKeysHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<CreatedApiKey> CreateAsync(CreateApiKey request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = scope.UserId ?? throw new DomainRuleException("apiKey.user", "", "API keys belong to a user: sign in first.");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            throw new DomainRuleException("apiKey.name", "name", "Name the key after the integration that will use it (at most 200 characters).");
        }
        // A key outlives a password change: one made with a one-time password would keep whoever knew that password in.
        var company = scope.CompanyId;
        if (await db.Users.AnyAsync(u => u.CompanyId == company && u.Id == user && u.MustChangePassword, ct))
        {
            throw new DomainRuleException("apiKey.passwordFirst", "", "Choose your own password before making API keys.");
        }
        var (key, prefix, hash) = ApiKeys.Create();
        var row = new ApiKey
        {
            CompanyId = scope.CompanyId, Id = Ids.New(), UserId = user, Name = request.Name.Trim(), Prefix = prefix, SecretHash = hash, CreatedAt = clock.Now,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(View(row), key);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var user = scope.UserId;
        var rows = await db.ApiKeys.AsNoTracking().Where(k => k.CompanyId == company && k.UserId == user).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    /// <summary>Revokes one of the user's keys (an admin may revoke anyone's in the company).</summary>
    public async Task<ApiKeyView> RevokeAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.CompanyId == company && k.Id == id, ct);
        if (key is null || (key.UserId != scope.UserId && scope.Role != Huikuan.Domain.Access.Role.Admin))
        {
            throw new NotFoundException("API key", id);
        }
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.Now;
            await db.SaveChangesAsync(ct);
        }
        return View(key);
    }

    private static ApiKeyView View(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
