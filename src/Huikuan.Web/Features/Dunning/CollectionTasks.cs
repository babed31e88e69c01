using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

public sealed record CompleteTask(string? Outcome, bool Cancel = false);

public sealed record CollectionTaskView(
    Guid Id, Guid CustomerId, string CustomerName, Guid? CommunicationId, string? LevelCode, string Kind, string Responsible, DateOnly DueOn, string Status,
    string? Outcome, string? DoneBy, DateTimeOffset? DoneAt);

/// <summary>The calls and visits dunning levels ask for, for the role each level names; done (with what came of it) or cancelled.</summary>
public sealed class CollectionTasksHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    /// <param name="mine">Only the tasks for the reader's role.</param>
    public async Task<IReadOnlyList<CollectionTaskView>> OpenAsync(bool mine, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var role = scope.Role;
        var rows = await db.CollectionTasks.AsNoTracking()
            .Where(t => t.CompanyId == company && t.Status == CollectionTaskStatus.Open && (!mine || t.Responsible == role))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(1_000).ToListAsync(ct);
        return await ViewsAsync(db, company, rows, ct);
    }

    public async Task<CollectionTaskView> CompleteAsync(Guid id, CompleteTask request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var company = scope.CompanyId;
        var task = await db.CollectionTasks.SingleOrDefaultAsync(t => t.CompanyId == company && t.Id == id, ct) ?? throw new NotFoundException("CollectionTask", id);
        if (task.Status != CollectionTaskStatus.Open)
        {
            throw new ConflictException("collectionTask.closed", "This task is closed already.");
        }
        task.Status = request.Cancel ? CollectionTaskStatus.Cancelled : CollectionTaskStatus.Done;
        task.Outcome = Companies.CompanyHandler.Optional(request.Outcome, "outcome", 1000);
        task.DoneAt = clock.Now;
        task.DoneBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, company, [task], ct))[0];
    }

    internal static async Task<IReadOnlyList<CollectionTaskView>> ViewsAsync(HuikuanDbContext db, Guid company, IReadOnlyList<CollectionTask> tasks, CancellationToken ct)
    {
        var customerIds = tasks.Select(t => t.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var communicationIds = tasks.Where(t => t.CommunicationId != null).Select(t => t.CommunicationId!.Value).Distinct().ToList();
        var levels = await db.DunningCommunications.AsNoTracking().Where(c => c.CompanyId == company && communicationIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.LevelCode, ct);
        return [.. tasks.Select(t => new CollectionTaskView(t.Id, t.CustomerId, names.GetValueOrDefault(t.CustomerId) ?? "", t.CommunicationId,
            t.CommunicationId is { } c ? levels.GetValueOrDefault(c) : null, t.Kind.ToString().ToLowerInvariant(), t.Responsible.ToString(), t.DueOn,
            t.Status.ToString().ToLowerInvariant(), t.Outcome, t.DoneBy, t.DoneAt))];
    }
}
