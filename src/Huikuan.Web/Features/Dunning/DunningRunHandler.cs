using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Dunning;
using Huikuan.Domain.Templates;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

public sealed record DunningRunView(
    Guid Id, DateOnly RunDay, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string StartedBy, int Considered, int Sent,
    int Lowered, int Skipped, int AlreadyDone, int Messages, int Letters, int Tasks, int Failed, int Reminders, string? Error)
{
    internal static DunningRunView From(DunningRun r) => new(r.Id, r.RunDay, r.Trigger.ToString(), r.StartedAt, r.FinishedAt, r.StartedBy,
        r.Considered, r.Sent, r.Lowered, r.Skipped, r.AlreadyDone, r.Messages, r.Letters, r.Tasks, r.Failed, r.Reminders, r.Error);
}

/// <summary>How far a run has got: customers acted on of those to act on.</summary>
public readonly record struct DunningRunProgress(int Done, int Total);

/// <summary>
/// Whether a run waits for a person to confirm it (the company's first run, or more customers than the policy allows
/// getting a serious level), with the customers per level it would send.
/// </summary>
public sealed record DunningRunConfirmation(
    bool Required, bool FirstRun, int SeriousSends, int AboveCustomers, string FromLevelCode, IReadOnlyDictionary<string, int> ByLevel)
{
    internal static DunningRunConfirmation Of(DunningPlan plan, bool firstRun)
    {
        var rules = plan.Policy.Confirmation;
        var proposals = plan.Customers.Select(c => c.Proposal).ToList();
        var byLevel = proposals.Where(p => p.Outcome == DunningOutcome.Send).GroupBy(p => p.Level).OrderBy(g => g.Key)
            .ToDictionary(g => plan.Policy.Policy.Level(g.Key).Code, g => g.Count(), StringComparer.Ordinal);
        return new DunningRunConfirmation(rules.Required(proposals, firstRun), firstRun, rules.SeriousSends(proposals), rules.AboveCustomers,
            plan.Policy.Policy.Level(rules.FromLevel).Code, byLevel);
    }
}

/// <summary>A run that needs confirmation was started without it; nothing was written.</summary>
public sealed class DunningRunNeedsConfirmationException(DunningRunConfirmation confirmation)
    : Exception("This dunning run must be confirmed: it is the company's first, or it sends serious levels to many customers.")
{
    public DunningRunConfirmation Confirmation { get; } = confirmation;
}

/// <summary>
/// The dunning run (R12) for today: plans every customer (<see cref="DunningPlanningHandler"/>, the same plan the
/// preview shows) and, for each customer whose level rises or falls, writes in one transaction the communication
/// and the items it covers, the customer's new level and credit hold, the messages (e-mail, SMS) into the outbox, the
/// PDF letter, and the tasks for a call or a visit. The communication's key is unique per customer, level and day,
/// so a second run the same day (or two at once) adds nothing and sends nothing again; a customer that fails is
/// counted and the run goes on with the next. A run for a day before the last run's is refused, and a run that needs
/// confirmation (<see cref="DunningRunConfirmation"/>) writes nothing unless <c>confirmed</c>.
/// </summary>
public sealed class DunningRunHandler(
    HuikuanDbContext db, Scope scope, BusinessClock clock, DunningPlanningHandler planning, DunningMessagesHandler messages,
    PreDueReminderRunHandler reminders, ILogger<DunningRunHandler> log)
{
    public async Task<DunningRunView> RunAsync(DunningRunTrigger trigger, bool confirmed, IProgress<DunningRunProgress>? progress, CancellationToken ct)
    {
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        var day = clock.Today;
        var last = await LastRunDayAsync(db, company, ct);
        if (last > day)
        {
            // Levels, paces and charges count from the runs' days: a run dated before one already made would undo them.
            throw new DomainRuleException("dunning.runBeforeLast", "",
                $"A dunning run for {day:yyyy-MM-dd} comes before the last run, of {last:yyyy-MM-dd}; check the business day.", day, last);
        }
        var plan = await planning.PlanAsync(day, ct);
        if (!confirmed && DunningRunConfirmation.Of(plan, last is null) is { Required: true } confirmation)
        {
            throw new DunningRunNeedsConfirmationException(confirmation);
        }

        var run = new DunningRun { CompanyId = company, Id = Ids.New(), RunDay = day, Trigger = trigger, StartedAt = clock.Now, StartedBy = scope.Actor };
        db.DunningRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.Entry(run).State = EntityState.Detached;
        var errors = new List<string>();
        try
        {
            run.Reminders = await reminders.RunAsync(plan.Policy, run.Id, day, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reminders failing must not stop dunning; the run records why.
            db.ChangeTracker.Clear();
            errors.Add("reminders: " + e.Message);
            log.LogError(e, "Pre-due reminders failed in run {Run}", run.Id);
        }
        var acting = plan.Customers.Where(c => c.Proposal.Outcome != DunningOutcome.Skip).ToList();
        run.Considered = plan.Customers.Count;
        run.Skipped = plan.Customers.Count - acting.Count;
        var done = (await db.DunningCommunications.AsNoTracking().Where(c => c.CompanyId == company && c.RunDay == day)
            .Select(c => c.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var todo = acting.Where(c => !done.Contains(c.Proposal.Key(day))).ToList();
        run.AlreadyDone = acting.Count - todo.Count;
        var context = await messages.ContextAsync(plan, todo, ct);

        // Drafts (with their PDF letters) are made several customers ahead, outside the transactions: printing a letter
        // takes a tenth of a second or more, and holding the write lock meanwhile would stop every other writer. Drafting
        // reads only what the context holds, so it runs beside the transactions of the customers before, and the letters
        // print side by side in the renderer's one browser.
        var drafts = new Queue<Task<DunningDraft?>>();
        var drafted = 0;
        void DraftAhead()
        {
            while (drafts.Count < DraftsAhead && drafted < todo.Count)
            {
                var next = todo[drafted++];
                drafts.Enqueue(next.Proposal.Outcome == DunningOutcome.Send ? DraftOrNullAsync(context, next, ct) : Task.FromResult<DunningDraft?>(null));
            }
        }
        for (var n = 0; n < todo.Count; n++)
        {
            var customer = todo[n];
            DraftAhead();
            var pending = drafts.Dequeue();
            try
            {
                var draft = await pending;
                DraftAhead();
                var outcome = await Transactions.RunAsync(db, c => ApplyAsync(run, plan, customer, draft, c), ct);
                switch (outcome)
                {
                    case null:
                        run.AlreadyDone++;
                        break;
                    case { } o when customer.Proposal.Outcome == DunningOutcome.Send:
                        run.Sent++;
                        run.Messages += o.Messages;
                        run.Letters += o.Letters;
                        run.Tasks += o.Tasks;
                        break;
                    default:
                        run.Lowered++;
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                run.Failed++;
                errors.Add($"{customer.Code}: {e.Message}");
                log.LogError(e, "Dunning customer {Customer} failed in run {Run}", customer.CustomerId, run.Id);
            }
            progress?.Report(new DunningRunProgress(n + 1, todo.Count));
        }

        db.ChangeTracker.Clear();
        db.DunningRuns.Attach(run);
        run.FinishedAt = clock.Now;
        var error = string.Join("; ", errors);
        run.Error = errors.Count == 0 ? null : error.Length > 2000 ? error[..1999] + "…" : error;
        db.Entry(run).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return DunningRunView.From(run);
    }

    /// <summary>The day of the company's latest run, or null before its first.</summary>
    internal static async Task<DateOnly?> LastRunDayAsync(HuikuanDbContext db, Guid company, CancellationToken ct) =>
        await db.DunningRuns.AsNoTracking().Where(r => r.CompanyId == company).OrderByDescending(r => r.RunDay)
            .Select(r => (DateOnly?)r.RunDay).FirstOrDefaultAsync(ct);

    /// <summary>Drafts made ahead of the customer being written: enough to keep the renderer's tabs busy (4 by default).</summary>
    private const int DraftsAhead = 8;

    private async Task<DunningDraft?> DraftOrNullAsync(DunningContext context, PlannedCustomer customer, CancellationToken ct) =>
        await messages.DraftAsync(context, customer, ct);

    private sealed record Applied(int Messages, int Letters, int Tasks);

    /// <summary>One customer's communication, state, messages and tasks; null when another run got there first.</summary>
    private async Task<Applied?> ApplyAsync(DunningRun run, DunningPlan plan, PlannedCustomer customer, DunningDraft? draft, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var day = plan.Day;
        var p = customer.Proposal;
        var key = p.Key(day);
        if (await db.DunningCommunications.AnyAsync(c => c.CompanyId == company && c.Key == key, ct))
        {
            return null;
        }
        var level = p.Level > 0 ? plan.Policy.Policy.Level(p.Level) : null;
        var currency = draft?.Currency ?? DunningMessagesHandler.LetterCurrency(p, plan.Policy.Policy.Currency);
        var communication = new DunningCommunication
        {
            CompanyId = company, Id = Ids.New(), RunId = run.Id, CustomerId = customer.CustomerId, RunDay = day, Key = key,
            Outcome = p.Outcome == DunningOutcome.Send ? DunningOutcomeKind.Sent : DunningOutcomeKind.Lowered, Level = p.Level, LevelCode = level?.Code,
            Channels = (int)(p.Outcome == DunningOutcome.Send ? level!.Channels : DunningChannel.None), Currency = currency,
            OverdueMinor = p.OverdueMinorByCurrency.GetValueOrDefault(currency), OldestDaysOverdue = p.OldestDaysOverdue, ItemCount = p.Items.Count,
            Language = draft?.Language ?? "zh-CN", CreatedAt = clock.Now, CreatedBy = scope.Actor,
        };
        db.DunningCommunications.Add(communication);

        var state = await db.CustomerDunningStates.SingleOrDefaultAsync(s => s.CompanyId == company && s.CustomerId == customer.CustomerId, ct);
        if (state is null)
        {
            state = new CustomerDunningState { CompanyId = company, CustomerId = customer.CustomerId };
            db.CustomerDunningStates.Add(state);
        }
        state.Level = p.Level;
        state.LevelCode = level?.Code;
        state.ReachedOn = day;
        state.CreditHold = level?.PutsOnCreditHold ?? false;
        state.LastCommunicationId = communication.Id;
        state.UpdatedAt = clock.Now;

        // A level that escalates opens a case for management, an agency or a lawyer (R13), once while it runs.
        if (p.Outcome == DunningOutcome.Send && plan.Policy.Escalations[p.Level - 1] is { } escalation
            && Enum.TryParse<Huikuan.Domain.Collections.EscalationKind>(escalation, out var kind))
        {
            await Escalations.EscalationOpener.OpenFromDunningAsync(db, communication, kind, level!.Responsible, clock.Now, scope.Actor, ct);
        }
        if (draft is null)
        {
            await db.SaveChangesAsync(ct);
            return new Applied(0, 0, 0);
        }
        var applied = await messages.WriteAsync(communication, customer, level!, draft, ct);
        await db.SaveChangesAsync(ct);
        return new Applied(applied.Messages, applied.Letters, applied.Tasks);
    }
}
