namespace CopyTrader.Domain.Brokers;

/// <summary>
/// What a broker supports natively; the engine emulates or refuses what it lacks. <see cref="OrdersWhileReconnecting"/>:
/// orders and reads go over a channel of their own (Tradovate's REST), so they work while the event stream reconnects
/// (seed pitfall 22: a dead stream must not block trades).
/// </summary>
public sealed record BrokerCapabilities(
    bool Brackets,
    bool NativeOco,
    bool TrailingStops,
    bool ShortLocates,
    bool ModifyOrders,
    bool OrdersWhileReconnecting = false);
