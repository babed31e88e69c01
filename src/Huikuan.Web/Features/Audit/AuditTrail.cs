using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Audit;

public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Entity = null, string? EntityId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public sealed record AuditEntryView(Guid Id, DateTimeOffset At, string Actor, string? RemoteAddress, string Action, string? Entity, string? EntityId, string? Before, string? After);

/// <summary>The audit trail, newest first, for admins. There is deliberately no way to change or delete it.</summary>
public sealed class AuditTrailHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<Page<AuditEntryView>> SearchAsync(AuditQuery query, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
                scope.Require(Permission.Administer);
        var company = scope.CompanyId;
        var q = db.AuditEntries.AsNoTracking().Where(a => a.CompanyId == company);
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            q = q.Where(a => a.Actor.Contains(query.Actor.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            q = q.Where(a => a.Action == query.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            q = q.Where(a => a.Entity == query.Entity.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            q = q.Where(a => a.EntityId == query.EntityId.Trim());
        }
        if (query.From is { } from)
        {
            q = q.Where(a => a.At >= from);
        }
        if (query.To is { } to)
        {
            q = q.Where(a => a.At < to);
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(a => new AuditEntryView(a.Id, a.At, a.Actor, a.RemoteAddress, a.Action, a.Entity, a.EntityId, a.Before, a.After))
            .ToListAsync(ct);
        return new Page<AuditEntryView>(rows, page.Page, page.PageSize, total);
    }
}

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", async ([AsParameters] AuditQuery query, int? page, int? pageSize, AuditTrailHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SearchAsync(query, PageRequest.From(page, pageSize), ct))).WithTags("Audit").WithSummary("The audit trail (admins only), newest first.");
}
