namespace CopyTrader.Domain.Brokers;

/// <summary>What a broker supports natively; the engine emulates or refuses what it lacks.</summary>
public sealed record BrokerCapabilities(
    bool Brackets,
    bool NativeOco,
    bool TrailingStops,
    bool ShortLocates,
    bool ModifyOrders);
