using System.Globalization;
using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Credit;
using Huikuan.Domain.Money;
using Huikuan.Domain.Orders;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Credit;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Orders;

/// <summary>限量供货: release these quantities of a held order now (added to what was released); the rest stays on hold.</summary>
public sealed record ReleaseOrderPart(IReadOnlyList<OrderQuantityDto> Lines, string? Reason = null);

/// <summary>
/// Override the hold: release all that is held, for the reason given (required, kept in the audit trail). Above the
/// company's amount it waits for a second credit manager (<see cref="ReleaseOrderHandler.DecideOverrideAsync"/>).
/// </summary>
public sealed record OverrideHold(string Reason);

/// <summary>A second credit manager's decision on a waiting override; the note is optional.</summary>
public sealed record DecideOverride(string? Note = null);

/// <summary>
/// A credit manager's decisions on a held order. Each is a row of its own and in the audit trail with actor and reason.
/// A partial release asks the credit check again, now, about what is held, and releases at most what it allows
/// (<see cref="CreditCheck.Releasable"/>): what fits under the limit, nothing while the customer must pay first.
/// </summary>
public sealed class ReleaseOrderHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, QueryOrdersHandler orders, CreditStandingHandler credit)
{
    public const string Part = "part";
    public const string Override = "override";

    public async Task<OrderView> ReleasePartAsync(Guid orderId, ReleaseOrderPart request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        ArgumentNullException.ThrowIfNull(request);
        var reason = CompanyHandler.Optional(request.Reason, "reason", 2000);
        await Transactions.RunAsync(db, async token =>
        {
            var order = await LoadHeldAsync(orderId, OrderAction.Release, token);
            var quantities = OrderMath.Quantities(order, request.Lines);
            foreach (var line in order.Lines)
            {
                var room = OrderMath.Open(line) - line.ReleasedQuantity;
                if (quantities[line.LineNo] > room)
                {
                    throw new DomainRuleException("order.releaseQuantity", "lines",
                        $"Line {line.LineNo}: at most {room.ToString(CultureInfo.InvariantCulture)} is still on hold.", line.LineNo, room);
                }
            }
            if (quantities.Values.All(q => q == 0))
            {
                throw new DomainRuleException("order.releaseNothing", "lines", "Give a quantity to release on at least one line.");
            }
            var currency = Currency.Of(order.Currency);
            var amount = order.Lines.Sum(l => OrderMath.Value(l, quantities[l.LineNo], currency));
            await RequireReleasableAsync(order, amount, currency, token);
            foreach (var line in order.Lines)
            {
                line.ReleasedQuantity += quantities[line.LineNo];
            }
            Record(order, Part, amount, quantities, reason);
            AuditLog.Event(db, scope, clock, order.CompanyId, "order.release", nameof(SalesOrder), order.Id.ToString(),
                new { order.Number, Reason = reason, Amount = currency.ToMajor(amount), order.Currency, Lines = quantities.Where(q => q.Value != 0) });
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }

    public async Task<OrderView> OverrideAsync(Guid orderId, OverrideHold request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var reason = request?.Reason is { } r && !string.IsNullOrWhiteSpace(r)
            ? CompanyHandler.Required(r, "reason", 2000)
            : throw new DomainRuleException("order.overrideReason", "reason", "Say why the hold is overridden.");
        await Transactions.RunAsync(db, async token =>
        {
            var order = await LoadHeldAsync(orderId, OrderAction.Override, token);
            if (order.PendingOverrideBy is not null)
            {
                throw new ConflictException("order.overridePending", "An override of this order is waiting for a second credit manager already.");
            }
            if (await NeedsSecondPersonAsync(order, token))
            {
                order.PendingOverrideReason = reason;
                order.PendingOverrideBy = scope.Actor;
                order.PendingOverrideByUserId = scope.UserId;
                order.PendingOverrideAt = clock.Now;
                order.Version++;
                AuditLog.Event(db, scope, clock, order.CompanyId, "order.overrideRequested", nameof(SalesOrder), order.Id.ToString(),
                    new { order.Number, Reason = reason, Amount = Currency.Of(order.Currency).ToMajor(order.HeldMinor), order.Currency });
            }
            else
            {
                ReleaseByOverride(order, reason, requestedBy: null, note: null);
            }
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }

    /// <summary>
    /// Approves or rejects an override waiting for a second person: a credit manager or admin other than the one who
    /// asked (409 order.ownOverride). Approval releases everything still held, with the asker's reason; the order stays
    /// held until then, and after a rejection.
    /// </summary>
    public async Task<OrderView> DecideOverrideAsync(Guid orderId, bool approve, DecideOverride? request, CancellationToken ct)
    {
        scope.Require(Permission.ManageCredit);
        var note = CompanyHandler.Optional(request?.Note, "note", 2000);
        await Transactions.RunAsync(db, async token =>
        {
            var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, token);
            if (order.PendingOverrideBy is not { } requestedBy)
            {
                throw new ConflictException("order.noPendingOverride", "No override of this order is waiting for approval.");
            }
            var same = order.PendingOverrideByUserId is { } asker && scope.UserId is { } me
                ? asker == me
                : string.Equals(requestedBy, scope.Actor, StringComparison.OrdinalIgnoreCase);
            if (same)
            {
                throw new ConflictException("order.ownOverride",
                    "An override above the company's amount is approved or rejected by a credit manager other than the one who asked for it.");
            }
            var reason = order.PendingOverrideReason!;
            var held = order.HeldMinor;
            order.PendingOverrideReason = null;
            order.PendingOverrideBy = null;
            order.PendingOverrideByUserId = null;
            order.PendingOverrideAt = null;
            if (approve)
            {
                OrderStatusRules.Require(order.Status, OrderAction.Override);
                if (held == 0)
                {
                    throw new ConflictException("order.notHeld", "Nothing on this order is on hold.");
                }
                ReleaseByOverride(order, reason, requestedBy, note);
            }
            else
            {
                order.Version++;
                AuditLog.Event(db, scope, clock, order.CompanyId, "order.overrideRejected", nameof(SalesOrder), order.Id.ToString(),
                    new { order.Number, Reason = reason, RequestedBy = requestedBy, Note = note });
            }
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }

    private void ReleaseByOverride(SalesOrder order, string reason, string? requestedBy, string? note)
    {
        var quantities = order.Lines.ToDictionary(l => l.LineNo, l => OrderMath.Open(l) - l.ReleasedQuantity);
        var amount = order.HeldMinor;
        ConfirmOrderHandler.ReleaseAll(order);
        Record(order, Override, amount, quantities, reason);
        AuditLog.Event(db, scope, clock, order.CompanyId, "order.override", nameof(SalesOrder), order.Id.ToString(),
            new { order.Number, Reason = reason, Amount = Currency.Of(order.Currency).ToMajor(amount), order.Currency, RequestedBy = requestedBy, Note = note });
    }

    /// <summary>
    /// Above the company's amount an override needs a second person. The amount is in the company's currency; an order in
    /// another currency always does, as there is no rate to compare it by.
    /// </summary>
    private async Task<bool> NeedsSecondPersonAsync(SalesOrder order, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == order.CompanyId)
            .Select(c => new { c.BaseCurrency, c.OverrideApprovalFromMinor }).SingleAsync(ct);
        if (!string.Equals(company.BaseCurrency, order.Currency, StringComparison.Ordinal))
        {
            return true;
        }
        var from = company.OverrideApprovalFromMinor ?? Currency.Of(company.BaseCurrency).ToMinor(CreditPoliciesHandler.DefaultOverrideApprovalFrom);
        return order.HeldMinor > from;
    }

    /// <summary>
    /// The check on what is held, run now: a release above what it allows is refused with how much is allowed and why.
    /// When the check no longer holds (a payment came in), everything held may go; a re-check would release it all.
    /// </summary>
    private async Task RequireReleasableAsync(SalesOrder order, long amount, Currency currency, CancellationToken ct)
    {
        var result = await credit.CheckAsync(order.CustomerId, order.HeldMinor, order.Prepaid, ct);
        if (result.Decision != CreditDecision.Hold || amount <= result.ReleasableMinor)
        {
            return;
        }
        var allowed = result.ReleasableMinor;
        var rule = CreditCheck.ReleaseCappedBy(result.Reasons) switch
        {
            CreditCheck.PrepaymentOnly => "order.releasePrepaymentOnly",
            CreditCheck.DunningHold => "order.releaseDunningHold",
            _ => "order.releaseOverLimit",
        };
        throw new DomainRuleException(rule, "lines",
            $"At most {currency.Format(allowed)} {currency.Code} can be released now ({string.Join(", ", result.Reasons.Select(r => r.Code))}); "
            + $"{currency.Format(amount)} was asked for.",
            currency.Format(allowed), currency.Code, currency.Format(amount));
    }

    private async Task<SalesOrder> LoadHeldAsync(Guid orderId, OrderAction action, CancellationToken ct)
    {
        var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, ct);
        OrderStatusRules.Require(order.Status, action);
        if (order.HeldMinor == 0)
        {
            throw new ConflictException("order.notHeld", "Nothing on this order is on hold.");
        }
        return order;
    }

    private void Record(SalesOrder order, string kind, long amount, Dictionary<int, decimal> quantities, string? reason)
    {
        order.Status = OrderStatusRules.AfterRelease(order.Status);
        OrderMath.Refresh(order);
        db.SalesOrderReleases.Add(new SalesOrderRelease
        {
            CompanyId = order.CompanyId, Id = Ids.New(), OrderId = order.Id, Kind = kind, ReleasedAt = clock.Now, ReleasedBy = scope.Actor,
            AmountMinor = amount, Reason = reason,
            QuantitiesJson = JsonSerializer.Serialize(quantities.Where(q => q.Value != 0).Select(q => new OrderQuantityDto(q.Key, q.Value))),
        });
    }
}
