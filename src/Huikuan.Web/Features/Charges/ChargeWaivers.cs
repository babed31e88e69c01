using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Dunning;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.CreditFile;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Charges;

public sealed record RequestWaiver(decimal Amount, string? Reason);

public sealed record DecideWaiver(string? Note);

/// <summary>
/// Waivers of interest and fees (R7): a collector or accountant asks to waive part or all of a charge, with a reason;
/// a credit manager or admin other than the one who asked approves or rejects it. Only an approved waiver takes the
/// charge down; the charge itself is never changed, and neither is a decided waiver.
/// </summary>
public sealed class ChargeWaiversHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<WaiverView> RequestAsync(Guid chargeId, RequestWaiver request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        return await Transactions.RunAsync(db, async c =>
        {
            var charge = await db.DunningCharges.AsNoTracking().SingleOrDefaultAsync(x => x.CompanyId == company && x.Id == chargeId, c)
                ?? throw new NotFoundException("DunningCharge", chargeId);
            await CreditFileAccess.RequireCustomerAsync(db, company, charge.CustomerId, c);
            var money = Currency.Of(charge.Currency);
            var amount = money.ToMinor(request.Amount, "amount");
            var taken = await db.ChargeWaivers.Where(w => w.CompanyId == company && w.ChargeId == chargeId && w.Status != WaiverStatus.Rejected)
                .SumAsync(w => (long?)w.AmountMinor, c) ?? 0;
            var reason = CreditFileAccess.Text(request.Reason, "reason", 500) ?? "";
            DunningCharges.CheckWaiverRequest(amount, charge.AmountMinor, taken, charge.Currency, reason);
            var waiver = new ChargeWaiver
            {
                CompanyId = company, Id = Ids.New(), ChargeId = chargeId, CustomerId = charge.CustomerId, Currency = charge.Currency, AmountMinor = amount,
                Reason = reason, Status = WaiverStatus.Requested, RequestedAt = clock.Now, RequestedBy = scope.Actor,
            };
            db.ChargeWaivers.Add(waiver);
            await db.SaveChangesAsync(c);
            return await ViewAsync(waiver, charge, c);
        }, ct);
    }

    public Task<WaiverView> ApproveAsync(Guid waiverId, DecideWaiver request, CancellationToken ct) => DecideAsync(waiverId, WaiverStatus.Approved, request, ct);

    public Task<WaiverView> RejectAsync(Guid waiverId, DecideWaiver request, CancellationToken ct) => DecideAsync(waiverId, WaiverStatus.Rejected, request, ct);

    /// <summary>Waivers awaiting a decision (or all, newest first), for those who decide them.</summary>
    public async Task<IReadOnlyList<WaiverView>> ListAsync(string? status, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var query = db.ChargeWaivers.AsNoTracking().Where(w => w.CompanyId == company);
        if (status is { Length: > 0 })
        {
            var s = Enum.TryParse<WaiverStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new DomainRuleException("charges.waiver.status", "status", $"Unknown waiver status '{status}'.", status);
            query = query.Where(w => w.Status == s);
        }
        var rows = await (
            from w in query
            join k in db.Customers on new { w.CompanyId, Id = w.CustomerId } equals new { k.CompanyId, k.Id }
            join c in db.DunningCharges on new { w.CompanyId, Id = w.ChargeId } equals new { c.CompanyId, c.Id }
            orderby w.RequestedAt descending, w.Id descending
            select new { W = w, k.Name, C = c }).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => View(r.W, r.Name, r.C))];
    }

    private async Task<WaiverView> DecideAsync(Guid waiverId, WaiverStatus decision, DecideWaiver request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.WaiveCharges);
        var company = scope.CompanyId;
        return await Transactions.RunAsync(db, async c =>
        {
            var waiver = await db.ChargeWaivers.SingleOrDefaultAsync(w => w.CompanyId == company && w.Id == waiverId, c)
                ?? throw new NotFoundException("ChargeWaiver", waiverId);
            if (waiver.Status != WaiverStatus.Requested)
            {
                throw new ConflictException("charges.waiver.decided", $"This waiver was already {waiver.Status.ToString().ToLowerInvariant()}.",
                    waiver.Status.ToString());
            }
            DunningCharges.CheckDecision(waiver.RequestedBy, scope.Actor);
            var note = CreditFileAccess.Text(request.Note, "note", 500);
            waiver.Status = decision;
            waiver.DecidedAt = clock.Now;
            waiver.DecidedBy = scope.Actor;
            waiver.DecisionNote = note;
            await db.SaveChangesAsync(c);
            var charge = await db.DunningCharges.AsNoTracking().SingleAsync(x => x.CompanyId == company && x.Id == waiver.ChargeId, c);
            return await ViewAsync(waiver, charge, c);
        }, ct);
    }

    private async Task<WaiverView> ViewAsync(ChargeWaiver waiver, DunningCharge charge, CancellationToken ct)
    {
        var name = await db.Customers.AsNoTracking().Where(k => k.CompanyId == waiver.CompanyId && k.Id == waiver.CustomerId).Select(k => k.Name).SingleAsync(ct);
        return View(waiver, name, charge);
    }

    internal static WaiverView View(ChargeWaiver w, string customerName, DunningCharge? charge)
    {
        var money = Currency.Of(w.Currency);
        return new WaiverView(w.Id, w.ChargeId, w.CustomerId, customerName, charge?.Kind.ToString() ?? "", charge?.InvoiceNumber, w.Currency,
            money.ToMajor(w.AmountMinor), w.Reason, w.Status.ToString(), w.RequestedAt, w.RequestedBy, w.DecidedAt, w.DecidedBy, w.DecisionNote);
    }
}
