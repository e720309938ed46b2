using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Infrastructure.Connections;

namespace CopyTrader.Tests.Infrastructure.Copying;

public sealed class BrokerReadinessTests
{
    private static readonly BrokerCapabilities StreamOnly = new(false, false, false, false, true);
    private static readonly BrokerCapabilities RestOrders = StreamOnly with { OrdersWhileReconnecting = true };

    [Theory]
    [InlineData(BrokerConnectionState.Connected, false, true)]
    [InlineData(BrokerConnectionState.Connected, true, true)]
    [InlineData(BrokerConnectionState.Reconnecting, false, false)]
    [InlineData(BrokerConnectionState.Reconnecting, true, true)]
    [InlineData(BrokerConnectionState.Connecting, true, false)]
    [InlineData(BrokerConnectionState.Failed, true, false)]
    [InlineData(BrokerConnectionState.Disconnected, true, false)]
    public void TradesWhenConnectedOrReconnectingAStreamItsOrdersDoNotNeed(BrokerConnectionState state, bool ordersWhileReconnecting, bool canTrade)
    {
        var connector = new ScriptedConnector(BrokerKind.Tradovate) { Capabilities = ordersWhileReconnecting ? RestOrders : StreamOnly };
        connector.Report(state, null);

        Assert.Equal(canTrade, BrokerReadiness.CanTrade(connector));
    }
}
