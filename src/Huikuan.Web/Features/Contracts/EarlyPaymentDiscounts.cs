using Huikuan.Domain.Ledger;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Allocations;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>
/// The early-payment discount a receipt earns (R7): when cash is applied to an installment of an invoice raised from a
/// contract with a discount clause, the receipt was received inside the window (day 10 of 2/10 net 30 yes, day 11
/// no), and what is left open is no more than the discount on the installment, the rest is settled by a
/// <see cref="AllocationKind.Discount"/> allocation on the same day. 10,000.00 paid 9,800.00 on day 10: 200.00
/// discount, nothing open. Paid 9,000.00: 1,000.00 stays open and no discount is given yet.
/// </summary>
internal static class EarlyPaymentDiscounts
{
    public const string Reason = "early-payment discount";

    /// <summary>
    /// Of the given invoices, those whose contract has an early-payment discount clause, with the clause: one query for a
    /// batch of payments (a bank statement's receipts, the items a statement is matched against).
    /// </summary>
    public static async Task<Dictionary<Guid, EarlyPaymentDiscount>> ClausesAsync(
        HuikuanDbContext db, Guid company, IEnumerable<Guid> invoiceIds, CancellationToken ct)
    {
        var clauses = new Dictionary<Guid, EarlyPaymentDiscount>();
        foreach (var chunk in invoiceIds.Distinct().Chunk(500))
        {
            var rows = await (
                from i in db.Invoices.AsNoTracking()
                where i.CompanyId == company && chunk.Contains(i.Id) && i.ContractId != null
                join c in db.Contracts on new { i.CompanyId, Id = i.ContractId!.Value } equals new { c.CompanyId, c.Id }
                where c.DiscountPercent != null
                select new { InvoiceId = i.Id, Contract = c }).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (ContractClauses.Discount(row.Contract) is { } discount)
                {
                    clauses[row.InvoiceId] = discount;
                }
            }
        }
        return clauses;
    }

    /// <summary>
    /// Of the given contracts, those with an early-payment discount clause, with the clause: for callers that already
    /// know each invoice's contract (the open items a statement is matched against), so that only the contracts are read.
    /// </summary>
    public static async Task<Dictionary<Guid, EarlyPaymentDiscount>> ClausesOfContractsAsync(
        HuikuanDbContext db, Guid company, IEnumerable<Guid> contractIds, CancellationToken ct)
    {
        var clauses = new Dictionary<Guid, EarlyPaymentDiscount>();
        foreach (var chunk in contractIds.Distinct().Chunk(500))
        {
            var contracts = await db.Contracts.AsNoTracking()
                .Where(c => c.CompanyId == company && chunk.Contains(c.Id) && c.DiscountPercent != null).ToListAsync(ct);
            foreach (var contract in contracts)
            {
                if (ContractClauses.Discount(contract) is { } discount)
                {
                    clauses[contract.Id] = discount;
                }
            }
        }
        return clauses;
    }

    public static async Task SettleAsync(HuikuanDbContext db, LedgerWriter ledger, Installment target, Guid receiptId, DateOnly appliedOn, CancellationToken ct)
    {
        var company = target.CompanyId;
        var clause = await (
            from i in db.Invoices.AsNoTracking()
            where i.CompanyId == company && i.Id == target.InvoiceId && i.ContractId != null
            join c in db.Contracts on new { i.CompanyId, Id = i.ContractId!.Value } equals new { c.CompanyId, c.Id }
            where c.DiscountPercent != null
            select c).SingleOrDefaultAsync(ct);
        if (clause is null || ContractClauses.Discount(clause) is not { } discount)
        {
            return;
        }
        var paidOn = await db.Receipts.AsNoTracking().Where(r => r.CompanyId == company && r.Id == receiptId).Select(r => r.ReceivedOn).SingleAsync(ct);
        var earned = discount.DiscountMinor(target.AmountMinor, target.InvoiceDate, paidOn);
        if (earned <= 0)
        {
            return;
        }
        var open = await db.Installments.AsNoTracking().Where(i => i.CompanyId == company && i.Id == target.Id).Select(i => i.OpenMinor).SingleAsync(ct);
        if (open > 0 && open <= earned)
        {
            await ledger.MoveAsync(MoneySource.Discount, target, open, 0, appliedOn, $"{Reason} {discount}", null, ct);
        }
    }

    /// <summary>
    /// A discount is earned by the payment: when cash applied to the installment is taken back, the discounts standing
    /// on it are reversed with it, so the installment is owed in full again.
    /// </summary>
    public static async Task UndoAsync(HuikuanDbContext db, LedgerWriter ledger, Installment target, string reason, DateOnly on, CancellationToken ct)
    {
        var company = target.CompanyId;
        var live = await db.Allocations.AsNoTracking()
            .Where(a => a.CompanyId == company && a.InstallmentId == target.Id && a.Kind == AllocationKind.Discount && a.ReversesId == null
                && !db.Allocations.Any(r => r.CompanyId == company && r.ReversesId == a.Id))
            .ToListAsync(ct);
        foreach (var discount in live)
        {
            await ledger.ReverseAsync(discount, reason, on, ct);
        }
    }
}
