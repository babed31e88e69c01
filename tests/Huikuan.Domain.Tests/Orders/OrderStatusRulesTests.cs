using Huikuan.Domain.Orders;

namespace Huikuan.Domain.Tests.Orders;

public sealed class OrderStatusRulesTests
{
    [Theory]
    [InlineData(SalesOrderStatus.Draft, "Confirm,Cancel")]
    [InlineData(SalesOrderStatus.Confirmed, "Deliver,Cancel")]
    [InlineData(SalesOrderStatus.OnHold, "Recheck,Release,Override,Deliver,Cancel")]
    [InlineData(SalesOrderStatus.Released, "Recheck,Release,Override,Deliver,Cancel")]
    [InlineData(SalesOrderStatus.PartlyDelivered, "Recheck,Release,Override,Deliver,Cancel")]
    [InlineData(SalesOrderStatus.Delivered, "")]
    [InlineData(SalesOrderStatus.Cancelled, "")]
    public void Allows_EachActionFromItsStatusesOnly(SalesOrderStatus status, string actions)
    {
        var allowed = Enum.GetValues<OrderAction>().Where(a => OrderStatusRules.Allows(status, a));
        Assert.Equal(actions, string.Join(',', allowed));
        Assert.Equal(actions.Length == 0, OrderStatusRules.IsFinished(status));
    }

    [Fact]
    public void Require_RefusesWithTheStatus_AsAConflict()
    {
        var e = Assert.Throws<ConflictException>(() => OrderStatusRules.Require(SalesOrderStatus.Delivered, OrderAction.Cancel));
        Assert.Equal(("order.state", "Delivered"), (e.Rule, e.Arguments[0]));
        OrderStatusRules.Require(SalesOrderStatus.Draft, OrderAction.Confirm);
    }

    [Theory]
    [InlineData(SalesOrderStatus.Draft, false, false, SalesOrderStatus.Cancelled)]          // a draft cancelled
    [InlineData(SalesOrderStatus.Confirmed, false, true, SalesOrderStatus.PartlyDelivered)]
    [InlineData(SalesOrderStatus.Released, true, true, SalesOrderStatus.Delivered)]
    [InlineData(SalesOrderStatus.OnHold, true, false, SalesOrderStatus.Cancelled)]         // the rest cancelled, nothing went out
    [InlineData(SalesOrderStatus.OnHold, false, false, SalesOrderStatus.OnHold)]
    [InlineData(SalesOrderStatus.PartlyDelivered, true, true, SalesOrderStatus.Delivered)]
    public void AfterDelivery_FollowsWhatWasDeliveredAndWhatIsLeft(SalesOrderStatus from, bool everyLineDone, bool anyDelivered, SalesOrderStatus to) =>
        Assert.Equal(to, OrderStatusRules.AfterDelivery(from, everyLineDone, anyDelivered));

    [Fact]
    public void TheCreditSteps_MoveOnlyAHeldOrder()
    {
        Assert.Equal(SalesOrderStatus.OnHold, OrderStatusRules.AfterConfirm(held: true));
        Assert.Equal(SalesOrderStatus.Confirmed, OrderStatusRules.AfterConfirm(held: false));
        Assert.Equal(SalesOrderStatus.Released, OrderStatusRules.AfterRelease(SalesOrderStatus.OnHold));
        Assert.Equal(SalesOrderStatus.PartlyDelivered, OrderStatusRules.AfterRelease(SalesOrderStatus.PartlyDelivered));
        Assert.Equal(SalesOrderStatus.Confirmed, OrderStatusRules.AfterRecheckPassed(SalesOrderStatus.OnHold));
        Assert.Equal(SalesOrderStatus.Released, OrderStatusRules.AfterRecheckPassed(SalesOrderStatus.Released));
    }

    [Theory]
    [InlineData(SalesOrderStatus.Draft, false)]
    [InlineData(SalesOrderStatus.Cancelled, false)]
    [InlineData(SalesOrderStatus.OnHold, true)]
    [InlineData(SalesOrderStatus.Delivered, true)]
    public void CountsInExposure_OnlyOnceConfirmedAndUntilCancelled(SalesOrderStatus status, bool counts) =>
        Assert.Equal(counts, OrderStatusRules.CountsInExposure(status));
}
