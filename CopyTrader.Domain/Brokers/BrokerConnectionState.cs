namespace CopyTrader.Domain.Brokers;

public enum BrokerConnectionState
{
    Disconnected,
    Connecting,
    Connected,
    Reconnecting,
    Failed,
}
