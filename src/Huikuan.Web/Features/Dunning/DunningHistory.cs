using Huikuan.Domain;
using Huikuan.Domain.Dunning;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

public sealed record CommunicationItemView(Guid InstallmentId, Guid InvoiceId, string InvoiceNumber, DateOnly DueDate, int DaysOverdue, decimal Open, string Currency);

public sealed record CommunicationView(
    Guid Id, Guid? RunId, Guid CustomerId, string CustomerName, DateOnly RunDay, string Outcome, int Level, string? LevelCode,
    IReadOnlyList<string> Channels, decimal Overdue, decimal Interest, decimal Fee, string Currency, int OldestDaysOverdue, int ItemCount,
    DateOnly? PayBy, string Language, string? Recipient, string? Subject, bool HasLetter, string CreatedBy);

public sealed record CommunicationDetail(CommunicationView Communication, string? Body, IReadOnlyList<CommunicationItemView> Items);

/// <summary>Where a customer stands: the level reached, the credit hold, and their dunning history, newest first.</summary>
public sealed record CustomerDunningView(
    int Level, string? LevelCode, DateOnly? ReachedOn, bool CreditHold, IReadOnlyList<CommunicationView> Communications,
    IReadOnlyList<DunningBlockView> Blocks, IReadOnlyList<CollectionTaskView> Tasks);

/// <summary>Runs and what they did, each customer's dunning history (R12), and the PDF letters to download.</summary>
public sealed class DunningHistoryHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<IReadOnlyList<DunningRunView>> RunsAsync(int take, CancellationToken ct)
    {
        var rows = await db.DunningRuns.AsNoTracking().Where(r => r.CompanyId == scope.CompanyId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return [.. rows.Select(DunningRunView.From)];
    }

    public async Task<(DunningRunView Run, IReadOnlyList<CommunicationView> Communications)> RunAsync(Guid id, CancellationToken ct)
    {
        var run = await db.DunningRuns.AsNoTracking().SingleOrDefaultAsync(r => r.CompanyId == scope.CompanyId && r.Id == id, ct)
            ?? throw new NotFoundException("DunningRun", id);
        return (DunningRunView.From(run), await CommunicationsAsync(c => c.RunId == id, 5_000, ct));
    }

    public async Task<CustomerDunningView> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFile.CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var state = await db.CustomerDunningStates.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == company && s.CustomerId == customerId, ct);
        var blocks = await db.DunningBlocks.AsNoTracking().Where(b => b.CompanyId == company && b.CustomerId == customerId)
            .OrderByDescending(b => b.BlockedOn).ThenByDescending(b => b.Id).Take(100).ToListAsync(ct);
        var tasks = await db.CollectionTasks.AsNoTracking().Where(t => t.CompanyId == company && t.CustomerId == customerId)
            .OrderBy(t => t.Status).ThenByDescending(t => t.DueOn).Take(100).ToListAsync(ct);
        return new CustomerDunningView(state?.Level ?? 0, state?.LevelCode, state?.ReachedOn, state?.CreditHold ?? false,
            await CommunicationsAsync(c => c.CustomerId == customerId, 200, ct),
            await DunningBlocksHandler.ViewsAsync(db, company, blocks, clock.Today, ct), await CollectionTasksHandler.ViewsAsync(db, company, tasks, ct));
    }

    public async Task<CommunicationDetail> CommunicationAsync(Guid id, CancellationToken ct)
    {
        var view = (await CommunicationsAsync(c => c.Id == id, 1, ct)).SingleOrDefault() ?? throw new NotFoundException("DunningCommunication", id);
        var body = await db.DunningCommunications.AsNoTracking().Where(c => c.CompanyId == scope.CompanyId && c.Id == id).Select(c => c.Body).SingleAsync(ct);
        var items = await db.DunningCommunicationItems.AsNoTracking().Where(i => i.CompanyId == scope.CompanyId && i.CommunicationId == id)
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber).ToListAsync(ct);
        return new CommunicationDetail(view, body, [.. items.Select(i => new CommunicationItemView(i.InstallmentId, i.InvoiceId, i.InvoiceNumber, i.DueDate,
            i.DaysOverdue, Currency.Of(i.Currency).ToMajor(i.OpenMinor), i.Currency))]);
    }

    /// <summary>The PDF letter of a communication the reader may see (a salesperson only their customers').</summary>
    public async Task<(string FileName, byte[] Content)> LetterAsync(Guid communicationId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var visible = await db.DunningCommunications.AnyAsync(c => c.CompanyId == company && c.Id == communicationId, ct);
        var letter = visible
            ? await db.DunningLetters.AsNoTracking().SingleOrDefaultAsync(l => l.CompanyId == company && l.CommunicationId == communicationId, ct)
            : null;
        return letter is null ? throw new NotFoundException("DunningLetter", communicationId) : (letter.FileName, letter.Content);
    }

    private async Task<IReadOnlyList<CommunicationView>> CommunicationsAsync(
        System.Linq.Expressions.Expression<Func<DunningCommunication, bool>> which, int take, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await (
            from c in db.DunningCommunications.AsNoTracking().Where(c => c.CompanyId == company).Where(which)
            join k in db.Customers on new { c.CompanyId, Id = c.CustomerId } equals new { k.CompanyId, k.Id }
            orderby c.CreatedAt descending, c.Id descending
            select new { C = c, k.Name }).Take(take).ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var c = r.C;
            var money = Currency.Of(c.Currency);
            return new CommunicationView(c.Id, c.RunId, c.CustomerId, r.Name, c.RunDay, c.Outcome.ToString().ToLowerInvariant(), c.Level, c.LevelCode,
                DunningPoliciesHandler.ChannelNames((DunningChannel)c.Channels), money.ToMajor(c.OverdueMinor), money.ToMajor(c.InterestMinor),
                money.ToMajor(c.FeeMinor), c.Currency, c.OldestDaysOverdue, c.ItemCount, c.PayBy, c.Language, c.Recipient, c.Subject, c.HasLetter, c.CreatedBy);
        })];
    }

    /// <summary>
    /// Each customer's last dunning letter on or before <paramref name="day"/> (a level sent, not a notice, a reminder or
    /// a lowering): what a new letter may cite, and nothing else.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<Guid, PreviousLetter>> LastLettersAsync(
        HuikuanDbContext db, Guid company, IReadOnlyCollection<Guid> customerIds, DateOnly day, CancellationToken ct)
    {
        var result = new Dictionary<Guid, PreviousLetter>(customerIds.Count);
        foreach (var chunk in customerIds.Chunk(2_000))
        {
            var rows = await db.DunningCommunications.AsNoTracking()
                .Where(c => c.CompanyId == company && chunk.Contains(c.CustomerId) && c.Outcome == DunningOutcomeKind.Sent && c.Level > 0
                    && c.LevelCode != null && c.RunDay <= day)
                .Select(c => new { c.CustomerId, c.RunDay, c.Level, c.LevelCode }).ToListAsync(ct);
            foreach (var last in rows.GroupBy(r => r.CustomerId).Select(g => g.OrderByDescending(r => r.RunDay).ThenByDescending(r => r.Level).First()))
            {
                result[last.CustomerId] = new PreviousLetter(last.RunDay, last.LevelCode!);
            }
        }
        return result;
    }
}
