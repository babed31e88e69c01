using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

/// <summary>Ask to write off part (Amount) or all (no Amount) of what is open on an installment, with a reason; Date books it on that day.</summary>
public sealed record WriteOff(Guid InstallmentId, string? Reason, decimal? Amount = null, DateOnly? Date = null);

public sealed record DecideWriteOff(string? Note = null);

public sealed record ReverseWriteOff(string? Reason, DateOnly? Date = null);

public sealed record WriteOffSettings(decimal SingleApprovalLimit, string Currency);

public sealed record ChangeWriteOffSettings(decimal SingleApprovalLimit);

public sealed record WriteOffView(
    Guid Id, Guid CustomerId, string CustomerName, Guid InvoiceId, string InvoiceNumber, Guid InstallmentId, int InstallmentSequence,
    string Currency, decimal Amount, string Reason, DateOnly? BookOn, string Status, int ApprovalsNeeded, int Approvals,
    DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? FirstApprovedAt, string? FirstApprovedBy,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionNote, Guid? AllocationId,
    DateTimeOffset? ReversedAt, string? ReversedBy, string? ReversalReason);

/// <summary>
/// Write-offs of bad debt (坏账核销, R27). An accountant asks, with a reason; credit managers or admins other than the one who
/// asked approve: one of them up to the company's band limit, two different ones above it. Only the last approval books
/// the write-off, through the ledger writer; a reversal (坏账核销冲回) is its counter-entry and opens the installment again.
/// Every step is a change of the request row, so the audit trail has who did it and when.
/// </summary>
public sealed class WriteOffsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, LedgerWriter ledger)
{
    public async Task<WriteOffView> RequestAsync(WriteOff request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var reason = CreditFileAccess.Text(request.Reason, "reason", 500);
        var id = await Transactions.RunAsync(db, async token =>
        {
            var target = await db.Installments.AsNoTracking().SingleOrDefaultAsync(i => i.CompanyId == company && i.Id == request.InstallmentId, token)
                ?? throw new DomainRuleException("writeOff.installment", "installmentId", "No such installment in this company.");
            var pending = await db.WriteOffRequests
                .Where(w => w.CompanyId == company && w.InstallmentId == target.Id && w.Status == WriteOffStatus.Requested)
                .SumAsync(w => (long?)w.AmountMinor, token) ?? 0;
            var settings = await RequestSettingsAsync(token);
            var row = NewRequest(request, reason, target, pending, settings);
            db.WriteOffRequests.Add(row);
            await db.SaveChangesAsync(token);
            return row.Id;
        }, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Several write-offs asked for at once (a bank statement's fees), in one transaction: each is checked as
    /// <see cref="RequestAsync"/> checks it, against what is open and already asked for, and one that breaks a rule is
    /// answered with that rule (in the request's place) while the others are requested.
    /// </summary>
    public async Task<IReadOnlyList<DomainRuleException?>> RequestManyAsync(IReadOnlyList<WriteOff> requests, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }
        var company = scope.CompanyId;
        return await Transactions.RunAsync(db, async token =>
        {
            var ids = requests.Select(r => r.InstallmentId).Distinct().ToList();
            var targets = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, token);
            var pending = await db.WriteOffRequests
                .Where(w => w.CompanyId == company && ids.Contains(w.InstallmentId) && w.Status == WriteOffStatus.Requested)
                .GroupBy(w => w.InstallmentId).Select(g => new { g.Key, Sum = g.Sum(w => w.AmountMinor) })
                .ToDictionaryAsync(g => g.Key, g => g.Sum, token);
            var settings = await RequestSettingsAsync(token);
            var outcomes = new List<DomainRuleException?>(requests.Count);
            foreach (var request in requests)
            {
                try
                {
                    var reason = CreditFileAccess.Text(request.Reason, "reason", 500);
                    var target = targets.GetValueOrDefault(request.InstallmentId)
                        ?? throw new DomainRuleException("writeOff.installment", "installmentId", "No such installment in this company.");
                    var row = NewRequest(request, reason, target, pending.GetValueOrDefault(target.Id), settings);
                    db.WriteOffRequests.Add(row);
                    pending[target.Id] = pending.GetValueOrDefault(target.Id) + row.AmountMinor;
                    outcomes.Add(null);
                }
                catch (DomainRuleException e)
                {
                    outcomes.Add(e);
                }
            }
            await db.SaveChangesAsync(token);
            return outcomes;
        }, ct);
    }

    private sealed record RequestSettings(string BaseCurrency, long SingleApprovalLimitMinor);

    private Task<RequestSettings> RequestSettingsAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        return db.Companies.AsNoTracking().Where(c => c.Id == company)
            .Select(c => new RequestSettings(c.BaseCurrency, c.WriteOffSingleApprovalLimitMinor)).SingleAsync(ct);
    }

    /// <summary>The request row for an installment, after the rules: the amount (all that is open and not asked for when none is given), the date.</summary>
    private WriteOffRequest NewRequest(WriteOff request, string? reason, Installment target, long pending, RequestSettings settings)
    {
        var cur = Currency.Of(target.Currency);
        // No amount: all that is open and not already asked for.
        var amount = request.Amount is { } a ? cur.ToMinor(a, "amount") : target.OpenMinor - pending;
        WriteOffRules.CheckRequest(amount, target.OpenMinor, pending, cur, reason);
        var bookOn = BusinessDates.Optional(request.Date, "date");
        if (bookOn is { } day)
        {
            ledger.MustNotBeInTheFuture(day, "date");
        }
        if (bookOn < target.InvoiceDate)
        {
            throw new DomainRuleException("writeOff.date", "date", "A write-off cannot be dated before the invoice.");
        }
        return new WriteOffRequest
        {
            CompanyId = scope.CompanyId, Id = Ids.New(), CustomerId = target.CustomerId, InvoiceId = target.InvoiceId, InstallmentId = target.Id,
            Currency = target.Currency, AmountMinor = amount, Reason = reason!, BookOn = bookOn, Status = WriteOffStatus.Requested,
            ApprovalsNeeded = WriteOffRules.ApprovalsNeeded(amount, target.Currency, settings.BaseCurrency, settings.SingleApprovalLimitMinor),
            RequestedAt = clock.Now, RequestedBy = scope.Actor,
        };
    }

    /// <summary>One approval. Within the band, or as the second of two, it books the write-off.</summary>
    public async Task<WriteOffView> ApproveAsync(Guid id, DecideWriteOff request, CancellationToken ct)
    {
        scope.Require(Permission.ApproveWriteOffs);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var note = CreditFileAccess.Text(request.Note, "note", 500);
        await Transactions.RunAsync(db, async token =>
        {
            var row = await LoadAsync(id, token);
            MustBe(row, WriteOffStatus.Requested);
            WriteOffRules.CheckApprover(row.RequestedBy, row.FirstApprovedBy, scope.Actor);
            row.Version++;
            if (row.ApprovalsNeeded > 1 && row.FirstApprovedBy is null)
            {
                row.FirstApprovedBy = scope.Actor;
                row.FirstApprovedAt = clock.Now;
                row.DecisionNote = note;
                await SaveAsync(token);
                return 0;
            }
            row.Status = WriteOffStatus.Approved;
            row.DecidedBy = scope.Actor;
            row.DecidedAt = clock.Now;
            row.DecisionNote = note ?? row.DecisionNote;
            // The request is claimed first: of two approvals racing, the loser stops here, before the ledger.
            await SaveAsync(token);
            var target = await db.Installments.AsNoTracking().SingleAsync(i => i.CompanyId == company && i.Id == row.InstallmentId, token);
            var on = row.BookOn ?? (ledger.Today < target.InvoiceDate ? target.InvoiceDate : ledger.Today);
            var allocation = await ledger.MoveAsync(MoneySource.WriteOff, target, row.AmountMinor, 0, on, row.Reason, null, token);
            row.AllocationId = allocation.Id;
            await SaveAsync(token);
            return 0;
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<WriteOffView> RejectAsync(Guid id, DecideWriteOff request, CancellationToken ct)
    {
        scope.Require(Permission.ApproveWriteOffs);
        ArgumentNullException.ThrowIfNull(request);
        var note = CreditFileAccess.Text(request.Note, "note", 500);
        await Transactions.RunAsync(db, async token =>
        {
            var row = await LoadAsync(id, token);
            MustBe(row, WriteOffStatus.Requested);
            WriteOffRules.CheckApprover(row.RequestedBy, null, scope.Actor);
            row.Version++;
            row.Status = WriteOffStatus.Rejected;
            row.DecidedBy = scope.Actor;
            row.DecidedAt = clock.Now;
            row.DecisionNote = note;
            await SaveAsync(token);
            return 0;
        }, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>坏账核销冲回: the counter-entry of the write-off, with a reason; the installment is open again.</summary>
    public async Task<WriteOffView> ReverseAsync(Guid id, ReverseWriteOff request, CancellationToken ct)
    {
        if (!CanReverse(scope.Role))
        {
            throw new ForbiddenException(nameof(Permission.PostLedger));
        }
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var reason = CompanyHandler.Required(request.Reason, "reason", 500);
        await Transactions.RunAsync(db, async token =>
        {
            var row = await LoadAsync(id, token);
            MustBe(row, WriteOffStatus.Approved);
            var on = BusinessDates.Optional(request.Date, "date") ?? ledger.Today;
            ledger.MustNotBeInTheFuture(on, "date");
            var original = await db.Allocations.AsNoTracking().SingleAsync(a => a.CompanyId == company && a.Id == row.AllocationId, token);
            row.Version++;
            row.Status = WriteOffStatus.Reversed;
            row.ReversedBy = scope.Actor;
            row.ReversedAt = clock.Now;
            row.ReversalReason = reason;
            await SaveAsync(token);
            var reversal = await ledger.ReverseAsync(original, reason, on, token);
            row.ReversalAllocationId = reversal.Id;
            await SaveAsync(token);
            return 0;
        }, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Accountants and admins post the counter-entry; credit managers, who approve write-offs, may take one back too.</summary>
    public static bool CanReverse(Role role) => role.Allows(Permission.PostLedger) || role.Allows(Permission.ApproveWriteOffs);

    public async Task<IReadOnlyList<WriteOffView>> ListAsync(string? status, Guid? customerId, Guid? invoiceId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.WriteOffRequests.AsNoTracking().Where(w => w.CompanyId == company);
        if (status is { Length: > 0 })
        {
            var s = Enum.TryParse<WriteOffStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new DomainRuleException("writeOff.status", "status", $"Unknown write-off status '{status}'.", status);
            query = query.Where(w => w.Status == s);
        }
        if (customerId is { } customer)
        {
            query = query.Where(w => w.CustomerId == customer);
        }
        if (invoiceId is { } invoice)
        {
            query = query.Where(w => w.InvoiceId == invoice);
        }
        if (scope.OwnerFilter is { } owner)
        {
            query = query.Where(w => db.Customers.Any(k => k.CompanyId == company && k.Id == w.CustomerId && k.SalespersonId == owner));
        }
        return await ViewsAsync(query.OrderByDescending(w => w.RequestedAt).ThenByDescending(w => w.Id).Take(500), ct);
    }

    public async Task<WriteOffView> GetAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.WriteOffRequests.AsNoTracking().Where(w => w.CompanyId == company && w.Id == id);
        if (scope.OwnerFilter is { } owner)
        {
            query = query.Where(w => db.Customers.Any(k => k.CompanyId == company && k.Id == w.CustomerId && k.SalespersonId == owner));
        }
        return (await ViewsAsync(query, ct)).SingleOrDefault() ?? throw new NotFoundException("WriteOffRequest", id);
    }

    public async Task<WriteOffSettings> SettingsAsync(CancellationToken ct)
    {
        var company = scope.CompanyId;
        var c = await db.Companies.AsNoTracking().SingleAsync(x => x.Id == company, ct);
        return new WriteOffSettings(Currency.Of(c.BaseCurrency).ToMajor(c.WriteOffSingleApprovalLimitMinor), c.BaseCurrency);
    }

    public async Task<WriteOffSettings> ChangeSettingsAsync(ChangeWriteOffSettings request, CancellationToken ct)
    {
        scope.Require(Permission.Administer);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        await Transactions.RunAsync(db, async token =>
        {
            var c = await db.Companies.SingleAsync(x => x.Id == company, token);
            var limit = Currency.Of(c.BaseCurrency).ToMinor(request.SingleApprovalLimit, "singleApprovalLimit");
            if (limit < 0)
            {
                throw new DomainRuleException("writeOff.limit", "singleApprovalLimit", "The band limit cannot be negative.");
            }
            c.WriteOffSingleApprovalLimitMinor = limit;
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        return await SettingsAsync(ct);
    }

    private async Task<WriteOffRequest> LoadAsync(Guid id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        return await db.WriteOffRequests.SingleOrDefaultAsync(w => w.CompanyId == company && w.Id == id, ct)
            ?? throw new NotFoundException("WriteOffRequest", id);
    }

    private static void MustBe(WriteOffRequest row, WriteOffStatus status)
    {
        if (row.Status != status)
        {
            throw row.Status switch
            {
                WriteOffStatus.Requested => new ConflictException("writeOff.requested", "This write-off has not been approved yet; it cannot be changed that way."),
                WriteOffStatus.Approved => new ConflictException("writeOff.approved", "This write-off is already approved; it cannot be changed that way."),
                WriteOffStatus.Rejected => new ConflictException("writeOff.rejected", "This write-off was rejected; it cannot be changed any more."),
                _ => new ConflictException("writeOff.reversed", "This write-off has already been reversed."),
            };
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("writeOff.changed", "Someone else acted on this write-off at the same moment; load it again.");
        }
    }

    private async Task<IReadOnlyList<WriteOffView>> ViewsAsync(IQueryable<WriteOffRequest> query, CancellationToken ct)
    {
        var rows = await (
            from w in query
            join k in db.Customers on new { w.CompanyId, Id = w.CustomerId } equals new { k.CompanyId, k.Id }
            join n in db.Invoices on new { w.CompanyId, Id = w.InvoiceId } equals new { n.CompanyId, n.Id }
            join i in db.Installments on new { w.CompanyId, Id = w.InstallmentId } equals new { i.CompanyId, i.Id }
            select new { W = w, k.Name, n.Number, i.Sequence }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.W.RequestedAt).ThenByDescending(r => r.W.Id).Select(r =>
        {
            var w = r.W;
            var approvals = (w.FirstApprovedBy is null ? 0 : 1) + (w.Status is WriteOffStatus.Approved or WriteOffStatus.Reversed ? 1 : 0);
            return new WriteOffView(w.Id, w.CustomerId, r.Name, w.InvoiceId, r.Number, w.InstallmentId, r.Sequence, w.Currency,
                Currency.Of(w.Currency).ToMajor(w.AmountMinor), w.Reason, w.BookOn, w.Status.ToString(), w.ApprovalsNeeded, approvals,
                w.RequestedAt, w.RequestedBy, w.FirstApprovedAt, w.FirstApprovedBy, w.DecidedAt, w.DecidedBy, w.DecisionNote, w.AllocationId,
                w.ReversedAt, w.ReversedBy, w.ReversalReason);
        })];
    }
}
