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
    private TradovateConnectorRig _rig = null!;
    private ConnectorProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _rig = await TradovateConnectorRig.StartAsync(clock: _clock);
        _probe = await ConnectorProbe.ConnectAsync(_rig.CreateConnector(["25"]));
    }

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task PlacesAndReadsOverRestWhileTheStreamWaitsToReconnect()
    {
        _rig.Server.DropAllConnections();
        await _probe.WaitForAsync<ConnectionStateEvent>(e => e.State == BrokerConnectionState.Reconnecting, "the stream to drop");
        Assert.Equal(BrokerConnectionState.Reconnecting, _probe.Connector.State); // the backoff waits on the fake clock
        Assert.True(_probe.Connector.Capabilities.OrdersWhileReconnecting);

        var placed = await _probe.Connector.PlaceOrderAsync(new OrderRequest("25", "MNQZ6", Side.Buy, 2, ClientOrderId: "while-down"), CancellationToken.None);

        Assert.True(placed.Accepted, placed.RejectReason);
        Assert.Equal(2, _rig.Server.Exchange.NetPosOf(25, "MNQZ6"));
        var position = Assert.Single(await _probe.Connector.GetPositionsAsync("25", CancellationToken.None));
        Assert.Equal(("MNQZ6", 2), (position.Symbol, position.Quantity));
        Assert.Empty(await _probe.Connector.GetWorkingOrdersAsync("25", CancellationToken.None));
    }
}
