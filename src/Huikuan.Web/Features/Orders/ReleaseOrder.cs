using System.Globalization;
using System.Text.Json;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Money;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.Orders;

/// <summary>限量供货: release these quantities of a held order now (added to what was released); the rest stays on hold.</summary>
public sealed record ReleaseOrderPart(IReadOnlyList<OrderQuantityDto> Lines, string? Reason = null);

/// <summary>Override the hold: release all that is held, for the reason given (required, kept in the audit trail).</summary>
public sealed record OverrideHold(string Reason);

/// <summary>A credit manager's decisions on a held order. Each is a row of its own and in the audit trail with actor and reason.</summary>
public sealed class ReleaseOrderHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, QueryOrdersHandler orders)
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
            var order = await LoadHeldAsync(orderId, token);
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
            foreach (var line in order.Lines)
            {
                line.ReleasedQuantity += quantities[line.LineNo];
            }
            Record(order, Part, amount, quantities, reason);
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
            var order = await LoadHeldAsync(orderId, token);
            var quantities = order.Lines.ToDictionary(l => l.LineNo, l => OrderMath.Open(l) - l.ReleasedQuantity);
            var amount = order.HeldMinor;
            ConfirmOrderHandler.ReleaseAll(order);
            Record(order, Override, amount, quantities, reason);
            AuditLog.Event(db, scope, clock, order.CompanyId, "order.override", nameof(SalesOrder), order.Id.ToString(),
                new { order.Number, Reason = reason, Amount = Currency.Of(order.Currency).ToMajor(amount), order.Currency });
            await OrderMath.SaveAsync(db, token);
            return order.Id;
        }, ct);
        return await orders.GetAsync(orderId, ct);
    }

    private async Task<SalesOrder> LoadHeldAsync(Guid orderId, CancellationToken ct)
    {
        var order = await OrderMath.LoadAsync(db, scope.CompanyId, orderId, ct);
        OrderMath.RequireStatus(order, SalesOrderStatus.OnHold, SalesOrderStatus.Released, SalesOrderStatus.PartlyDelivered);
        if (order.HeldMinor == 0)
        {
            throw new ConflictException("order.notHeld", "Nothing on this order is on hold.");
        }
        return order;
    }

    private void Record(SalesOrder order, string kind, long amount, Dictionary<int, decimal> quantities, string? reason)
    {
        if (order.Status == SalesOrderStatus.OnHold)
        {
            order.Status = SalesOrderStatus.Released;
        }
        OrderMath.Refresh(order);
        db.SalesOrderReleases.Add(new SalesOrderRelease
        {
            CompanyId = order.CompanyId, Id = Ids.New(), OrderId = order.Id, Kind = kind, ReleasedAt = clock.Now, ReleasedBy = scope.Actor,
            AmountMinor = amount, Reason = reason,
            QuantitiesJson = JsonSerializer.Serialize(quantities.Where(q => q.Value != 0).Select(q => new OrderQuantityDto(q.Key, q.Value))),
        });
    }
}
