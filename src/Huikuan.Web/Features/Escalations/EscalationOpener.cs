using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Escalations;

/// <summary>
/// Opens a case when a dunning level that escalates is reached (R13: credit hold and escalation to management at
/// 45 days, a collection agency or legal case at 90), in the transaction that records the level: one open case per
/// customer and kind, so a re-run or a level reached again adds nothing while the case runs.
/// </summary>
internal static class EscalationOpener
{
    public static async Task<EscalationCase?> OpenFromDunningAsync(
        HuikuanDbContext db, DunningCommunication communication, EscalationKind kind, Role responsible, DateTimeOffset now, string actor, CancellationToken ct)
    {
        var company = communication.CompanyId;
        var finished = Finished;
        var running = await db.EscalationCases.AnyAsync(c => c.CompanyId == company && c.CustomerId == communication.CustomerId && c.Kind == kind
            && !finished.Contains(c.Status), ct);
        if (running)
        {
            return null;
        }
        return await OpenAsync(db, company, communication.CustomerId, kind, responsible, communication.Currency, communication.OverdueMinor,
            communication.RunDay, now, actor, communication.Id, communication.LevelCode, agent: null, previous: null, note: null, ct);
    }

    internal static readonly EscalationStatus[] Finished = [.. Enum.GetValues<EscalationStatus>().Where(EscalationRules.IsFinished)];

    internal static async Task<EscalationCase> OpenAsync(
        HuikuanDbContext db, Guid company, Guid customerId, EscalationKind kind, Role responsible, string currency, long claimedMinor, DateOnly day,
        DateTimeOffset now, string actor, Guid? communicationId, string? levelCode, string? agent, Guid? previous, string? note, CancellationToken ct)
    {
        var escalation = new EscalationCase
        {
            CompanyId = company, Id = Ids.New(), Number = await Numbering.NextAsync(db, company, "ESC", ct), CustomerId = customerId, Kind = kind,
            Status = EscalationStatus.Open, Responsible = responsible, Currency = currency, ClaimedMinor = claimedMinor, Agent = agent,
            CommunicationId = communicationId, LevelCode = levelCode, PreviousCaseId = previous, OpenedOn = day, CreatedAt = now, CreatedBy = actor,
            UpdatedAt = now,
        };
        db.EscalationCases.Add(escalation);
        db.EscalationEvents.Add(new EscalationEvent
        {
            CompanyId = company, CaseId = escalation.Id, Id = Ids.New(), Kind = EscalationEventKind.Opened, ToStatus = nameof(EscalationStatus.Open),
            AmountMinor = claimedMinor, Text = note, At = now, By = actor,
        });
        return escalation;
    }
}
