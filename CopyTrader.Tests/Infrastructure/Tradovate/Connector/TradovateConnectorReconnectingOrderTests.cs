using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Tests.Contract;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>Seed pitfall 22: a dead user stream must not block trades; orders go over REST while the stream reconnects.</summary>
public sealed class TradovateConnectorReconnectingOrderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T15:00:00Z"));
    private ConnectorFaultHarness _desk = null!;

    private TradovateConnectorRig Rig => _desk.Rig;

    private ConnectorProbe Probe => _desk.Probe;

    public async Task InitializeAsync() => _desk = await ConnectorFaultHarness.ConnectAsync(clock: _clock);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task PlacesAndReadsOverRestWhileTheStreamWaitsToReconnect()
    {
        Rig.Server.DropAllConnections();
        await Probe.WaitForAsync<ConnectionStateEvent>(e => e.State == BrokerConnectionState.Reconnecting, "the stream to drop");
        Assert.Equal(BrokerConnectionState.Reconnecting, Probe.Connector.State); // the backoff waits on the fake clock
        Assert.True(Probe.Connector.Capabilities.OrdersWhileReconnecting);

        var placed = await Probe.Connector.PlaceOrderAsync(new OrderRequest("25", "MNQZ6", Side.Buy, 2, ClientOrderId: "while-down"), CancellationToken.None);

        Assert.True(placed.Accepted, placed.RejectReason);
        Assert.Equal(2, Rig.Server.Exchange.NetPosOf(25, "MNQZ6"));
        var position = Assert.Single(await Probe.Connector.GetPositionsAsync("25", CancellationToken.None));
        Assert.Equal(("MNQZ6", 2), (position.Symbol, position.Quantity));
        Assert.Empty(await Probe.Connector.GetWorkingOrdersAsync("25", CancellationToken.None));
    }
}
