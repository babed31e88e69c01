using System.Text.Json;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Writes the audit trail for every row a use case adds, changes or deletes through the context, in the
/// same SaveChanges and so the same transaction: the change and its audit line commit together or not at
/// all. The cached open and unapplied amounts, which the ledger writer keeps with conditional UPDATEs, are
/// derived from the allocation rows and are not audited themselves; the allocations are.
/// </summary>
public sealed class AuditInterceptor(Scope scope, BusinessClock clock) : SaveChangesInterceptor
{
    // Kept out of the trail: secrets, and bookkeeping that says nothing about who did what.
    private static readonly HashSet<string> Secret = [nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(ApiKey.SecretHash)];
    // The outbox is its own record of what was sent, by whom and when; attachments would fill the trail with bytes.
    private static readonly HashSet<Type> Skipped =
    [
        typeof(AuditEntry), typeof(IdempotencyRecord), typeof(NumberSequence), typeof(OutboxMessage), typeof(OutboxAttachment),
        // Derived every day from the ledger; the grade a snapshot sets is audited on the customer's credit row.
        typeof(CreditScoreSnapshot),
        // Counts of wrong passwords: every attempt is an audit event of its own, with its address.
        typeof(SignInThrottle),
        // The dunning history is its own record of what went to whom, by whom and when; the level and credit hold it
        // sets are audited on the customer's dunning state.
        typeof(DunningRun), typeof(DunningCommunication), typeof(DunningCommunicationItem), typeof(DunningLetter),
        // A case's own history records each change with who and when; the files' bytes stay out of the trail.
        typeof(EscalationEvent), typeof(EscalationDocument),
    ];

    // Rows whose adding the use case records as one event of its own: a bank statement import writes thousands of
    // lines and one "bankStatements.imported" entry with the file and its counts; a later change of a line is audited
    // (its matching proposals, which move no money, are written by LineProposals and recorded as one "bankStatement.matched").
    private static readonly HashSet<Type> SkippedWhenAdded = [typeof(BankStatementLine)];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HuikuanDbContext db)
        {
            Record(db);
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HuikuanDbContext db)
        {
            Record(db);
        }
        return base.SavingChanges(eventData, result);
    }

    private void Record(HuikuanDbContext db)
    {
        var now = clock.Now;
        var entries = db.ChangeTracker.Entries()
            .Where(e => (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && !Skipped.Contains(e.Entity.GetType())
                        && !(e.State == EntityState.Added && SkippedWhenAdded.Contains(e.Entity.GetType())))
            .ToList();
        foreach (var e in entries)
        {
            var company = e.Properties.FirstOrDefault(p => p.Metadata.Name == "CompanyId")?.CurrentValue as Guid?
                ?? (e.Entity is Company c ? c.Id : Guid.Empty);
            var key = e.Metadata.FindPrimaryKey()!.Properties.Where(p => p.Name != "CompanyId").Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
            var changed = e.Properties.Where(p => e.State != EntityState.Modified || p.IsModified).ToList();
            db.AuditEntries.Add(new AuditEntry
            {
                CompanyId = company, Id = Ids.New(), At = now, Actor = scope.Actor, UserId = scope.UserId, RemoteAddress = scope.RemoteAddress,
                Action = e.State switch { EntityState.Added => "added", EntityState.Modified => "modified", _ => "deleted" },
                Entity = e.Metadata.ClrType.Name, EntityId = string.Join("/", key),
                Before = e.State == EntityState.Added ? null : Json(changed, p => p.OriginalValue),
                After = e.State == EntityState.Deleted ? null : Json(changed, p => p.CurrentValue),
            });
        }
    }

    private static string Json(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, p => Secret.Contains(p.Metadata.Name) ? "***" : value(p)));
}

/// <summary>Audit lines that are not row changes: sign-ins, key use, refusals.</summary>
public static class AuditLog
{
    public static void Event(HuikuanDbContext db, Scope scope, BusinessClock clock, Guid company, string action, string? entity = null,
        string? entityId = null, object? details = null, string? actor = null, Guid? userId = null, string? remoteAddress = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        db.AuditEntries.Add(new AuditEntry
        {
            CompanyId = company, Id = Ids.New(), At = clock.Now, Actor = actor ?? scope.Actor, UserId = userId ?? scope.UserId,
            RemoteAddress = remoteAddress ?? scope.RemoteAddress, Action = action, Entity = entity, EntityId = entityId,
            After = details is null ? null : JsonSerializer.Serialize(details),
        });
    }
}
