using System.Globalization;
using System.Text.Json;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.CreditFile;

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One change to the credit file: who, when, what (the row's kind and its changed fields).</summary>
public sealed record CreditFileChange(DateTimeOffset At, string Actor, string Action, string Entity, string? EntityId, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// The history of a customer's credit file, read from the audit trail. Every credit-file row's key starts with the
/// customer (the audit's entity id is "customer" or "customer/…"), so one prefix on the index (company, entity,
/// entity id) finds them all.
/// </summary>
public sealed class CreditFileHistoryHandler(HuikuanDbContext db, Scope scope)
{
    public static readonly string[] Entities =
    [
        nameof(CustomerContact), nameof(CustomerProfile), nameof(CustomerFinancials), nameof(ExternalRating), nameof(CreditDocument),
        nameof(CustomerCredit), nameof(Dispute),
    ];

    // Bookkeeping columns that every change touches: the entry's own actor and time say it.
    private static readonly HashSet<string> Quiet = ["CompanyId", "CustomerId", "Id", "UpdatedAt", "UpdatedBy"];

    public async Task<IReadOnlyList<CreditFileChange>> HandleAsync(Guid customerId, int? take, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var id = customerId.ToString("D", CultureInfo.InvariantCulture);
        var prefix = id + "/";
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.CompanyId == company && Entities.Contains(e.Entity!) && (e.EntityId == id || e.EntityId!.StartsWith(prefix)))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(take ?? 200, 1, 1000))
            .ToListAsync(ct);
        return [.. rows.Select(e => new CreditFileChange(e.At, e.Actor, e.Action, e.Entity!, e.EntityId, Fields(e.Before, e.After)))];
    }

    private static List<FieldChange> Fields(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return [.. a.Keys.Union(b.Keys).Where(k => !Quiet.Contains(k))
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(f => f.Before != f.After)];
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
    }
}
