using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

/// <summary>
/// Apply part of a receipt or credit note to one installment by hand. Across currencies <see cref="SourceAmount"/> is the
/// money taken from the source; <see cref="Amount"/> must be it times the rate used: <see cref="Rate"/> (units of the
/// invoice's currency per unit of the source's), by default the rate table's for the allocation date.
/// </summary>
public sealed record Allocate(Guid InstallmentId, decimal Amount, Guid? ReceiptId = null, Guid? CreditNoteId = null,
    decimal? SourceAmount = null, DateOnly? AppliedOn = null, decimal? Rate = null);

public sealed record AllocationView(Guid Id, string Kind, Guid InstallmentId, Guid? ReceiptId, Guid? CreditNoteId, decimal Amount,
    decimal SourceAmount, DateOnly AppliedOn, Guid? ReversesId, string? Reason, decimal InstallmentOpen, bool InstallmentPartial);

/// <summary>An allocation is applied at once, or (across currencies, at a rate outside the tolerance) waits for approval.</summary>
public sealed record AllocationOutcome(AllocationView? Allocation, ExchangeRates.ExchangeApprovalView? Approval);

public sealed class AllocateHandler(HuikuanDbContext db, Scope scope, LedgerWriter ledger, ExchangeRates.CrossCurrency cross)
{
    /// <summary>For pages without an exchange: a rate outside the tolerance is refused rather than left waiting.</summary>
    public async Task<AllocationView> HandleAsync(Allocate request, CancellationToken ct) =>
        (await ApplyAsync(request, allowApproval: false, ct)).Allocation!;

    public async Task<AllocationOutcome> ApplyAsync(Allocate request, bool allowApproval, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        if ((request.ReceiptId is null) == (request.CreditNoteId is null))
        {
            throw new DomainRuleException("allocation.source", "receiptId", "Give either receiptId or creditNoteId.");
        }
        var company = scope.CompanyId;
        var (allocationId, approvalId) = await Transactions.RunAsync(db, async token =>
        {
            var target = await db.Installments.AsNoTracking().SingleOrDefaultAsync(i => i.CompanyId == company && i.Id == request.InstallmentId, token)
                ?? throw new DomainRuleException("allocation.installment", "installmentId", "No such installment in this company.");
            var targetCurrency = Currency.Of(target.Currency);
            var amount = targetCurrency.ToMinor(request.Amount);
            AllocationRules.AmountMustBePositive(amount);

            MoneySource source;
            string sourceCurrency;
            Guid sourceCustomer;
            long unapplied;
            DateOnly sourceDate;
            if (request.ReceiptId is { } receiptId)
            {
                var r = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == receiptId, token)
                    ?? throw new DomainRuleException("allocation.receipt", "receiptId", "No such receipt in this company.");
                if (r.ReversalOfId is not null)
                {
                    throw new DomainRuleException("allocation.reversal", "receiptId", "A reversal row cannot be applied.");
                }
                (source, sourceCurrency, sourceCustomer, unapplied, sourceDate) = (MoneySource.FromReceipt(r.Id), r.Currency, r.CustomerId, r.UnappliedMinor, r.ReceivedOn);
            }
            else
            {
                var n = await db.Invoices.AsNoTracking()
                    .SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == request.CreditNoteId && x.Kind == DocumentKind.CreditNote, token)
                    ?? throw new DomainRuleException("allocation.creditNote", "creditNoteId", "No such credit note in this company.");
                (source, sourceCurrency, sourceCustomer, unapplied, sourceDate) = (MoneySource.FromCreditNote(n.Id), n.Currency, n.CustomerId, n.UnappliedMinor, n.InvoiceDate);
            }
            AllocationRules.MustStayWithinCompanyAndCustomer(company, target.CompanyId, sourceCustomer, target.CustomerId);
            var sourceAmount = AllocationRules.SourceAmount(sourceCurrency, target.Currency, amount,
                request.SourceAmount is { } sa ? Currency.Of(sourceCurrency).ToMinor(sa, "sourceAmount") : null);
            AllocationRules.MustNotExceedOpen(amount, target.OpenMinor, targetCurrency);
            AllocationRules.MustNotExceedUnapplied(sourceAmount, unapplied, Currency.Of(sourceCurrency));
            var earliest = sourceDate > target.InvoiceDate ? sourceDate : target.InvoiceDate;
            var on = BusinessDates.Optional(request.AppliedOn, "appliedOn") ?? earliest;
            if (on < earliest)
            {
                throw new DomainRuleException("allocation.date", "appliedOn", $"Money cannot be applied before {earliest:yyyy-MM-dd} (the later of the payment and invoice dates).", earliest);
            }
            ledger.MustNotBeInTheFuture(on, "appliedOn");
            if (sourceCurrency == target.Currency)
            {
                if (request.Rate is not null)
                {
                    throw new DomainRuleException("allocation.sameCurrency", "rate", "The receipt and the invoice are in the same currency; there is no rate.");
                }
                var same = await ledger.MoveAsync(source, target, amount, sourceAmount, on, null, null, token);
                await db.SaveChangesAsync(token);
                return ((Guid?)same.Id, (Guid?)null);
            }

            var exchange = await cross.PriceAsync(target, sourceCurrency, sourceDate, amount, sourceAmount, on, request.Rate, token);
            if (!exchange.WithinTolerance)
            {
                if (!allowApproval)
                {
                    throw new DomainRuleException("allocation.rateOutsideTolerance", "rate",
                        "The rate is further from the table's than the company allows; it needs a second person's approval.");
                }
                var approval = cross.Request(target, source, amount, sourceAmount, exchange, on);
                await db.SaveChangesAsync(token);
                return (null, approval.Id);
            }
            var allocation = await ledger.MoveAsync(source, target, amount, sourceAmount, on, null, null, token);
            cross.RecordDifference(allocation, exchange);
            await db.SaveChangesAsync(token);
            return (allocation.Id, null);
        }, ct);
        return allocationId is { } applied
            ? new AllocationOutcome(await AllocationQueries.GetAsync(db, company, applied, ct), null)
            : new AllocationOutcome(null, await cross.GetApprovalAsync(approvalId!.Value, ct));
    }
}

internal static class AllocationQueries
{
    public static async Task<AllocationView> GetAsync(HuikuanDbContext db, Guid company, Guid id, CancellationToken ct)
    {
        var row = await (
            from a in db.Allocations.AsNoTracking()
            where a.CompanyId == company && a.Id == id
            join i in db.Installments on new { a.CompanyId, Id = a.InstallmentId } equals new { i.CompanyId, i.Id }
            select new { a, i.OpenMinor, i.AmountMinor, i.Currency }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Allocation", id);
        var cur = Currency.Of(row.Currency);
        var sourceCurrency = row.a.ReceiptId is { } rid
            ? await db.Receipts.Where(r => r.CompanyId == company && r.Id == rid).Select(r => r.Currency).SingleAsync(ct)
            : row.a.CreditNoteId is { } nid ? await db.Invoices.Where(n => n.CompanyId == company && n.Id == nid).Select(n => n.Currency).SingleAsync(ct)
            : row.Currency;
        return new AllocationView(row.a.Id, row.a.Kind.ToString(), row.a.InstallmentId, row.a.ReceiptId, row.a.CreditNoteId,
            cur.ToMajor(row.a.AmountMinor), Currency.Of(sourceCurrency).ToMajor(row.a.SourceAmountMinor), row.a.AppliedOn, row.a.ReversesId,
            row.a.Reason, cur.ToMajor(row.OpenMinor), row.OpenMinor > 0 && row.OpenMinor < row.AmountMinor);
    }
}
