using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStateOrders
{
    [Fact]
    public void FollowsAnOrderFromPendingNewToFilled()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        driver.Created("order", Order(100, "PendingNew"));
        driver.Created("command", Command(1100, 100, "ct-1", at: 1));
        driver.Created("orderVersion", Version(2100, 100, 3, "Limit", price: 20950.5m, timeInForce: "GTC"));
        driver.Updated("order", Order(100, "Working"));
        driver.Created("fill", Fill(400, 100, 1, at: 2));
        driver.Created("fill", Fill(401, 100, 2, at: 3));
        driver.Updated("order", Order(100, "Filled"));

        var orders = driver.Events.OfType<OrderUpdateEvent>().ToList();
        Assert.Equal(
            [(OrderStatus.Working, 0), (OrderStatus.PartiallyFilled, 1), (OrderStatus.PartiallyFilled, 3), (OrderStatus.Filled, 3)],
            orders.Select(o => (o.Order.Status, o.Order.FilledQuantity)));
        Assert.Equal(
            new BrokerOrder("100", "ct-1", Symbol, Side.Buy, OrderType.Limit, 3, 3, 20950.5m, null, OrderStatus.Filled, null, TimeInForce.GoodTillCanceled),
            orders[^1].Order);
        Assert.Equal(T0.AddSeconds(3), orders[^1].TimeUtc);
        Assert.All(orders, o => Assert.False(o.IsSnapshot));
    }

    [Fact]
    public void TheClientOrderIdIsTheNewCommandsElseTheFirstCommandsThatHasOne()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100));
        driver.Created("orderVersion", Version(2100, 100));

        var modify = driver.Created("command", Command(1102, 100, "ct-modify", commandType: "Modify"));
        var placed = driver.Created("command", Command(1101, 100, "ct-new"));

        Assert.Equal("ct-modify", Assert.Single(modify.OfType<OrderUpdateEvent>()).Order.ClientOrderId);
        Assert.Equal("ct-new", Assert.Single(placed.OfType<OrderUpdateEvent>()).Order.ClientOrderId);
    }

    [Fact]
    public void AnUnchangedOrderDoesNotComeOutAgain()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100);

        Assert.Empty(driver.Updated("order", Order(100, "Working")));
        Assert.Empty(driver.Created("command", Command(1101, 100, commandType: "Modify")));
    }

    [Fact]
    public void ANewOrderVersionModifiesTheOrderAndAnOlderOneIsIgnored()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100, "Working", "Sell"));
        driver.Created("orderVersion", Version(2100, 100, 2, "Stop", stopPrice: 20800m));

        var modified = driver.Created("orderVersion", Version(2105, 100, 1, "StopLimit", price: 20790m, stopPrice: 20810m));
        var stale = driver.Updated("orderVersion", Version(2100, 100, 2, "Stop", stopPrice: 20800m));

        var order = Assert.Single(modified.OfType<OrderUpdateEvent>()).Order;
        Assert.Equal((OrderType.StopLimit, 1, 20790m, 20810m), (order.Type, order.Quantity, order.LimitPrice, order.StopPrice));
        Assert.Empty(stale);
    }

    [Fact]
    public void ACanceledOrderComesOutCanceled()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100);
        driver.Created("command", Command(1101, 100, commandType: "Cancel"));

        var events = driver.Updated("order", Order(100, "Canceled"));

        Assert.Equal(OrderStatus.Canceled, Assert.Single(events.OfType<OrderUpdateEvent>()).Order.Status);
        Assert.Empty(driver.State.WorkingOrders("25"));
    }

    [Fact]
    public void ARejectedOrderCarriesTheBrokersReasonAndText()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100, "PendingNew"));
        driver.Created("command", Command(1100, 100, "ct-9"));
        driver.Created("orderVersion", Version(2100, 100, 5));
        driver.Created("commandReport", CommandReport(3100, 1100, "MaxPosLimitReached", "Max position limit of 4 reached", at: 1));

        var events = driver.Updated("order", Order(100, "Rejected"));

        var order = Assert.Single(events.OfType<OrderUpdateEvent>()).Order;
        Assert.Equal((OrderStatus.Rejected, "MaxPosLimitReached: Max position limit of 4 reached"), (order.Status, order.Reason));
    }

    [Fact]
    public void ARejectReasonArrivingBeforeItsCommandIsStillJoined()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("commandReport", CommandReport(3100, 1100, "TradingLocked"));
        driver.Created("order", Order(100, "Rejected"));
        driver.Created("orderVersion", Version(2100, 100));

        var events = driver.Created("command", Command(1100, 100));

        Assert.Equal("TradingLocked", Assert.Single(events.OfType<OrderUpdateEvent>()).Order.Reason);
    }

    [Fact]
    public void BracketLegsNameTheirParentAndShareOneOcoGroup()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100);
        driver.Created("order", Order(101, "Working", "Sell", parentId: 100, ocoId: 102));
        driver.Created("orderVersion", Version(2101, 101, 1, "Limit", price: 21100m));
        driver.Created("order", Order(102, "Working", "Sell", parentId: 100, ocoId: 101));

        var events = driver.Created("orderVersion", Version(2102, 102, 1, "Stop", stopPrice: 20900m));

        var legs = driver.State.WorkingOrders("25").Where(o => o.ParentOrderId is not null).ToList();
        Assert.Equal([("101", "100", "101"), ("102", "100", "101")], legs.Select(o => (o.BrokerOrderId, o.ParentOrderId, o.OcoGroupId)));
        Assert.Equal("101", Assert.Single(events.OfType<OrderUpdateEvent>()).Order.OcoGroupId);
        Assert.Null(driver.State.WorkingOrders("25").Single(o => o.BrokerOrderId == "100").OcoGroupId);
    }

    [Fact]
    public void LegsLinkedThroughASharedOcoIdShareOneGroup()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(101, ocoId: 90));
        driver.Created("orderVersion", Version(2101, 101, 1, "Limit", price: 21100m));
        driver.Created("order", Order(102, ocoId: 90));
        driver.Created("orderVersion", Version(2102, 102, 1, "Stop", stopPrice: 20900m));

        Assert.All(driver.State.WorkingOrders("25"), o => Assert.Equal("90", o.OcoGroupId));
    }

    [Fact]
    public void ASecondLegThatLowersTheGroupIdUpdatesTheFirst()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(105, ocoId: 110));
        driver.Created("orderVersion", Version(2105, 105));
        driver.Created("order", Order(110));
        driver.Created("orderVersion", Version(2110, 110));

        var events = driver.Created("order", Order(103, ocoId: 105));

        Assert.Contains(events.OfType<OrderUpdateEvent>(), o => o.Order is { BrokerOrderId: "105", OcoGroupId: "103" });
        Assert.Contains(events.OfType<OrderUpdateEvent>(), o => o.Order is { BrokerOrderId: "110", OcoGroupId: "103" });
    }

    [Fact]
    public void ATrailingStopCarriesItsDistance()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100, "Working", "Sell"));

        var events = driver.Created("orderVersion", Version(2100, 100, 1, "TrailingStop", stopPrice: 20900m, pegDifference: -25m, timeInForce: "Day"));

        var order = Assert.Single(events.OfType<OrderUpdateEvent>()).Order;
        Assert.Equal((OrderType.TrailingStop, 20900m, 25m, (decimal?)null), (order.Type, order.StopPrice, order.TrailAmount, order.LimitPrice));
    }

    [Theory]
    [InlineData("MIT", null, "order 100 has orderType MIT, which CopyTrader cannot represent")]
    [InlineData("TrailingStopLimit", null, "order 100 has orderType TrailingStopLimit, which CopyTrader cannot represent")]
    [InlineData("Market", "GTX", "order 100 has timeInForce GTX, which CopyTrader cannot represent")]
    public void AnOrderCopyTraderCannotRepresentIsAProblemOnce(string orderType, string? timeInForce, string reason)
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100));

        var events = driver.Created("orderVersion", Version(2100, 100, 1, orderType, timeInForce: timeInForce));
        driver.Updated("order", Order(100));

        Assert.Empty(events);
        Assert.Equal($"order not shown: {reason}", Assert.Single(driver.State.Problems).Reason);
        Assert.Empty(driver.State.Pending);
    }

    [Fact]
    public void OrdersOfAnotherAccountNeverComeOut()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var events = driver.Created("order", Order(100, accountId: OtherAccount)).Concat(driver.Created("orderVersion", Version(2100, 100)));

        Assert.Empty(events);
        Assert.Empty(driver.State.Pending);
    }
}
