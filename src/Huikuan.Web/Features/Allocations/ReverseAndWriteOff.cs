using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

public sealed record ReverseAllocation(string Reason, DateOnly? Date = null);

/// <summary>Write off what remains of an installment (or part of it) with a reason; reversible like any allocation.</summary>
public sealed record WriteOff(Guid InstallmentId, string Reason, decimal? Amount = null, DateOnly? Date = null);

public sealed class ReverseAllocationHandler(HuikuanDbContext db, Scope scope, LedgerWriter ledger)
{
    public async Task<AllocationView> HandleAsync(Guid id, ReverseAllocation request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var reason = CompanyHandler.Required(request.Reason, "reason", 500);
        var reversalId = await Transactions.RunAsync(db, async token =>
        {
            var original = await db.Allocations.AsNoTracking().SingleOrDefaultAsync(a => a.CompanyId == company && a.Id == id, token)
                ?? throw new NotFoundException("Allocation", id);
            if (original.ReceiptId is { } rid && await db.Receipts.AnyAsync(r => r.CompanyId == company && r.ReversalOfId == rid, token))
            {
                throw new ConflictException("allocation.receiptReversed", "The receipt has been reversed; its allocations were reversed with it.");
            }
            if (original.CreditNoteId is { } nid
                && await db.Invoices.AnyAsync(n => n.CompanyId == company && n.Id == nid && n.ReversalOfId != null, token))
            {
                throw new ConflictException("allocation.invoiceReversal",
                    "This allocation is part of an invoice's reversal (红冲); a reversed invoice cannot be reopened piece by piece. Issue a new invoice instead.");
            }
            var on = BusinessDates.Optional(request.Date, "date") ?? ledger.Today;
            ledger.MustNotBeInTheFuture(on, "date");
            var reversal = await ledger.ReverseAsync(original, reason, on, token);
            await db.SaveChangesAsync(token);
            return reversal.Id;
        }, ct);
        return await AllocationQueries.GetAsync(db, company, reversalId, ct);
    }
}

public sealed class WriteOffHandler(HuikuanDbContext db, Scope scope, LedgerWriter ledger)
{
    public async Task<AllocationView> HandleAsync(WriteOff request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var reason = CompanyHandler.Required(request.Reason, "reason", 500);
        var id = await Transactions.RunAsync(db, async token =>
        {
            var target = await db.Installments.AsNoTracking().SingleOrDefaultAsync(i => i.CompanyId == company && i.Id == request.InstallmentId, token)
                ?? throw new DomainRuleException("writeOff.installment", "installmentId", "No such installment in this company.");
            var cur = Currency.Of(target.Currency);
            var amount = request.Amount is { } a ? cur.ToMinor(a) : target.OpenMinor;
            AllocationRules.AmountMustBePositive(amount);
            AllocationRules.MustNotExceedOpen(amount, target.OpenMinor, cur);
            var on = BusinessDates.Optional(request.Date, "date") ?? ledger.Today;
            if (on < target.InvoiceDate)
            {
                throw new DomainRuleException("writeOff.date", "date", "A write-off cannot be dated before the invoice.");
            }
            ledger.MustNotBeInTheFuture(on, "date");
            var allocation = await ledger.MoveAsync(MoneySource.WriteOff, target, amount, 0, on, reason, null, token);
            await db.SaveChangesAsync(token);
            return allocation.Id;
        }, ct);
        return await AllocationQueries.GetAsync(db, company, id, ct);
    }
}
