using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.CashApplication;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Allocations;

public sealed record Suggestion(
    Guid InstallmentId, Guid InvoiceId, string InvoiceNumber, DateOnly DueDate, decimal Open, decimal Amount, string Reason, bool LeavesPartial);

/// <summary>
/// Automatic cash application (自动核销): the invoices named in the payer's reference first, then
/// oldest due first. The same proposal is shown as suggestions before anything is applied.
/// </summary>
public sealed class AutoApplyHandler(HuikuanDbContext db, Scope scope, LedgerWriter ledger, BusinessClock clock)
{
    public async Task<IReadOnlyList<Suggestion>> SuggestForReceiptAsync(Guid receiptId, CancellationToken ct)
    {
        var receipt = await LoadReceiptAsync(receiptId, ct);
        var items = await OpenItemsAsync(receipt.CustomerId, receipt.Currency, ct);
        var cur = Currency.Of(receipt.Currency);
        return AutoApplication.Propose(receipt.UnappliedMinor, receipt.PayerReference, items.Select(i => i.Item).ToList())
            .Select(p =>
            {
                var row = items.Single(i => i.Item.InstallmentId == p.InstallmentId);
                return new Suggestion(p.InstallmentId, row.InvoiceId, row.Item.InvoiceNumber, row.Item.DueDate, cur.ToMajor(row.Item.OpenMinor),
                    cur.ToMajor(p.AmountMinor), p.Reason == MatchReason.Reference ? "reference" : "oldestDue", p.LeavesPartial);
            }).ToList();
    }

    public async Task ApplyReceiptAsync(Guid receiptId, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        await Transactions.RunAsync(db, async token =>
        {
            var receipt = await LoadReceiptAsync(receiptId, token);
            await ApplyReceiptAsync(receipt, token);
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
    }

    /// <summary>Applies what is unapplied on the receipt; the caller's transaction saves.</summary>
    public async Task ApplyReceiptAsync(Receipt receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.ReversalOfId is not null || receipt.UnappliedMinor <= 0)
        {
            return;
        }
        var items = await OpenItemsAsync(receipt.CustomerId, receipt.Currency, ct);
        var proposal = AutoApplication.Propose(receipt.UnappliedMinor, receipt.PayerReference, items.Select(i => i.Item).ToList());
        foreach (var p in proposal)
        {
            var row = items.Single(i => i.Item.InstallmentId == p.InstallmentId);
            var on = receipt.ReceivedOn < row.InvoiceDate ? row.InvoiceDate : receipt.ReceivedOn;
            await ledger.MoveAsync(MoneySource.FromReceipt(receipt.Id), row.Installment, p.AmountMinor, p.AmountMinor, on, null, null, ct);
        }
    }

    private async Task<Receipt> LoadReceiptAsync(Guid id, CancellationToken ct) =>
        await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.CompanyId == scope.CompanyId && r.Id == id, ct)
        ?? throw new NotFoundException("Receipt", id);

    private async Task<List<(OpenItem Item, Guid InvoiceId, DateOnly InvoiceDate, Installment Installment)>> OpenItemsAsync(
        Guid customerId, string currency, CancellationToken ct)
    {
        var company = scope.CompanyId;
        // An invoice dated after today cannot take money yet: the allocation would be dated in the future.
        var today = clock.Today;
        var rows = await (
            from i in db.Installments.AsNoTracking()
            where i.CompanyId == company && i.CustomerId == customerId && i.Currency == currency && i.OpenMinor != 0 && i.InvoiceDate <= today
            join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
            select new { Installment = i, inv.Number })
            .ToListAsync(ct);
        return rows.Select(r => (new OpenItem(r.Installment.Id, r.Number, r.Installment.DueDate, r.Installment.Sequence, r.Installment.OpenMinor),
            r.Installment.InvoiceId, r.Installment.InvoiceDate, r.Installment)).ToList();
    }
}
