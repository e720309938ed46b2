using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStateLiveFills
{
    [Fact]
    public void ALiveFillComesOutOnceWithAccountSymbolAndClientOrderId()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, "Sell", 2, clOrdId: "ct-123");

        var events = driver.Created("fill", Fill(400, 100, 2, 21010.5m, "Sell", at: 3));

        var fill = Assert.IsType<FillEvent>(events[0]);
        Assert.Equal(new FillEvent(T0.AddSeconds(3), "25", "400", "100", "ct-123", Symbol, Side.Sell, 2, 21010.5m), fill);
        Assert.False(fill.IsSnapshot);
    }

    [Fact]
    public void AFillIsFollowedByItsOrderNowFilled()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, qty: 2);

        var partial = driver.Created("fill", Fill(400, 100, 1));
        var filled = driver.Created("fill", Fill(401, 100, 1));

        Assert.IsType<FillEvent>(partial[0]);
        Assert.Equal((OrderStatus.PartiallyFilled, 1), StatusAndFilled(Only<OrderUpdateEvent>(partial)));
        Assert.Equal((OrderStatus.PartiallyFilled, 2), StatusAndFilled(Only<OrderUpdateEvent>(filled)));
        Assert.Equal(OrderStatus.Filled, Only<OrderUpdateEvent>(driver.Updated("order", Order(100, "Filled"))).Order.Status);
    }

    [Fact]
    public void ADuplicateCreatedYieldsNothing()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100);
        driver.Created("fill", Fill(400, 100));

        var again = driver.Created("fill", Fill(400, 100));

        Assert.Empty(again);
        Assert.Single(driver.LiveFills);
    }

    [Fact]
    public void AnUpdatedFillIsNeverALiveFill()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100);

        Assert.Empty(driver.Updated("fill", Fill(400, 100)).OfType<FillEvent>());
        Assert.Single(driver.Created("fill", Fill(400, 100)).OfType<FillEvent>());
    }

    [Fact]
    public void ASecondSessionsSnapshotWithTheDaysFillsYieldsNothingLive()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, qty: 2);
        driver.Created("fill", Fill(400, 100));

        var events = driver.Sync(2,
            ("orders", [Order(100, "Filled")]), ("orderVersions", [Version(2100, 100, 2)]),
            ("fills", [Fill(400, 100), Fill(401, 100)]), ("positions", [Position(500, 2)]));

        Assert.All(events, e => Assert.True(e.IsSnapshot || e is SnapshotCompleteEvent));
        Assert.Equal(["401"], events.OfType<FillEvent>().Select(f => f.FillId));
        Assert.Single(driver.LiveFills);
    }

    [Fact]
    public void ReplayedCreatedPropsOfOldFillsYieldNothingLive()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1,
            ("orders", [Order(100, "Filled"), Order(101, "Filled")]), ("orderVersions", [Version(2100, 100), Version(2101, 101)]),
            ("fills", [Fill(400, 100), Fill(401, 101, action: "Sell")]));
        driver.WorkingOrder(102);
        driver.Created("fill", Fill(402, 102));

        // the 4 PM replay: every fill of the session re-sent as Created
        var replay = driver.Props("fill", "Created", $"[{Fill(400, 100)},{Fill(401, 101, action: "Sell")},{Fill(402, 102)}]");

        Assert.Empty(replay.OfType<FillEvent>());
        Assert.Equal(["402"], driver.LiveFills.Select(f => f.FillId));
    }

    [Fact]
    public void AFillOfATradeDateOlderThanEveryKeptOneIsNotLive()
    {
        var driver = new TradovateUserStateDriver(new TradovateUserStateOptions { TradeDatesKept = 2 });
        driver.Sync();
        driver.WorkingOrder(100);
        driver.Created("fill", Fill(400, 100, tradeDate: (2026, 11, 3)));
        driver.Created("fill", Fill(401, 100, tradeDate: (2026, 11, 4)));

        var old = driver.Created("fill", Fill(399, 100, tradeDate: (2026, 11, 2)));

        Assert.Empty(old.OfType<FillEvent>());
        Assert.Equal(["400", "401"], driver.LiveFills.Select(f => f.FillId));
    }

    [Fact]
    public void FillsOfAnotherAccountNeverComeOut()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100, accountId: OtherAccount));
        driver.Created("orderVersion", Version(2100, 100));

        var events = driver.Created("fill", Fill(400, 100));

        Assert.Empty(events);
        Assert.Empty(driver.State.Pending);
    }

    [Fact]
    public void AFillTakesTheClientOrderIdOfOurOwnPlacementWhenItsCommandHasNotArrived()
    {
        var driver = new TradovateUserStateDriver(placedClientOrderIds: id => id == 100 ? "CT-own" : null);
        driver.Sync();
        driver.Created("order", Order(100));

        var fill = Only<FillEvent>(driver.Created("fill", Fill(400, 100)));

        Assert.Equal("CT-own", fill.ClientOrderId);
    }

    [Fact]
    public void TheCommandsClientOrderIdWinsOverThePlacementLookup()
    {
        var driver = new TradovateUserStateDriver(placedClientOrderIds: _ => "lookup");
        driver.Sync();
        driver.WorkingOrder(100, clOrdId: "from-command");

        Assert.Equal("from-command", Only<FillEvent>(driver.Created("fill", Fill(400, 100))).ClientOrderId);
    }

    [Fact]
    public void ADeletedFillLowersItsOrdersFilledQuantity()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, qty: 2);
        driver.Created("fill", Fill(400, 100));

        var events = driver.Props("fill", "Deleted", Fill(400, 100));

        var order = Only<OrderUpdateEvent>(events);
        Assert.Equal((OrderStatus.Working, 0), (order.Order.Status, order.Order.FilledQuantity));
        Assert.Empty(events.OfType<FillEvent>());
    }

    private static (OrderStatus, int) StatusAndFilled(OrderUpdateEvent e) => (e.Order.Status, e.Order.FilledQuantity);

    private static T Only<T>(IEnumerable<BrokerEvent> events) => Assert.Single(events.OfType<T>());
}
