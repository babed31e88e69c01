using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Credit;

/// <summary>A limit change asked for: a new limit in <see cref="Currency"/> (the customer's credit currency when omitted) or none.</summary>
public sealed record RequestCreditLimit(decimal? Limit, bool NoLimit, string? Currency, Guid? PaymentTermId, string Reason);

/// <summary>An approval or rejection: the note (why) is required and kept on the request and in the audit trail.</summary>
public sealed record DecideCreditLimit(string? Note);

/// <summary>
/// What the approver weighs a pending request against: the customer's credit now, in the credit currency: the limit
/// (null: none), the grade the check uses, the exposure, what is overdue and how many days the oldest item is.
/// </summary>
public sealed record CreditLimitContext(
    string Currency, decimal? CurrentLimit, string Grade, bool Graded, decimal Exposure, decimal Overdue, int OldestDaysOverdue);

/// <summary>A limit request; <see cref="Now"/> is filled for a pending one (what it would change), null once decided.</summary>
public sealed record CreditLimitRequestView(
    Guid Id, Guid CustomerId, string CustomerCode, string CustomerName, decimal? Limit, bool NoLimit, string Currency, Guid? PaymentTermId,
    string Reason, string Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote,
    CreditLimitContext? Now = null);

/// <summary>
/// Limit changes with two people (R3, R4): anyone who edits customers may request one (a salesperson for their own
/// customers only); a credit manager or admin who is not the requester approves or rejects it. Only the approval changes
/// the customer's credit row and, when the request names one, their default payment term. A decision needs a note.
/// Every row is audited. Pending requests are shown with the customer's credit now (<see cref="CreditLimitContext"/>).
/// </summary>
public sealed class CreditLimitRequestsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, CreditStandingHandler standing)
{
    public const string Pending = "Pending";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";

    public async Task<CreditLimitRequestView> RequestAsync(Guid customerId, RequestCreditLimit request, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        var row = await NewRequestAsync(customerId, request, null, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(row.Id, ct);
    }

    /// <summary>Validates and adds a pending request without saving (a completed review adds one in its own save).</summary>
    internal async Task<CreditLimitRequest> NewRequestAsync(Guid customerId, RequestCreditLimit request, Guid? reviewId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        // A salesperson's filter hides other owners' customers: theirs is then not found.
        var customer = await db.Customers.AsNoTracking().Where(c => c.CompanyId == company && c.Id == customerId)
            .Select(c => new { c.Currency }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        var credit = await db.CustomerCredit.AsNoTracking().Where(x => x.CompanyId == company && x.CustomerId == customerId)
            .Select(x => x.Currency).SingleOrDefaultAsync(ct);
        var currency = Currency.Of(request.Currency ?? credit ?? customer.Currency);
        long? limit = null;
        if (request.NoLimit)
        {
            if (request.Limit is not null)
            {
                throw new DomainRuleException("creditLimit.amount", "limit", "Give either a limit or \"no limit\", not both.");
            }
        }
        else
        {
            if (request.Limit is not { } amount || amount < 0)
            {
                throw new DomainRuleException("creditLimit.amount", "limit", "The limit must be 0 or more, or \"no limit\".");
            }
            limit = currency.ToMinor(amount, "limit");
        }
        if (request.PaymentTermId is { } pt && !await db.PaymentTerms.AnyAsync(t => t.CompanyId == company && t.Id == pt, ct))
        {
            throw new DomainRuleException("customer.paymentTerm", "paymentTermId", "No such payment term in this company.");
        }
        var reason = Companies.CompanyHandler.Required(request.Reason, "reason", 1000);
        if (await db.CreditLimitRequests.AnyAsync(r => r.CompanyId == company && r.CustomerId == customerId && r.Status == Pending, ct))
        {
            throw new ConflictException("creditLimit.pending", "A limit change for this customer is waiting for approval already.");
        }
        var row = new CreditLimitRequest
        {
            CompanyId = company, Id = Ids.New(), CustomerId = customerId, LimitMinor = limit, NoLimit = request.NoLimit,
            Currency = currency.Code, PaymentTermId = request.PaymentTermId, Reason = reason, Status = Pending, ReviewId = reviewId,
            RequestedBy = scope.Actor, RequestedByUserId = scope.UserId, RequestedAt = clock.Now,
        };
        db.CreditLimitRequests.Add(row);
        return row;
    }

    public Task<CreditLimitRequestView> ApproveAsync(Guid id, DecideCreditLimit request, CancellationToken ct) => DecideAsync(id, true, request, ct);

    public Task<CreditLimitRequestView> RejectAsync(Guid id, DecideCreditLimit request, CancellationToken ct) => DecideAsync(id, false, request, ct);

    private async Task<CreditLimitRequestView> DecideAsync(Guid id, bool approve, DecideCreditLimit request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var company = scope.CompanyId;
        var note = Companies.CompanyHandler.Optional(request?.Note, "note", 1000)
            ?? throw new DomainRuleException("creditLimit.note", "note", "Write a note saying why the limit change is approved or rejected.");
        await Transactions.RunAsync(db, async ct =>
        {
            var row = await db.CreditLimitRequests.SingleOrDefaultAsync(r => r.CompanyId == company && r.Id == id, ct)
                ?? throw new NotFoundException("CreditLimitRequest", id);
            if (row.Status != Pending)
            {
                throw new ConflictException("creditLimit.decided", "This limit change was decided already.");
            }
            var same = row.RequestedByUserId is { } requester && scope.UserId is { } me
                ? requester == me
                : string.Equals(row.RequestedBy, scope.Actor, StringComparison.OrdinalIgnoreCase);
            if (same)
            {
                throw new ConflictException("creditLimit.ownRequest", "A limit change is approved or rejected by someone other than the person who requested it.");
            }
            row.Status = approve ? Approved : Rejected;
            row.DecidedBy = scope.Actor;
            row.DecidedByUserId = scope.UserId;
            row.DecidedAt = clock.Now;
            row.DecisionNote = note;
            if (approve)
            {
                await ApplyAsync(row, ct);
            }
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);
        return await GetAsync(id, ct);
    }

    private async Task ApplyAsync(CreditLimitRequest row, CancellationToken ct)
    {
        var credit = await db.CustomerCredit.SingleOrDefaultAsync(x => x.CompanyId == row.CompanyId && x.CustomerId == row.CustomerId, ct);
        if (credit is null)
        {
            credit = new CustomerCredit { CompanyId = row.CompanyId, CustomerId = row.CustomerId, Currency = row.Currency, UpdatedBy = scope.Actor };
            db.CustomerCredit.Add(credit);
        }
        credit.LimitMinor = row.NoLimit ? null : row.LimitMinor;
        credit.Currency = row.Currency;
        credit.UpdatedAt = clock.Now;
        credit.UpdatedBy = scope.Actor;
        if (row.PaymentTermId is { } term)
        {
            var customer = await db.Customers.SingleAsync(c => c.CompanyId == row.CompanyId && c.Id == row.CustomerId, ct);
            customer.PaymentTermId = term;
        }
    }

    public async Task<CreditLimitRequestView> GetAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(null, null, id, ct)).SingleOrDefault() ?? throw new NotFoundException("CreditLimitRequest", id);

    /// <summary>Requests, newest first: all of a customer's, or company-wide by status (the pending ones for the credit desk).</summary>
    public async Task<IReadOnlyList<CreditLimitRequestView>> ListAsync(Guid? customerId, string? status, Guid? id, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var q = db.CreditLimitRequests.AsNoTracking().Where(r => r.CompanyId == company);
        if (customerId is { } c) { q = q.Where(r => r.CustomerId == c); }
        if (status is not null) { q = q.Where(r => r.Status == status); }
        if (id is { } one) { q = q.Where(r => r.Id == one); }
        var rows = await q
            .Join(db.Customers, r => new { r.CompanyId, Id = r.CustomerId }, c => new { c.CompanyId, c.Id }, (r, c) => new { r, c.Code, c.Name })
            .OrderByDescending(x => x.r.RequestedAt).Take(500).ToListAsync(ct);
        var result = new List<CreditLimitRequestView>(rows.Count);
        foreach (var x in rows)
        {
            result.Add(new CreditLimitRequestView(x.r.Id, x.r.CustomerId, x.Code, x.Name,
                x.r.LimitMinor is { } l ? Currency.Of(x.r.Currency).ToMajor(l) : null, x.r.NoLimit, x.r.Currency, x.r.PaymentTermId, x.r.Reason,
                x.r.Status, x.r.RequestedBy, x.r.RequestedAt, x.r.DecidedBy, x.r.DecidedAt, x.r.DecisionNote,
                x.r.Status == Pending ? await ContextAsync(x.r.CustomerId, ct) : null));
        }
        return result;
    }

    /// <summary>One pending request is one customer: a handful of them at a time, each read as the credit check reads it.</summary>
    private async Task<CreditLimitContext> ContextAsync(Guid customerId, CancellationToken ct)
    {
        var s = await standing.ReadAsync(customerId, ct);
        var company = scope.CompanyId;
        var today = clock.Today;
        var overdue = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && i.CustomerId == customerId && i.OpenMinor > 0 && i.Currency == s.Currency && i.DueDate < today)
            .SumAsync(i => i.OpenMinor, ct);
        var c = Currency.Of(s.Currency);
        return new CreditLimitContext(s.Currency, s.LimitMinor is { } limit ? c.ToMajor(limit) : null, s.Grade.ToString(), s.Graded,
            c.ToMajor(s.Exposure.TotalMinor), c.ToMajor(overdue), s.OldestDaysOverdue);
    }
}

/// <summary>A financial or external rating entered by hand (R2): 0–100, where it comes from and the day it was given; null clears it.</summary>
public sealed record SetManualRating(int? Rating, string? Source, DateOnly? RatedOn);

public sealed class SetManualRatingHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<SetManualRating> HandleAsync(Guid customerId, SetManualRating request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Rating is < 0 or > 100)
        {
            throw new DomainRuleException("creditRating.range", "rating", "The manual rating must be between 0 and 100.");
        }
        var company = scope.CompanyId;
        var currency = await db.Customers.Where(c => c.CompanyId == company && c.Id == customerId).Select(c => c.Currency)
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Customer", customerId);
        var credit = await db.CustomerCredit.SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId, ct);
        if (credit is null)
        {
            credit = new CustomerCredit { CompanyId = company, CustomerId = customerId, Currency = currency, UpdatedBy = scope.Actor };
            db.CustomerCredit.Add(credit);
        }
        credit.ManualRating = request.Rating;
        credit.ManualRatingSource = request.Rating is null ? null : Companies.CompanyHandler.Optional(request.Source, "source", 200);
        credit.ManualRatingOn = request.Rating is null ? null : BusinessDates.Optional(request.RatedOn, "ratedOn") ?? clock.Today;
        credit.UpdatedAt = clock.Now;
        credit.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return new SetManualRating(credit.ManualRating, credit.ManualRatingSource, credit.ManualRatingOn);
    }
}
