using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.ExchangeRates;

/// <summary>
/// What a cross-currency allocation is worth: the rate used and the table's (units of the invoice's currency per unit
/// of the source's), whether they are close enough, and the realised difference in the company's currency.
/// </summary>
public sealed record ExchangePrice(decimal Rate, decimal TableRate, bool WithinTolerance, string CompanyCurrency, long DifferenceMinor);

public sealed record ExchangeApprovalView(
    Guid Id, Guid CustomerId, Guid InstallmentId, Guid? ReceiptId, Guid? CreditNoteId, decimal Amount, string Currency, decimal SourceAmount,
    string SourceCurrency, decimal Rate, decimal TableRate, DateOnly AppliedOn, string Status, DateTimeOffset RequestedAt, string RequestedBy,
    DateTimeOffset? DecidedAt, string? DecidedBy, Guid? AllocationId, string CustomerName, Guid InvoiceId, string InvoiceNumber,
    int InstallmentSequence, string SourceNumber, decimal DeviationPercent, string? RejectionReason);

/// <summary>A decision on a cross-currency allocation waiting for approval; a rejection says why.</summary>
public sealed record DecideExchangeApproval(string? Reason = null);

/// <summary>
/// Cross-currency application. The amount applied in the invoice's currency must be the source amount times the rate
/// used; the rate must be within the company's tolerance of the table's rate for the allocation date, or the allocation
/// waits for a second person (<see cref="ExchangeApprovalsHandler"/>). Each applied one records its realised exchange
/// difference (汇兑损益) as an <see cref="ExchangeDifference"/> row.
/// </summary>
public sealed class CrossCurrency(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<ExchangePrice> PriceAsync(
        Installment target, string sourceCurrency, DateOnly sourceDate, long amountMinor, long sourceAmountMinor, DateOnly on, decimal? rate,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == scope.CompanyId, ct);
        var (source, invoice, home) = (Currency.Of(sourceCurrency), Currency.Of(target.Currency), Currency.Of(company.BaseCurrency));
        var tableRate = Exchange.Cross(
            await RateTable.RequireAsync(db, company, source.Code, on, "rate", ct), await RateTable.RequireAsync(db, company, invoice.Code, on, "rate", ct));
        if (rate is { } given)
        {
            Exchange.ToScaled(given, "rate");
        }
        var used = rate ?? tableRate;
        Exchange.AmountMustMatchRate(amountMinor, sourceAmountMinor, source, invoice, used);
        var tolerance = company.ExchangeToleranceBasisPoints ?? Exchange.DefaultToleranceBasisPoints;

        // What the invoice was booked at (its day's table rate) and what the money was worth the day it came in.
        var booked = Exchange.Convert(amountMinor, invoice, home,
            Exchange.FromScaled(await RateTable.RequireAsync(db, company, invoice.Code, target.InvoiceDate, "installmentId", ct)));
        var received = Exchange.Convert(sourceAmountMinor, source, home,
            Exchange.FromScaled(await RateTable.RequireAsync(db, company, source.Code, sourceDate, "rate", ct)));
        return new ExchangePrice(used, tableRate, Exchange.WithinTolerance(used, tableRate, tolerance), home.Code, received - booked);
    }

    /// <summary>Adds the difference row of an allocation just applied; the caller's transaction saves it.</summary>
    public void RecordDifference(Allocation allocation, ExchangePrice price)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(price);
        db.ExchangeDifferences.Add(new ExchangeDifference
        {
            CompanyId = allocation.CompanyId, Id = Ids.New(), AllocationId = allocation.Id, CustomerId = allocation.CustomerId,
            ReceiptId = allocation.ReceiptId, Currency = price.CompanyCurrency, AmountMinor = price.DifferenceMinor, On = allocation.AppliedOn,
            CreatedAt = clock.Now,
        });
    }

    /// <summary>Keeps an allocation at a rate outside the tolerance for someone else to approve; nothing moves yet.</summary>
    public ExchangeApproval Request(Installment target, MoneySource source, long amountMinor, long sourceAmountMinor, ExchangePrice price, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(price);
        var approval = new ExchangeApproval
        {
            CompanyId = target.CompanyId, Id = Ids.New(), CustomerId = target.CustomerId, InstallmentId = target.Id, ReceiptId = source.ReceiptId,
            CreditNoteId = source.CreditNoteId, AmountMinor = amountMinor, SourceAmountMinor = sourceAmountMinor,
            RateScaled = Exchange.ToScaled(price.Rate, "rate"),
            TableRateScaled = (long)decimal.Round(price.TableRate * Exchange.Scale, 0, MidpointRounding.AwayFromZero),
            AppliedOn = on, Status = ExchangeApprovalStatus.Pending, RequestedAt = clock.Now, RequestedBy = scope.Actor,
        };
        db.ExchangeApprovals.Add(approval);
        return approval;
    }

    public async Task<ExchangeApprovalView> GetApprovalAsync(Guid id, CancellationToken ct)
    {
        var a = await db.ExchangeApprovals.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == scope.CompanyId && x.Id == id, ct)
            ?? throw new NotFoundException("ExchangeApproval", id);
        return await ViewAsync(a, ct);
    }

    internal async Task<ExchangeApprovalView> ViewAsync(ExchangeApproval a, CancellationToken ct)
    {
        var target = await (
            from i in db.Installments
            where i.CompanyId == a.CompanyId && i.Id == a.InstallmentId
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            join c in db.Customers on new { i.CompanyId, Id = i.CustomerId } equals new { c.CompanyId, c.Id }
            select new { i.Currency, i.InvoiceId, inv.Number, i.Sequence, c.Name }).SingleAsync(ct);
        var source = a.ReceiptId is { } rid
            ? await db.Receipts.Where(r => r.CompanyId == a.CompanyId && r.Id == rid).Select(r => new { r.Currency, r.Number }).SingleAsync(ct)
            : await db.Invoices.Where(n => n.CompanyId == a.CompanyId && n.Id == a.CreditNoteId).Select(n => new { n.Currency, n.Number }).SingleAsync(ct);
        var (rate, table) = (Exchange.FromScaled(a.RateScaled), Exchange.FromScaled(a.TableRateScaled));
        var deviation = table == 0 ? 0 : decimal.Round((rate - table) * 100m / table, 2, MidpointRounding.AwayFromZero);
        return new ExchangeApprovalView(a.Id, a.CustomerId, a.InstallmentId, a.ReceiptId, a.CreditNoteId, Currency.Of(target.Currency).ToMajor(a.AmountMinor),
            target.Currency, Currency.Of(source.Currency).ToMajor(a.SourceAmountMinor), source.Currency, rate, table, a.AppliedOn, a.Status.ToString(),
            a.RequestedAt, a.RequestedBy, a.DecidedAt, a.DecidedBy, a.AllocationId, target.Name, target.InvoiceId, target.Number, target.Sequence,
            source.Number, deviation, a.RejectionReason);
    }
}

/// <summary>
/// Cross-currency allocations waiting for a second person: a credit manager, accountant or admin other than the one who
/// asked approves (the allocation is applied then, with the stored amounts, rate and date) or rejects it.
/// </summary>
public sealed class ExchangeApprovalsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, LedgerWriter ledger, CrossCurrency cross)
{
    public const int MaxReasonLength = 500;

    public async Task<IReadOnlyList<ExchangeApprovalView>> ListAsync(bool pendingOnly, CancellationToken ct)
    {
        var query = db.ExchangeApprovals.AsNoTracking().Where(a => a.CompanyId == scope.CompanyId);
        if (pendingOnly)
        {
            query = query.Where(a => a.Status == ExchangeApprovalStatus.Pending);
        }
        var rows = await query.OrderByDescending(a => a.RequestedAt).Take(500).ToListAsync(ct);
        var views = new List<ExchangeApprovalView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await cross.ViewAsync(row, ct));
        }
        return views;
    }

    public Task<ExchangeApprovalView> ApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, ExchangeApprovalStatus.Approved, null, ct);

    /// <summary>A rejection names its reason (at most <see cref="MaxReasonLength"/> characters): the one who asked reads it.</summary>
    public Task<ExchangeApprovalView> RejectAsync(Guid id, DecideExchangeApproval request, CancellationToken ct)
    {
        scope.Require(Permission.ApproveExchange);
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            throw new DomainRuleException("exchangeApproval.reason", "reason",
                $"Say why the allocation is rejected, in at most {MaxReasonLength} characters.", MaxReasonLength);
        }
        return DecideAsync(id, ExchangeApprovalStatus.Rejected, reason, ct);
    }

    private async Task<ExchangeApprovalView> DecideAsync(Guid id, ExchangeApprovalStatus decision, string? reason, CancellationToken ct)
    {
        scope.Require(Permission.ApproveExchange);
        var company = scope.CompanyId;
        await Transactions.RunAsync(db, async token =>
        {
            var approval = await db.ExchangeApprovals.AsNoTracking().SingleOrDefaultAsync(a => a.CompanyId == company && a.Id == id, token)
                ?? throw new NotFoundException("ExchangeApproval", id);
            if (string.Equals(approval.RequestedBy, scope.Actor, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConflictException("exchangeApproval.ownRequest", "You asked for this allocation; someone else must approve or reject it.");
            }
            // Only one decision: the update finds the row still pending or changes nothing.
            var now = clock.Now;
            var decided = await db.ExchangeApprovals
                .Where(a => a.CompanyId == company && a.Id == id && a.Status == ExchangeApprovalStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, decision).SetProperty(a => a.DecidedAt, now).SetProperty(a => a.DecidedBy, scope.Actor)
                    .SetProperty(a => a.RejectionReason, reason), token);
            if (decided == 0)
            {
                throw new ConflictException("exchangeApproval.decided", "This allocation has already been approved or rejected.");
            }
            if (decision == ExchangeApprovalStatus.Approved)
            {
                var allocationId = await ApplyAsync(approval, token);
                await db.ExchangeApprovals.Where(a => a.CompanyId == company && a.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.AllocationId, allocationId), token);
            }
            return 0;
        }, ct);
        return await cross.GetApprovalAsync(id, ct);
    }

    /// <summary>Applies what was asked, as it was asked; what changed since (open, unapplied, the rates) is checked again.</summary>
    private async Task<Guid> ApplyAsync(ExchangeApproval approval, CancellationToken ct)
    {
        var company = approval.CompanyId;
        var target = await db.Installments.AsNoTracking().SingleAsync(i => i.CompanyId == company && i.Id == approval.InstallmentId, ct);
        MoneySource source;
        string sourceCurrency;
        DateOnly sourceDate;
        if (approval.ReceiptId is { } receiptId)
        {
            var r = await db.Receipts.AsNoTracking().SingleAsync(x => x.CompanyId == company && x.Id == receiptId, ct);
            (source, sourceCurrency, sourceDate) = (MoneySource.FromReceipt(receiptId), r.Currency, r.ReceivedOn);
        }
        else
        {
            var n = await db.Invoices.AsNoTracking().SingleAsync(x => x.CompanyId == company && x.Id == approval.CreditNoteId, ct);
            (source, sourceCurrency, sourceDate) = (MoneySource.FromCreditNote(n.Id), n.Currency, n.InvoiceDate);
        }
        var price = await cross.PriceAsync(target, sourceCurrency, sourceDate, approval.AmountMinor, approval.SourceAmountMinor, approval.AppliedOn,
            Exchange.FromScaled(approval.RateScaled), ct);
        var allocation = await ledger.MoveAsync(source, target, approval.AmountMinor, approval.SourceAmountMinor, approval.AppliedOn,
            "Exchange approved", null, ct);
        cross.RecordDifference(allocation, price);
        await db.SaveChangesAsync(ct);
        return allocation.Id;
    }
}
