using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Disputes;

/// <summary>Owner: a user of the company who works collections or credit (default: who opens it); target date: default 14 days on.</summary>
public sealed record OpenDispute(
    Guid InvoiceId, decimal Amount, string Reason, string? Note = null, Guid? OwnerUserId = null, DateOnly? TargetDate = null);

/// <summary>
/// outcome: creditNote or reInvoice (the customer is right: status accepted), rejected, or settled (anything else).
/// The older "accepted" is still taken and means a credit note, the accountant's usual next step.
/// </summary>
public sealed record ResolveDispute(string Outcome, string? Note = null);

/// <summary>A new owner, a new target date, or both; what is null stays.</summary>
public sealed record AssignDispute(Guid? OwnerUserId = null, DateOnly? TargetDate = null);

/// <summary>
/// AgeDays: days open, from the day it was opened to today or to the day it was resolved; Overdue: still open after
/// its target date.
/// </summary>
public sealed record DisputeView(
    Guid Id, Guid CustomerId, string CustomerName, Guid InvoiceId, string InvoiceNumber, string Currency, decimal Amount, string Reason,
    string? Note, string Status, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution,
    Guid? OwnerUserId = null, string? Owner = null, DateOnly? TargetDate = null, string? ResolutionKind = null, int AgeDays = 0, bool Overdue = false);

/// <summary>
/// Disputed invoices. Collectors and those who edit customers open them; credit managers and accountants resolve them.
/// The score and dunning ask <see cref="DisputedOpenMinorAsync"/> and <see cref="DisputedShareAsync"/>.
/// </summary>
public sealed class DisputesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public static readonly string[] Reasons = ["quality", "price", "quantity", "notReceived", "other"];
    public static readonly string[] Outcomes = ["creditNote", "reInvoice", "rejected", "settled"];

    /// <summary>A target date is at most this many days after the day the dispute was opened.</summary>
    public const int MaxTargetDays = 366;
    public const int DefaultTargetDays = 14;

    public async Task<DisputeView> OpenAsync(OpenDispute request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RecordCollections);
        var company = scope.CompanyId;
        var invoice = await db.Invoices.AsNoTracking()
            .Where(i => i.CompanyId == company && i.Id == request.InvoiceId && i.Kind == DocumentKind.Invoice)
            .Select(i => new { i.Id, i.CustomerId, i.Number, i.Currency }).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("dispute.invoice", "invoiceId", "No such invoice in this company.");
        if (!Reasons.Contains(request.Reason, StringComparer.Ordinal))
        {
            throw new DomainRuleException("dispute.reason", "reason", $"Unknown reason '{request.Reason}'.", request.Reason);
        }
        var currency = Currency.Of(invoice.Currency);
        var amount = currency.ToMinor(request.Amount, "amount");
        var open = await db.Installments.Where(i => i.CompanyId == company && i.InvoiceId == invoice.Id).SumAsync(i => i.OpenMinor, ct);
        var disputed = await db.Disputes.Where(d => d.CompanyId == company && d.InvoiceId == invoice.Id && d.Status == DisputeStatus.Open)
            .SumAsync(d => d.AmountMinor, ct);
        var room = Math.Max(0, open - disputed);
        if (amount <= 0 || amount > room)
        {
            throw new DomainRuleException("dispute.amount", "amount",
                $"The disputed amount must be more than zero and at most what is open and not yet disputed on the invoice ({currency.Format(room)}).",
                currency.Format(room));
        }
        var today = clock.Today;
        var owner = request.OwnerUserId is { } ownerId ? await OwnerAsync(ownerId, ct) : scope.UserId;
        var target = request.TargetDate ?? today.AddDays(DefaultTargetDays);
        CheckTarget(target, today);
        var dispute = new Dispute
        {
            CompanyId = company, CustomerId = invoice.CustomerId, Id = Ids.New(), InvoiceId = invoice.Id, InvoiceNumber = invoice.Number,
            Currency = currency.Code, AmountMinor = amount, Reason = request.Reason, Note = CreditFileAccess.Text(request.Note, "note", 2000),
            Status = DisputeStatus.Open, OpenedAt = clock.Now, OpenedBy = scope.Actor, OpenedOn = today, OwnerUserId = owner, TargetDate = target,
        };
        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);
        return (await ReadAsync(d => d.Id == dispute.Id, ct)).Single();
    }

    /// <summary>Those who may resolve a dispute change its owner and target date while it is open.</summary>
    public async Task<DisputeView> AssignAsync(Guid disputeId, AssignDispute request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireResolver();
        var dispute = await db.Disputes.SingleOrDefaultAsync(d => d.CompanyId == scope.CompanyId && d.Id == disputeId, ct)
            ?? throw new NotFoundException("Dispute", disputeId);
        if (dispute.Status != DisputeStatus.Open)
        {
            throw new ConflictException("dispute.closed", "The dispute is resolved already.");
        }
        if (request.OwnerUserId is { } ownerId)
        {
            dispute.OwnerUserId = await OwnerAsync(ownerId, ct);
        }
        if (request.TargetDate is { } target)
        {
            CheckTarget(target, dispute.OpenedOn);
            dispute.TargetDate = target;
        }
        await db.SaveChangesAsync(ct);
        return (await ReadAsync(d => d.Id == dispute.Id, ct)).Single();
    }

    public async Task<DisputeView> ResolveAsync(Guid disputeId, ResolveDispute request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireResolver();
        var dispute = await db.Disputes.SingleOrDefaultAsync(d => d.CompanyId == scope.CompanyId && d.Id == disputeId, ct)
            ?? throw new NotFoundException("Dispute", disputeId);
        var (status, kind) = request.Outcome switch
        {
            "accepted" or "creditNote" => (DisputeStatus.Accepted, "creditNote"),
            "reInvoice" => (DisputeStatus.Accepted, "reInvoice"),
            "rejected" => (DisputeStatus.Rejected, "rejected"),
            "settled" => (DisputeStatus.Settled, "settled"),
            _ => throw new DomainRuleException("dispute.outcome", "outcome",
                $"Unknown outcome '{request.Outcome}': creditNote, reInvoice, rejected or settled.", request.Outcome),
        };
        if (dispute.Status != DisputeStatus.Open)
        {
            throw new ConflictException("dispute.closed", "The dispute is resolved already.");
        }
        dispute.Status = status;
        dispute.ResolutionKind = kind;
        dispute.ResolvedOn = clock.Today;
        dispute.Resolution = CreditFileAccess.Required(request.Note, "note", 2000);
        dispute.ResolvedAt = clock.Now;
        dispute.ResolvedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return (await ReadAsync(d => d.Id == dispute.Id, ct)).Single();
    }

    private void RequireResolver()
    {
        if (!scope.Role.Allows(Permission.ManageCredit) && !scope.Role.Allows(Permission.PostLedger))
        {
            throw new ForbiddenException(nameof(Permission.ManageCredit));
        }
    }

    /// <summary>An owner is an active user of this company whose role runs collections or credit (not a salesperson).</summary>
    private async Task<Guid> OwnerAsync(Guid userId, CancellationToken ct)
    {
        var role = await db.Users.AsNoTracking().Where(u => u.CompanyId == scope.CompanyId && u.Id == userId && u.DisabledAt == null)
            .Select(u => (Role?)u.Role).SingleOrDefaultAsync(ct);
        if (role is not { } r || !(r.Allows(Permission.RunDunning) || r.Allows(Permission.ManageCredit)))
        {
            throw new DomainRuleException("dispute.owner", "ownerUserId",
                "The owner is a user of this company who works collections or credit.");
        }
        return userId;
    }

    private static void CheckTarget(DateOnly target, DateOnly openedOn)
    {
        if (target < openedOn || target > openedOn.AddDays(MaxTargetDays))
        {
            throw new DomainRuleException("dispute.targetDate", "targetDate",
                $"The target date is between the day the dispute was opened ({openedOn:yyyy-MM-dd}) and {MaxTargetDays} days after it.",
                openedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MaxTargetDays);
        }
    }

    public async Task<IReadOnlyList<DisputeView>> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await CreditFileAccess.RequireCustomerAsync(db, scope.CompanyId, customerId, ct);
        return await ReadAsync(d => d.CustomerId == customerId, ct);
    }

    /// <summary>The company's disputes, open ones first (oldest first), then the resolved ones, newest first.</summary>
    public Task<IReadOnlyList<DisputeView>> ListAsync(bool openOnly, CancellationToken ct) =>
        ReadAsync(d => !openOnly || d.Status == DisputeStatus.Open, ct);

    /// <summary>What the customer disputes and is still open, in <paramref name="currency"/>'s minor units.</summary>
    public Task<long> DisputedOpenMinorAsync(Guid customerId, string currency, CancellationToken ct) =>
        db.Disputes.Where(d => d.CompanyId == scope.CompanyId && d.CustomerId == customerId && d.Status == DisputeStatus.Open && d.Currency == currency)
            .SumAsync(d => d.AmountMinor, ct);

    /// <summary>The share (0–1) of the customer's open receivables in <paramref name="currency"/> under dispute; null when nothing is open.</summary>
    public async Task<decimal?> DisputedShareAsync(Guid customerId, string currency, CancellationToken ct)
    {
        var open = await db.Installments
            .Where(i => i.CompanyId == scope.CompanyId && i.CustomerId == customerId && i.Currency == currency && i.OpenMinor > 0)
            .SumAsync(i => i.OpenMinor, ct);
        if (open <= 0)
        {
            return null;
        }
        var disputed = await DisputedOpenMinorAsync(customerId, currency, ct);
        return Math.Min(1m, (decimal)disputed / open);
    }

    private async Task<IReadOnlyList<DisputeView>> ReadAsync(System.Linq.Expressions.Expression<Func<Dispute, bool>> which, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var rows = await db.Disputes.AsNoTracking().Where(d => d.CompanyId == company).Where(which)
            .Join(db.Customers, d => new { d.CompanyId, Id = d.CustomerId }, c => new { c.CompanyId, c.Id }, (d, c) => new { d, c.Name })
            // Open ones first so that they are all in the first thousand; ids are time-ordered (UUIDv7), newest first.
            .OrderBy(x => x.d.Status == DisputeStatus.Open ? 0 : 1).ThenByDescending(x => x.d.Id)
            .Take(1000)
            .ToListAsync(ct);
        var open = rows.Where(x => x.d.Status == DisputeStatus.Open).OrderBy(x => x.d.OpenedAt).ThenBy(x => x.d.Id);
        var closed = rows.Where(x => x.d.Status != DisputeStatus.Open).OrderByDescending(x => x.d.ResolvedAt).ThenByDescending(x => x.d.Id);
        var ownerIds = rows.Where(x => x.d.OwnerUserId != null).Select(x => x.d.OwnerUserId!.Value).Distinct().ToArray();
        var owners = await db.Users.AsNoTracking().Where(u => u.CompanyId == company && ownerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var today = clock.Today;
        return [.. open.Concat(closed).Select(x => View(x.d, x.Name, owners, today))];
    }

    private static DisputeView View(Dispute d, string customer, Dictionary<Guid, string> owners, DateOnly today)
    {
        var until = d.Status == DisputeStatus.Open ? today : d.ResolvedOn ?? today;
        return new(d.Id, d.CustomerId, customer, d.InvoiceId, d.InvoiceNumber, d.Currency, Currency.Of(d.Currency).ToMajor(d.AmountMinor), d.Reason,
            d.Note, d.Status.ToString().ToLowerInvariant(), d.OpenedAt, d.OpenedBy, d.ResolvedAt, d.ResolvedBy, d.Resolution, d.OwnerUserId,
            d.OwnerUserId is { } o ? owners.GetValueOrDefault(o) : null, d.TargetDate, d.ResolutionKind,
            Math.Max(0, until.DayNumber - d.OpenedOn.DayNumber), d.Status == DisputeStatus.Open && today > d.TargetDate);
    }
}
