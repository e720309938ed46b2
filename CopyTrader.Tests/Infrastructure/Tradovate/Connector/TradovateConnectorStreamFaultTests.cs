using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Tests.Fakes.Tradovate;
using static CopyTrader.Domain.Brokers.BrokerConnectionState;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>
/// The production connector's user stream against the fake's socket faults. A copier copies live fills only, so each
/// test pins which fills come out live (exactly once) and which come back as history in a new session's snapshot.
/// </summary>
public sealed class TradovateConnectorStreamFaultTests
{
    private const string TruncatedFrame = "a[{\"e\":\"props\",\"d\":";

    [Fact]
    public async Task DroppedSocketReconnectsWithAFreshSnapshotWhereTheFillMadeWhileDownIsHistory()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        var before = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(before);

        h.Server.DropAllConnections();
        var reconnecting = await h.StateAsync(Reconnecting, 1);
        var whileDown = h.TradeInPlatform("Buy", 2);
        await h.StateAsync(Connected, 2);
        await h.SnapshotCompleteAsync(2);
        var after = h.TradeInPlatform("Sell", 3);
        var afterFill = await h.LiveFillOfAsync(after);

        Assert.Contains("reconnecting in", reconnecting.Reason);
        Assert.Equal([Connecting, Connected, Reconnecting, Connected], States(h));
        var resync = h.EventsFromConnected(2).Skip(1).TakeWhile(e => e is not SnapshotCompleteEvent).ToList();
        Assert.All(resync, e => Assert.True(e.IsSnapshot, $"{e} in the new snapshot is not history"));
        var historic = Assert.Single(resync.OfType<FillEvent>());
        Assert.Equal((whileDown, 2), (historic.BrokerOrderId, historic.Quantity));
        Assert.Contains(resync.OfType<PositionUpdateEvent>(), p => p.Position.Symbol == ConnectorFaultHarness.Symbol && p.Position.Quantity == 3);
        Assert.Empty(h.LiveFillsOf(whileDown));
        Assert.Equal([before, after], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Equal((Side.Sell, 3), (afterFill.Side, afterFill.Quantity));
        Assert.Equal([1, 1], h.Server.Connections.Select(c => c.SyncRequestCount));
    }

    [Fact]
    public async Task StalledSocketIsDeclaredDeadAfterTheSilenceTimeoutAndReplacedBySyncedOne()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();

        h.Faults.StallSockets();
        var whileStalled = h.TradeInPlatform("Buy", 1);
        var reconnecting = await h.StateAsync(Reconnecting, 1, TimeSpan.FromSeconds(20));
        h.Faults.ResumeSockets();
        await h.StateAsync(Connected, 2);
        await h.SnapshotCompleteAsync(2);
        var after = h.TradeInPlatform("Sell", 1);
        await h.LiveFillOfAsync(after);

        Assert.Contains("no frame from the server", reconnecting.Reason);
        Assert.Equal([Connecting, Connected, Reconnecting, Connected], States(h));
        Assert.True(Assert.Single(h.Probe.Events.OfType<FillEvent>(), f => f.BrokerOrderId == whileStalled).IsSnapshot);
        Assert.Equal([after], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Equal([1, 1], h.Server.Connections.Select(c => c.SyncRequestCount));
    }

    [Fact]
    public async Task ReconnectAfterTheTokenExpiredReplacesTheTokenAuthorizeRefused()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Server.Rest.ExpireAllTokens(); // the authorized socket stays open [C]; the next authorize is refused

        h.Server.DropAllConnections();
        var refused = await h.StateAsync(Reconnecting, 2);
        await h.StateAsync(Connected, 2);
        await h.SnapshotCompleteAsync(2);
        var after = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(after);

        Assert.Contains("Invalid access token", refused.Reason);
        Assert.Equal([Connecting, Connected, Reconnecting, Reconnecting, Connected], States(h));
        Assert.Equal([true, false, true], h.Server.Connections.Select(c => c.IsAuthorized));
        Assert.Single(h.Server.RequestsTo("auth/renewaccesstoken"));
        Assert.Equal(2, h.Server.RequestsTo("auth/accesstokenrequest").Count);
    }

    [Fact]
    public async Task RateLimitedAuthorizeIsRetriedAfterTheBackoffWithTheSameGoodToken()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync(beforeConnect: server => server.Faults.RateLimitNextSocketRequests(1));

        var limited = Assert.Single(h.Probe.Events.OfType<ConnectionStateEvent>(), e => e.State == Reconnecting);
        Assert.Contains("429", limited.Reason);
        Assert.Equal([Connecting, Reconnecting, Connected], States(h));
        Assert.Equal([false, true], h.Server.Connections.Select(c => c.IsAuthorized));
        Assert.Single(h.Server.RequestsTo("auth/accesstokenrequest"));
        Assert.Empty(h.Server.RequestsTo("auth/renewaccesstoken"));
    }

    [Fact]
    public async Task PenaltyTicketOnTheSyncRequestIsNoSnapshotAndTheStreamSyncsOnTheNextSocket()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync(beforeConnect: server =>
        {
            server.Exchange.TradeInPlatform(server.Exchange.Account("DEMO25").Id, ConnectorFaultHarness.Symbol, "Buy", 2);
            server.Faults.PenalizeNext("user/syncrequest", count: 1, seconds: 0);
        });
        var after = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(after);

        var reconnecting = Assert.Single(h.Probe.Events.OfType<ConnectionStateEvent>(), e => e.State == Reconnecting);
        Assert.Contains("p-ticket", reconnecting.Reason);
        Assert.Equal([Connecting, Reconnecting, Connected], States(h));
        Assert.Single(h.Probe.Events.OfType<SnapshotCompleteEvent>());
        var positions = h.Probe.Events.OfType<PositionUpdateEvent>().Select(p => (p.IsSnapshot, p.Position.Quantity));
        Assert.Equal([(true, 2), (false, 3)], positions);
        Assert.Equal(2, h.Server.RequestsTo("user/syncrequest").Count);
    }

    [Fact]
    public async Task SessionEndShutdownReconnectsWithoutEmittingAnyFillAgain()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        var before = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(before);

        await h.Server.EndSessionAsync();
        var reconnecting = await h.StateAsync(Reconnecting, 1);
        await h.StateAsync(Connected, 2);
        await h.SnapshotCompleteAsync(2);
        var after = h.TradeInPlatform("Sell", 1);
        await h.LiveFillOfAsync(after);

        Assert.Contains("Maintenance", reconnecting.Reason);
        Assert.Single(h.Probe.Events.OfType<FillEvent>(), f => f.BrokerOrderId == before);
        Assert.Equal([before, after], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Equal(2, h.Server.Connections.Count);
    }

    [Fact]
    public async Task ReplayOfTheDaysFillsEmitsNoLiveFill()
    {
        string? earlier = null;
        await using var h = await ConnectorFaultHarness.ConnectAsync(
            beforeConnect: server => earlier = ConnectorFaultHarness.Text(server.Exchange.TradeInPlatform(server.Exchange.Account("DEMO25").Id, ConnectorFaultHarness.Symbol, "Buy", 1)));
        var live = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(live);

        h.Exchange.ReplayFillsOfTheDay();
        var sentinel = h.TradeInPlatform("Sell", 2);
        await h.LiveFillOfAsync(sentinel);

        Assert.True(Assert.Single(h.Probe.Events.OfType<FillEvent>(), f => f.BrokerOrderId == earlier).IsSnapshot);
        Assert.Equal([live, sentinel], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Single(h.Server.Connections);
    }

    [Fact]
    public async Task DuplicatedEventsYieldEachLiveFillOnce()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.DuplicateEvents = true;

        var placed = await h.MarketAsync(Side.Buy, 2, "ct-dup");
        var fill = await h.LiveFillOfAsync(placed.BrokerOrderId!);
        var sentinel = h.TradeInPlatform("Sell", 1);
        await h.LiveFillOfAsync(sentinel);

        Assert.Equal(("ct-dup", 2), (fill.ClientOrderId, fill.Quantity));
        Assert.Equal([placed.BrokerOrderId, sentinel], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Equal(1, h.Probe.Live<PositionUpdateEvent>().Last().Position.Quantity);
        Assert.Contains(h.Server.Connections[0].SentFrames, f => f.Split("\"entityType\":\"fill\"").Length == 3);
    }

    [Theory]
    [InlineData(nameof(FakeTradovateEventOrders.FillsFirst))]
    [InlineData(nameof(FakeTradovateEventOrders.PositionsFirst))]
    [InlineData(nameof(FakeTradovateEventOrders.Reversed))]
    public async Task ReorderedEventsStillYieldTheFillOnceWithItsOrdersDetails(string order)
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.ReorderEvents = order switch
        {
            nameof(FakeTradovateEventOrders.FillsFirst) => FakeTradovateEventOrders.FillsFirst,
            nameof(FakeTradovateEventOrders.PositionsFirst) => FakeTradovateEventOrders.PositionsFirst,
            _ => FakeTradovateEventOrders.Reversed,
        };
        h.Faults.DelayRest("order/placeorder", TimeSpan.FromMilliseconds(200)); // the stream hears of the order before its REST answer

        var placed = await h.MarketAsync(Side.Sell, 2, "ct-reordered");
        var fill = await h.LiveFillOfAsync(placed.BrokerOrderId!);
        var sentinel = h.TradeInPlatform("Buy", 3);
        await h.LiveFillOfAsync(sentinel);

        Assert.Equal(
            (h.AccountId, ConnectorFaultHarness.Symbol, Side.Sell, 2, "ct-reordered"),
            (fill.AccountId, fill.Symbol, fill.Side, fill.Quantity, fill.ClientOrderId));
        Assert.Equal([placed.BrokerOrderId, sentinel], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Equal(1, h.Probe.Live<PositionUpdateEvent>().Last().Position.Quantity);
        var updates = h.Probe.Live<OrderUpdateEvent>().Where(e => e.Order.BrokerOrderId == placed.BrokerOrderId).ToList();
        Assert.All(updates, e => Assert.Equal("ct-reordered", e.Order.ClientOrderId));
        Assert.Equal((OrderStatus.Filled, 2), (updates[^1].Order.Status, updates[^1].Order.FilledQuantity));
        Assert.DoesNotContain(
            await h.Connector.GetWorkingOrdersAsync(h.AccountId, CancellationToken.None), o => o.BrokerOrderId == placed.BrokerOrderId);
    }

    [Fact]
    public async Task MalformedFramesAreSkippedAndTheStreamStaysUp()
    {
        await using var h = await ConnectorFaultHarness.ConnectAsync();
        h.Faults.MalformedFrameBeforeNextProps(2);

        var first = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(first);
        var second = h.TradeInPlatform("Buy", 1);
        await h.LiveFillOfAsync(second);

        Assert.Equal(2, h.Server.Connections[0].SentFrames.Count(f => f == TruncatedFrame));
        Assert.Equal([first, second], h.Probe.Live<FillEvent>().Select(f => f.BrokerOrderId));
        Assert.Equal([Connecting, Connected], States(h));
        Assert.Single(h.Server.Connections);
    }

    private static BrokerConnectionState[] States(ConnectorFaultHarness h) =>
        [.. h.Probe.Events.OfType<ConnectionStateEvent>().Select(e => e.State)];
}
