namespace Huikuan.Domain.Orders;

/// <summary>Where an order stands (R5). Draft until confirmed; confirmation runs the credit check.</summary>
public enum SalesOrderStatus
{
    Draft,
    Confirmed,
    OnHold,
    Released,
    PartlyDelivered,
    Delivered,
    Cancelled,
}

/// <summary>What can be done to an order; each is allowed from some statuses only.</summary>
public enum OrderAction
{
    Confirm,
    Recheck,
    Release,
    Override,
    Deliver,
    Cancel,
}

/// <summary>
/// The life of a sales order: from which statuses each action may start, and the status it leaves. A draft is
/// confirmed (or held) once; a hold is released in part, overridden or cleared by a re-check while anything is held;
/// deliveries move it to partly delivered and delivered; what is not delivered can be cancelled until it is finished.
/// Delivered and cancelled orders change no more. Handlers and the order page ask this, nothing else decides it.
/// </summary>
public static class OrderStatusRules
{
    private static readonly SalesOrderStatus[] Holdable = [SalesOrderStatus.OnHold, SalesOrderStatus.Released, SalesOrderStatus.PartlyDelivered];

    private static readonly Dictionary<OrderAction, SalesOrderStatus[]> From = new()
    {
        [OrderAction.Confirm] = [SalesOrderStatus.Draft],
        [OrderAction.Recheck] = Holdable,
        [OrderAction.Release] = Holdable,
        [OrderAction.Override] = Holdable,
        // On hold is allowed: what a credit manager released of a held order may go out (the quantities decide).
        [OrderAction.Deliver] = [SalesOrderStatus.Confirmed, .. Holdable],
        [OrderAction.Cancel] = [SalesOrderStatus.Draft, SalesOrderStatus.Confirmed, .. Holdable],
    };

    public static bool Allows(SalesOrderStatus status, OrderAction action) => From[action].Contains(status);

    /// <summary>Refuses an action the order's status does not allow (409 order.state).</summary>
    public static void Require(SalesOrderStatus status, OrderAction action)
    {
        if (!Allows(status, action))
        {
            throw new ConflictException("order.state", $"The order is {status}; this cannot be done now.", status.ToString());
        }
    }

    public static bool IsFinished(SalesOrderStatus status) => Enum.GetValues<OrderAction>().All(a => !Allows(status, a));

    /// <summary>Whether the order's released and held amounts count at all: not while a draft, not once cancelled.</summary>
    public static bool CountsInExposure(SalesOrderStatus status) => status is not (SalesOrderStatus.Draft or SalesOrderStatus.Cancelled);

    /// <summary>After the confirmation's credit check: held, or confirmed (every line released).</summary>
    public static SalesOrderStatus AfterConfirm(bool held) => held ? SalesOrderStatus.OnHold : SalesOrderStatus.Confirmed;

    /// <summary>After a partial release or an override: a held order is released; a later status stays.</summary>
    public static SalesOrderStatus AfterRelease(SalesOrderStatus status) => status == SalesOrderStatus.OnHold ? SalesOrderStatus.Released : status;

    /// <summary>After a re-check that no longer holds: a held order is confirmed; a later status stays.</summary>
    public static SalesOrderStatus AfterRecheckPassed(SalesOrderStatus status) => status == SalesOrderStatus.OnHold ? SalesOrderStatus.Confirmed : status;

    /// <summary>
    /// After a delivery or a cancellation of the rest: delivered once every line is done (cancelled if nothing was ever
    /// delivered), partly delivered once anything is, else as it was. A draft cancelled is cancelled.
    /// </summary>
    public static SalesOrderStatus AfterDelivery(SalesOrderStatus status, bool everyLineDone, bool anyDelivered) =>
        status == SalesOrderStatus.Draft ? SalesOrderStatus.Cancelled
        : everyLineDone ? (anyDelivered ? SalesOrderStatus.Delivered : SalesOrderStatus.Cancelled)
        : anyDelivered ? SalesOrderStatus.PartlyDelivered
        : status;
}
