using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Tests.Support;
using Xunit;

namespace CopyTrader.Tests.Contract;

/// <summary>
/// What every <see cref="IBrokerConnector"/> must do, in the style of Lean's brokerage tests: each broker's test class
/// derives from this one and supplies an <see cref="IBrokerVenue"/>. Orders go through the connector; the broker's
/// answers come back as events and reads.
/// </summary>
public abstract class BrokerContractTests : IAsyncLifetime
{
    private IBrokerVenue _venue = null!;
    private ConnectorProbe _probe = null!;

    protected abstract Task<IBrokerVenue> StartVenueAsync();

    private IBrokerConnector Connector => _probe.Connector;

    public async Task InitializeAsync()
    {
        _venue = await StartVenueAsync();
        _probe = await ConnectorProbe.ConnectAsync(_venue.CreateConnector());
    }

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _venue.DisposeAsync();
    }

    [Fact]
    public async Task Long_from_flat_fills_and_opens_a_long_position()
    {
        var result = await MarketAsync(Side.Buy, 2, "ct-long");

        Assert.True(result.Accepted, result.RejectReason);
        var fill = await _probe.WaitForAsync<FillEvent>(f => !f.IsSnapshot && f.BrokerOrderId == result.BrokerOrderId, "the buy fill");
        Assert.Equal((_venue.AccountId, _venue.Symbol, Side.Buy, 2), (fill.AccountId, fill.Symbol, fill.Side, fill.Quantity));
        Assert.Equal(_venue.Price, fill.Price);
        Assert.Equal("ct-long", fill.ClientOrderId);
        await PositionIsAsync(2);
    }

    [Fact]
    public async Task Close_sells_the_long_position_back_to_flat()
    {
        await MarketAsync(Side.Buy, 1, "ct-open");
        await PositionIsAsync(1);

        var close = await MarketAsync(Side.Sell, 1, "ct-close");

        Assert.True(close.Accepted, close.RejectReason);
        await PositionIsAsync(0);
    }

    [Fact]
    public async Task Short_from_flat_opens_a_short_position()
    {
        var result = await MarketAsync(Side.Sell, 3, "ct-short");

        Assert.True(result.Accepted, result.RejectReason);
        await PositionIsAsync(-3);
    }

    [Fact]
    public async Task Reversal_turns_a_long_into_a_short_with_one_order()
    {
        await MarketAsync(Side.Buy, 1, "ct-rev-open");
        await PositionIsAsync(1);

        var reverse = await MarketAsync(Side.Sell, 3, "ct-rev");

        Assert.True(reverse.Accepted, reverse.RejectReason);
        await PositionIsAsync(-2);
    }

    [Fact]
    public async Task Limit_order_is_placed_modified_and_cancelled()
    {
        var below = _venue.Price - 20 * _venue.TickSize;
        var placed = await Connector.PlaceOrderAsync(
            new OrderRequest(_venue.AccountId, _venue.Symbol, Side.Buy, 1, OrderType.Limit, LimitPrice: below, ClientOrderId: "ct-limit"),
            CancellationToken.None);
        Assert.True(placed.Accepted, placed.RejectReason);
        var working = await WorkingOrderAsync(placed.BrokerOrderId!, o => o.Quantity == 1 && o.LimitPrice == below);
        Assert.Equal((OrderType.Limit, Side.Buy), (working.Type, working.Side));

        var lower = below - 4 * _venue.TickSize;
        var modified = await Connector.ModifyOrderAsync(_venue.AccountId, placed.BrokerOrderId!, 2, lower, null, null, CancellationToken.None);
        Assert.True(modified.Accepted, modified.RejectReason);
        await WorkingOrderAsync(placed.BrokerOrderId!, o => o.Quantity == 2 && o.LimitPrice == lower);

        var cancelled = await Connector.CancelOrderAsync(_venue.AccountId, placed.BrokerOrderId!, CancellationToken.None);
        Assert.True(cancelled.Accepted, cancelled.RejectReason);
        await _probe.WaitForAsync<OrderUpdateEvent>(
            e => !e.IsSnapshot && e.Order.BrokerOrderId == placed.BrokerOrderId && e.Order.Status == OrderStatus.Canceled, "the cancel");
        await Eventually.GetAsync(
            () => Connector.GetWorkingOrdersAsync(_venue.AccountId, CancellationToken.None),
            orders => orders.All(o => o.BrokerOrderId != placed.BrokerOrderId),
            "the cancelled order to leave the working orders");
        await PositionIsAsync(0);
    }

    [Fact]
    public async Task Limit_order_fills_when_the_market_crosses_it()
    {
        var below = _venue.Price - 8 * _venue.TickSize;
        var placed = await Connector.PlaceOrderAsync(
            new OrderRequest(_venue.AccountId, _venue.Symbol, Side.Buy, 1, OrderType.Limit, LimitPrice: below, ClientOrderId: "ct-cross"),
            CancellationToken.None);
        Assert.True(placed.Accepted, placed.RejectReason);
        await WorkingOrderAsync(placed.BrokerOrderId!, _ => true);

        await _venue.SetPriceAsync(below - _venue.TickSize);

        var fill = await _probe.WaitForAsync<FillEvent>(f => !f.IsSnapshot && f.BrokerOrderId == placed.BrokerOrderId, "the limit fill");
        Assert.True(fill.Price <= below, $"bought at {fill.Price}, above the limit {below}");
        await PositionIsAsync(1);
    }

    [Fact]
    public async Task Bracket_legs_protect_the_position_and_the_target_closes_it()
    {
        var entry = await MarketAsync(Side.Buy, 1, "ct-entry");
        await PositionIsAsync(1);
        var target = _venue.Price + 10 * _venue.TickSize;
        var stop = _venue.Price - 10 * _venue.TickSize;
        var profit = await Connector.PlaceOrderAsync(
            new OrderRequest(_venue.AccountId, _venue.Symbol, Side.Sell, 1, OrderType.Limit, LimitPrice: target,
                ClientOrderId: "ct-tp", OcoGroupId: NativeOcoGroup("ct-oco"), ParentOrderId: entry.BrokerOrderId),
            CancellationToken.None);
        var loss = await Connector.PlaceOrderAsync(
            new OrderRequest(_venue.AccountId, _venue.Symbol, Side.Sell, 1, OrderType.Stop, StopPrice: stop,
                ClientOrderId: "ct-sl", OcoGroupId: NativeOcoGroup("ct-oco"), ParentOrderId: entry.BrokerOrderId),
            CancellationToken.None);
        Assert.True(profit.Accepted, profit.RejectReason);
        Assert.True(loss.Accepted, loss.RejectReason);
        await WorkingOrderAsync(profit.BrokerOrderId!, o => o.LimitPrice == target);
        await WorkingOrderAsync(loss.BrokerOrderId!, o => o.StopPrice == stop && o.Type == OrderType.Stop);

        await _venue.SetPriceAsync(target + _venue.TickSize);

        await _probe.WaitForAsync<FillEvent>(f => !f.IsSnapshot && f.BrokerOrderId == profit.BrokerOrderId, "the take-profit fill");
        await PositionIsAsync(0);
        if (Connector.Capabilities.NativeOco)
        {
            await _probe.WaitForAsync<OrderUpdateEvent>(
                e => e.Order.BrokerOrderId == loss.BrokerOrderId && e.Order.Status == OrderStatus.Canceled, "the broker cancelling the stop");
        }
    }

    [Fact]
    public async Task Liquidate_closes_the_position_at_market()
    {
        await MarketAsync(Side.Sell, 2, "ct-liq-open");
        await PositionIsAsync(-2);

        var result = await Connector.LiquidateAsync(_venue.AccountId, _venue.Symbol, "ct-liq", CancellationToken.None);

        Assert.True(result.Accepted, result.RejectReason);
        await PositionIsAsync(0);
    }

    [Fact]
    public async Task A_new_connection_starts_from_the_brokers_positions_as_history()
    {
        await MarketAsync(Side.Buy, 2, "ct-before-reconnect");
        await PositionIsAsync(2);
        await _probe.DisposeAsync();

        _probe = await ConnectorProbe.ConnectAsync(_venue.CreateConnector());

        var position = await _probe.WaitForAsync<PositionUpdateEvent>(p => p.Position.Symbol == _venue.Symbol, "the position in the snapshot");
        Assert.True(position.IsSnapshot);
        Assert.Equal(2, position.Position.Quantity);
        Assert.Empty(_probe.Live<FillEvent>());
        await PositionIsAsync(2);
    }

    [Fact]
    public async Task A_rejected_order_comes_back_with_the_brokers_reason()
    {
        var result = await Connector.PlaceOrderAsync(
            new OrderRequest(_venue.AccountId, _venue.Symbol, Side.Buy, 1, OrderType.Limit, LimitPrice: null, ClientOrderId: "ct-bad"),
            CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(result.RejectReason));
    }

    private string? NativeOcoGroup(string group) => Connector.Capabilities.NativeOco ? group : null;

    private Task<OrderResult> MarketAsync(Side side, int quantity, string clientOrderId) =>
        Connector.PlaceOrderAsync(new OrderRequest(_venue.AccountId, _venue.Symbol, side, quantity, ClientOrderId: clientOrderId), CancellationToken.None);

    private Task PositionIsAsync(int quantity) =>
        Eventually.GetAsync(
            async () => (await Connector.GetPositionsAsync(_venue.AccountId, CancellationToken.None))
                .Where(p => p.Symbol == _venue.Symbol).Sum(p => p.Quantity),
            q => q == quantity,
            $"a net position of {quantity} {_venue.Symbol}");

    private async Task<BrokerOrder> WorkingOrderAsync(string brokerOrderId, Func<BrokerOrder, bool> match)
    {
        var orders = await Eventually.GetAsync(
            () => Connector.GetWorkingOrdersAsync(_venue.AccountId, CancellationToken.None),
            list => list.Any(o => o.BrokerOrderId == brokerOrderId && match(o)),
            $"working order {brokerOrderId} as expected");
        return orders.Single(o => o.BrokerOrderId == brokerOrderId);
    }
}
