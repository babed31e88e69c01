using Huikuan.Domain.Dunning;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Charges;

/// <summary>What late interest on an item needs, and what earlier letters charged and waivers took off it.</summary>
public sealed record ItemInterest(InterestBasis Basis, long WaivedMinor);

/// <summary>
/// Reads, for the items a dunning run writes to, what late interest needs (R7): the installment's amount and due
/// date, what was applied to it and when, the interest clause — the invoice's contract's, else the company's
/// default — and the interest already charged and waived, in a few set queries per 2,000 items.
/// </summary>
internal static class InterestBases
{
    public static async Task<IReadOnlyDictionary<Guid, ItemInterest>> ForItemsAsync(
        HuikuanDbContext db, Guid company, IReadOnlyCollection<Guid> installmentIds, LateInterest? companyDefault, CancellationToken ct)
    {
        var result = new Dictionary<Guid, ItemInterest>(installmentIds.Count);
        var clauses = (await db.Contracts.AsNoTracking()
                .Where(c => c.CompanyId == company && (c.InterestDailyRatePercent != null || c.InterestYearlyRatePercent != null)).ToListAsync(ct))
            .ToDictionary(c => c.Id, ContractClauses.Interest);
        if (companyDefault is null && clauses.Count == 0)
        {
            return result;
        }
        foreach (var chunk in installmentIds.Chunk(2_000))
        {
            var items = await (
                from i in db.Installments.AsNoTracking()
                where i.CompanyId == company && chunk.Contains(i.Id)
                join inv in db.Invoices on new { i.CompanyId, Id = i.InvoiceId } equals new { inv.CompanyId, inv.Id }
                select new { i.Id, i.InvoiceId, i.AmountMinor, i.DueDate, inv.ContractId }).ToListAsync(ct);
            var payments = (await db.Allocations.AsNoTracking().Where(a => a.CompanyId == company && chunk.Contains(a.InstallmentId))
                    .Select(a => new { a.InstallmentId, a.AppliedOn, a.AmountMinor }).ToListAsync(ct))
                .ToLookup(a => a.InstallmentId, a => new Payment(a.AppliedOn, a.AmountMinor));
            var charged = await db.DunningCharges.AsNoTracking()
                .Where(c => c.CompanyId == company && c.Kind == ChargeKind.Interest && c.InstallmentId != null && chunk.Contains(c.InstallmentId.Value))
                .GroupBy(c => c.InstallmentId!.Value).Select(g => new { Id = g.Key, Minor = g.Sum(c => c.AmountMinor) })
                .ToDictionaryAsync(x => x.Id, x => x.Minor, ct);
            var waived = await (
                from w in db.ChargeWaivers.AsNoTracking()
                where w.CompanyId == company && w.Status == WaiverStatus.Approved
                join c in db.DunningCharges on new { w.CompanyId, Id = w.ChargeId } equals new { c.CompanyId, c.Id }
                where c.InstallmentId != null && chunk.Contains(c.InstallmentId.Value)
                group w by c.InstallmentId!.Value into g
                select new { Id = g.Key, Minor = g.Sum(w => w.AmountMinor) }).ToDictionaryAsync(x => x.Id, x => x.Minor, ct);
            var pauses = await PausesAsync(db, company, [.. items.Select(i => i.InvoiceId).Distinct()], ct);
            foreach (var i in items)
            {
                var clause = i.ContractId is { } contract && clauses.TryGetValue(contract, out var c) ? c : companyDefault;
                result[i.Id] = new ItemInterest(
                    new InterestBasis(i.AmountMinor, i.DueDate, [.. payments[i.Id]], clause, charged.GetValueOrDefault(i.Id),
                        pauses.GetValueOrDefault(i.Id)), waived.GetValueOrDefault(i.Id));
            }
        }
        return result;
    }

    /// <summary>
    /// The parts of the invoices' installments that disputes, open or resolved, kept from bearing interest
    /// (<see cref="DisputePauses"/>): every installment of a disputed invoice is read, as a dispute covers the oldest first.
    /// </summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<InterestPause>>> PausesAsync(
        HuikuanDbContext db, Guid company, Guid[] invoiceIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, IReadOnlyList<InterestPause>>();
        var disputes = (await db.Disputes.AsNoTracking()
                .Where(d => d.CompanyId == company && invoiceIds.Contains(d.InvoiceId))
                .Select(d => new { d.InvoiceId, d.AmountMinor, d.OpenedOn, d.ResolvedOn, d.Status }).ToListAsync(ct))
            .ToLookup(d => d.InvoiceId, d => new PausingDispute(d.AmountMinor, d.OpenedOn, d.Status == DisputeStatus.Open ? null : d.ResolvedOn ?? d.OpenedOn));
        var disputed = disputes.Select(g => g.Key).ToArray();
        if (disputed.Length == 0)
        {
            return result;
        }
        var installments = await db.Installments.AsNoTracking()
            .Where(i => i.CompanyId == company && disputed.Contains(i.InvoiceId))
            .Select(i => new { i.Id, i.InvoiceId, i.DueDate, i.AmountMinor }).ToListAsync(ct);
        var ids = installments.Select(i => i.Id).ToArray();
        var payments = (await db.Allocations.AsNoTracking().Where(a => a.CompanyId == company && ids.Contains(a.InstallmentId))
                .Select(a => new { a.InstallmentId, a.AppliedOn, a.AmountMinor }).ToListAsync(ct))
            .ToLookup(a => a.InstallmentId, a => new Payment(a.AppliedOn, a.AmountMinor));
        foreach (var invoice in installments.GroupBy(i => i.InvoiceId))
        {
            var items = invoice.Select(i => new PausedItem(i.Id, i.DueDate, i.AmountMinor, [.. payments[i.Id]])).ToList();
            foreach (var (id, list) in DisputePauses.Cover(items, disputes[invoice.Key]))
            {
                result[id] = list;
            }
        }
        return result;
    }
}
