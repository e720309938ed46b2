using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>Whether a connector can take orders now: connected, or reconnecting its stream when its orders do not need it.</summary>
internal static class BrokerReadiness
{
    public static bool CanTrade(IBrokerConnector connector) =>
        connector.State == BrokerConnectionState.Connected
        || (connector.State == BrokerConnectionState.Reconnecting && connector.Capabilities.OrdersWhileReconnecting);
}
