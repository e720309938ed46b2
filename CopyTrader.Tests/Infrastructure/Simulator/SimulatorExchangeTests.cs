using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Tests.Support;

namespace CopyTrader.Tests.Infrastructure.Simulator;

public class SimulatorExchangeTests
{
    private const string Account = "A1";
    private const string Mnq = "MNQZ6";

    [Fact]
    public void MarketOrderFillsAtMarketAndOpensPosition()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);

        var result = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 2));

        Assert.True(result.Accepted);
        var position = Assert.Single(exchange.Positions(Account));
        Assert.Equal(2, position.Quantity);
        Assert.Equal(21000m, position.AveragePrice);
    }

    [Fact]
    public void ClosingRealizesPnlIntoCash()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);
        exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 2));
        exchange.SetPrice(Mnq, 21010m);

        Assert.Equal(40m, exchange.Balance(Account).OpenPnl);
        exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 2));

        Assert.Empty(exchange.Positions(Account));
        Assert.Equal(50_040m, exchange.Balance(Account).CashBalance);
        Assert.Equal(40m, exchange.Balance(Account).RealizedPnl);
    }

    [Fact]
    public void LimitOrderWorksUntilPriceReachesIt()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);

        var result = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20990m));
        Assert.True(result.Accepted);
        Assert.Single(exchange.WorkingOrders(Account));
        Assert.Empty(exchange.Positions(Account));

        exchange.SetPrice(Mnq, 20989.75m);

        Assert.Empty(exchange.WorkingOrders(Account));
        Assert.Equal(1, Assert.Single(exchange.Positions(Account)).Quantity);
    }

    [Fact]
    public void SellStopTriggersWhenPriceFallsThroughIt()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);
        exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1));
        exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20995m));

        exchange.SetPrice(Mnq, 20996m);
        Assert.Single(exchange.Positions(Account));

        exchange.SetPrice(Mnq, 20994m);
        Assert.Empty(exchange.Positions(Account));
    }

    [Fact]
    public void CancelRemovesWorkingOrderAndModifyMovesIt()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);
        var first = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20900m));
        var second = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20900m));

        Assert.True(exchange.Cancel(Account, first.BrokerOrderId!).Accepted);
        Assert.True(exchange.Modify(Account, second.BrokerOrderId!, 3, 21000m, null).Accepted); // now marketable

        Assert.Empty(exchange.WorkingOrders(Account));
        Assert.Equal(3, Assert.Single(exchange.Positions(Account)).Quantity);
        Assert.False(exchange.Cancel(Account, first.BrokerOrderId!).Accepted);
    }

    [Theory]
    [InlineData(0, OrderType.Market, null, "Quantity must be positive")]
    [InlineData(1, OrderType.Limit, null, "needs a limit price")]
    [InlineData(1, OrderType.Limit, 21000.1, "not a multiple of the tick size 0.25")]
    public void RejectsInvalidOrdersWithTheReason(int quantity, OrderType type, double? limit, string reason)
    {
        var exchange = Simulators.Exchange();

        var result = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, quantity, type, (decimal?)limit));

        Assert.False(result.Accepted);
        Assert.Contains(reason, result.RejectReason);
    }

    [Fact]
    public void LiquidateFlattensAndRejectsWhenFlat()
    {
        var exchange = Simulators.Exchange();
        exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 3));

        Assert.True(exchange.Liquidate(Account, Mnq, "CT-x").Accepted);
        Assert.Empty(exchange.Positions(Account));
        Assert.Contains("No open position", exchange.Liquidate(Account, Mnq, null).RejectReason);
    }

    [Fact]
    public void AttachSendsSnapshotFirstThenLiveEventsInOrder()
    {
        var exchange = Simulators.Exchange();
        exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1));
        var events = new List<BrokerEvent>();

        using var attachment = exchange.Attach([Account], events.Add);
        exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 2, ClientOrderId: "mine"));
        exchange.Place(new OrderRequest("OTHER", Mnq, Side.Buy, 1));

        var snapshotEnd = events.FindIndex(e => e is SnapshotCompleteEvent);
        Assert.All(events.Take(snapshotEnd), e => Assert.True(e.IsSnapshot));
        Assert.Contains(events.Take(snapshotEnd), e => e is PositionUpdateEvent { Position.Quantity: 1 });
        var fill = Assert.Single(events.Skip(snapshotEnd).OfType<FillEvent>());
        Assert.False(fill.IsSnapshot);
        Assert.Equal(("mine", 2, Side.Buy), (fill.ClientOrderId, fill.Quantity, fill.Side));
        Assert.Contains(events.Skip(snapshotEnd), e => e is PositionUpdateEvent { Position.Quantity: 3 });
    }

    [Fact]
    public void PriceWalkMovesInWholeTicks()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice("ZNZ6", 110m);

        for (var i = 0; i < 50; i++)
        {
            exchange.AdvancePrices();
            var price = exchange.PriceOf("ZNZ6");
            Assert.Equal(0m, price % 0.015625m);
        }
    }

    [Fact]
    public void BracketLegsWaitForTheirEntryThenOneCancelsTheOther()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);
        var entry = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20990m)).BrokerOrderId!;
        exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 1, OrderType.Limit, LimitPrice: 21010m, OcoGroupId: "B1", ParentOrderId: entry));
        var stop = exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20980m, OcoGroupId: "B1", ParentOrderId: entry));

        Assert.True(stop.Accepted);
        Assert.Equal(3, exchange.WorkingOrders(Account).Count);
        exchange.SetPrice(Mnq, 21020m); // the take-profit's price, but its entry has not filled: nothing happens
        Assert.Empty(exchange.Positions(Account));

        exchange.SetPrice(Mnq, 20990m);
        Assert.Equal(1, Assert.Single(exchange.Positions(Account)).Quantity);
        Assert.Equal(2, exchange.WorkingOrders(Account).Count);

        exchange.SetPrice(Mnq, 21010m); // take-profit fills, the stop is canceled with it
        Assert.Empty(exchange.Positions(Account));
        Assert.Empty(exchange.WorkingOrders(Account));
    }

    [Fact]
    public void CancelingAnEntryCancelsItsLegsAndALegNeedsALiveParent()
    {
        var exchange = Simulators.Exchange();
        exchange.SetPrice(Mnq, 21000m);
        var entry = exchange.Place(new OrderRequest(Account, Mnq, Side.Buy, 1, OrderType.Limit, LimitPrice: 20990m)).BrokerOrderId!;
        exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20980m, ParentOrderId: entry));

        exchange.Cancel(Account, entry);

        Assert.Empty(exchange.WorkingOrders(Account));
        Assert.Contains("can still fill", exchange.Place(new OrderRequest(Account, Mnq, Side.Sell, 1, OrderType.Stop, StopPrice: 20980m, ParentOrderId: entry)).RejectReason);
    }
}
