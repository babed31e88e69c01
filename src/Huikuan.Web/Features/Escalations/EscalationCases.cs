using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Collections;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Escalations;

public sealed record EscalationView(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Kind, string Status, string? Owner, string Responsible, string Currency,
    decimal Claimed, decimal Recovered, decimal Outstanding, string? Agent, string? ExternalReference, Guid? CommunicationId, string? LevelCode,
    Guid? PreviousCaseId, DateOnly OpenedOn, string CreatedBy, DateTimeOffset UpdatedAt, IReadOnlyList<string> NextStatuses);

public sealed record EscalationEventView(
    Guid Id, string Kind, string? FromStatus, string? ToStatus, decimal? Amount, string? Text, DateTimeOffset At, string By);

public sealed record EscalationDocumentView(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record EscalationDetail(EscalationView Case, IReadOnlyList<EscalationEventView> History, IReadOnlyList<EscalationDocumentView> Documents);

public sealed record OpenEscalation(Guid CustomerId, string Kind, decimal? Claimed, string? Agent, string? ExternalReference, string? Note, Guid? PreviousCaseId);

public sealed record ChangeEscalationStatus(string Status, string? Note);

public sealed record AssignEscalation(string? Owner, string? Agent, string? ExternalReference);

public sealed record EscalationNote(string? Text);

public sealed record EscalationAmount(decimal Amount, string? Note);

public sealed record UploadEscalationDocument(string FileName, byte[] Bytes);

/// <summary>
/// Escalation cases (R13): management escalations and agency or legal cases, opened by a dunning level or by hand,
/// each with an owner, a status that follows <see cref="EscalationRules"/>, notes, documents, and the amounts claimed
/// and recovered. Every change writes an <see cref="EscalationEvent"/> with who and when, in the same transaction.
/// Those who run dunning and management work the cases; handing a debt to an agency or a lawyer is for those who manage dunning.
/// </summary>
public sealed class EscalationCasesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<IReadOnlyList<EscalationView>> ListAsync(string? status, string? kind, Guid? customerId, bool open, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.EscalationCases.AsNoTracking().Where(c => c.CompanyId == company);
        if (status is { Length: > 0 })
        {
            var s = Parse<EscalationStatus>(status, "status");
            query = query.Where(c => c.Status == s);
        }
        if (open)
        {
            var finished = EscalationOpener.Finished;
            query = query.Where(c => !finished.Contains(c.Status));
        }
        if (kind is { Length: > 0 })
        {
            var k = Parse<EscalationKind>(kind, "kind");
            query = query.Where(c => c.Kind == k);
        }
        if (customerId is { } customer)
        {
            query = query.Where(c => c.CustomerId == customer);
        }
        var rows = await (
            from c in query
            join k in db.Customers on new { c.CompanyId, Id = c.CustomerId } equals new { k.CompanyId, k.Id }
            orderby c.CreatedAt descending, c.Id descending
            select new { C = c, k.Name }).Take(1_000).ToListAsync(ct);
        return [.. rows.Select(r => View(r.C, r.Name))];
    }

    public async Task<EscalationDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var row = await (
            from c in db.EscalationCases.AsNoTracking().Where(c => c.CompanyId == company && c.Id == id)
            join k in db.Customers on new { c.CompanyId, Id = c.CustomerId } equals new { k.CompanyId, k.Id }
            select new { C = c, k.Name }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("EscalationCase", id);
        var money = Currency.Of(row.C.Currency);
        var history = await db.EscalationEvents.AsNoTracking().Where(e => e.CompanyId == company && e.CaseId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
        var documents = await db.EscalationDocuments.AsNoTracking().Where(d => d.CompanyId == company && d.CaseId == id).OrderByDescending(d => d.UploadedAt)
            .Select(d => new EscalationDocumentView(d.Id, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAt, d.UploadedBy)).ToListAsync(ct);
        return new EscalationDetail(View(row.C, row.Name), [.. history.Select(e => new EscalationEventView(e.Id, e.Kind.ToString(), e.FromStatus, e.ToStatus,
            e.AmountMinor is { } a ? money.ToMajor(a) : null, e.Text, e.At, e.By))], documents);
    }

    public async Task<EscalationDetail> OpenAsync(OpenEscalation request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.WorkEscalations);
        var kind = Parse<EscalationKind>(request.Kind ?? "", "kind");
        if (kind != EscalationKind.Management)
        {
            scope.Require(Permission.ManageDunning);
        }
        var company = scope.CompanyId;
        var id = await Transactions.RunAsync(db, async c =>
        {
            var customer = await db.Customers.AsNoTracking().Where(k => k.CompanyId == company && k.Id == request.CustomerId)
                .Select(k => new { k.Id, k.Currency }).SingleOrDefaultAsync(c) ?? throw new NotFoundException("Customer", request.CustomerId);
            var money = Currency.Of(customer.Currency);
            var today = clock.Today;
            // By default the claim is what the customer owes overdue today, in its currency.
            var claimed = request.Claimed is { } given ? money.ToMinor(given, "claimed")
                : await db.Installments.Where(i => i.CompanyId == company && i.CustomerId == customer.Id && i.Currency == customer.Currency
                    && i.OpenMinor > 0 && i.DueDate < today).SumAsync(i => (long?)i.OpenMinor, c) ?? 0;
            EscalationRules.CheckClaim(EscalationStatus.Open, 0, claimed, customer.Currency);
            if (request.PreviousCaseId is { } previous && !await db.EscalationCases.AnyAsync(x => x.CompanyId == company && x.Id == previous && x.CustomerId == customer.Id, c))
            {
                throw new NotFoundException("EscalationCase", previous);
            }
            var opened = await EscalationOpener.OpenAsync(db, company, customer.Id, kind, kind == EscalationKind.Management ? Role.CreditManager : Role.Admin,
                customer.Currency, claimed, today, clock.Now, scope.Actor, null, null, CreditFileAccess.Text(request.Agent, "agent", 200),
                request.PreviousCaseId, CreditFileAccess.Text(request.Note, "note", 2000), c);
            opened.ExternalReference = CreditFileAccess.Text(request.ExternalReference, "externalReference", 100);
            await db.SaveChangesAsync(c);
            return opened.Id;
        }, ct);
        return await GetAsync(id, ct);
    }

    public Task<EscalationDetail> ChangeStatusAsync(Guid id, ChangeEscalationStatus request, CancellationToken ct) => ChangeAsync(id, (c, e) =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var to = Parse<EscalationStatus>(request.Status ?? "", "status");
        EscalationRules.CheckTransition(c.Status, to, c.ClaimedMinor, c.RecoveredMinor);
        e.Kind = EscalationEventKind.Status;
        e.FromStatus = c.Status.ToString();
        e.ToStatus = to.ToString();
        e.Text = CreditFileAccess.Text(request.Note, "note", 2000);
        c.Status = to;
        c.FinishedAt = EscalationRules.IsFinished(to) ? clock.Now : null;
    }, ct);

    public Task<EscalationDetail> AssignAsync(Guid id, AssignEscalation request, CancellationToken ct) => ChangeAsync(id, (c, e) =>
    {
        ArgumentNullException.ThrowIfNull(request);
        EscalationRules.CheckOpen(c.Status);
        c.Owner = CreditFileAccess.Text(request.Owner, "owner", 320);
        c.Agent = CreditFileAccess.Text(request.Agent, "agent", 200) ?? c.Agent;
        c.ExternalReference = CreditFileAccess.Text(request.ExternalReference, "externalReference", 100) ?? c.ExternalReference;
        e.Kind = EscalationEventKind.Owner;
        e.Text = string.Join(" · ", new[] { c.Owner, c.Agent, c.ExternalReference }.Where(x => x is not null));
    }, ct);

    public Task<EscalationDetail> AddNoteAsync(Guid id, EscalationNote request, CancellationToken ct) => ChangeAsync(id, (c, e) =>
    {
        ArgumentNullException.ThrowIfNull(request);
        e.Kind = EscalationEventKind.Note;
        e.Text = CreditFileAccess.Required(request.Text, "text", 2000);
    }, ct);

    /// <summary>Records money recovered (negative to correct a recovery booked by mistake).</summary>
    public Task<EscalationDetail> RecoverAsync(Guid id, EscalationAmount request, CancellationToken ct) => ChangeAsync(id, (c, e) =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var amount = Currency.Of(c.Currency).ToMinor(request.Amount, "amount");
        EscalationRules.CheckRecovery(c.Status, c.ClaimedMinor, c.RecoveredMinor, amount, c.Currency);
        c.RecoveredMinor += amount;
        e.Kind = EscalationEventKind.Recovered;
        e.AmountMinor = amount;
        e.Text = CreditFileAccess.Text(request.Note, "note", 2000);
    }, ct);

    /// <summary>Sets the amount claimed (interest and costs added, part settled); the event keeps the change.</summary>
    public Task<EscalationDetail> ClaimAsync(Guid id, EscalationAmount request, CancellationToken ct) => ChangeAsync(id, (c, e) =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var claimed = Currency.Of(c.Currency).ToMinor(request.Amount, "amount");
        EscalationRules.CheckClaim(c.Status, c.RecoveredMinor, claimed, c.Currency);
        e.Kind = EscalationEventKind.Claimed;
        e.AmountMinor = claimed - c.ClaimedMinor;
        e.Text = CreditFileAccess.Text(request.Note, "note", 2000);
        c.ClaimedMinor = claimed;
    }, ct);

    public async Task<EscalationDetail> UploadAsync(Guid id, UploadEscalationDocument request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = request.Bytes ?? [];
        DocumentsHandler.Check(bytes.LongLength);
        var type = FileTypes.Sniff(bytes)
            ?? throw new DomainRuleException("document.type", "file", "Only PDF, PNG, JPEG, Excel (xlsx) and Word (docx) files can be uploaded.");
        var name = FileTypes.SafeName(request.FileName, type);
        return await ChangeAsync(id, (c, e) =>
        {
            db.EscalationDocuments.Add(new EscalationDocument
            {
                CompanyId = c.CompanyId, CaseId = c.Id, Id = Ids.New(), FileName = name, ContentType = type.ContentType, SizeBytes = bytes.LongLength,
                Content = bytes, UploadedAt = clock.Now, UploadedBy = scope.Actor,
            });
            e.Kind = EscalationEventKind.Document;
            e.Text = name;
        }, ct);
    }

    public async Task<(string FileName, string ContentType, byte[] Content)> DocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var visible = await db.EscalationCases.AnyAsync(c => c.CompanyId == company && c.Id == id, ct);
        var d = visible ? await db.EscalationDocuments.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.CaseId == id && x.Id == documentId, ct) : null;
        return d is null ? throw new NotFoundException("EscalationDocument", documentId) : (d.FileName, d.ContentType, d.Content);
    }

    /// <summary>One change to a case and its event, in one transaction; the case row is the one the reader may see.</summary>
    private async Task<EscalationDetail> ChangeAsync(Guid id, Action<EscalationCase, EscalationEvent> change, CancellationToken ct)
    {
        scope.Require(Permission.WorkEscalations);
        var company = scope.CompanyId;
        await Transactions.RunAsync(db, async c =>
        {
            var escalation = await db.EscalationCases.SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == id, c)
                ?? throw new NotFoundException("EscalationCase", id);
            var e = new EscalationEvent { CompanyId = company, CaseId = id, Id = Ids.New(), At = clock.Now, By = scope.Actor };
            change(escalation, e);
            escalation.UpdatedAt = e.At;
            db.EscalationEvents.Add(e);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return await GetAsync(id, ct);
    }

    private static T Parse<T>(string value, string field) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed
            : throw new DomainRuleException("escalation.value", field, $"Unknown {field} '{value}'.", field, value);

    private static EscalationView View(EscalationCase c, string customerName)
    {
        var money = Currency.Of(c.Currency);
        return new EscalationView(c.Id, c.Number, c.CustomerId, customerName, c.Kind.ToString(), c.Status.ToString(), c.Owner, c.Responsible.ToString(),
            c.Currency, money.ToMajor(c.ClaimedMinor), money.ToMajor(c.RecoveredMinor), money.ToMajor(c.ClaimedMinor - c.RecoveredMinor), c.Agent,
            c.ExternalReference, c.CommunicationId, c.LevelCode, c.PreviousCaseId, c.OpenedOn, c.CreatedBy, c.UpdatedAt,
            [.. EscalationRules.Allowed(c.Status).Select(s => s.ToString())]);
    }
}
