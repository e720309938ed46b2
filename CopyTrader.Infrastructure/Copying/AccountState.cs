using System.Collections.Immutable;
using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>What the cockpit shows for one account, as last reported by its broker. Immutable; replaced on change.</summary>
public sealed record AccountState(
    int AccountId,
    string DisplayName,
    string ConnectionName,
    BrokerConnectionState ConnectionState,
    string? ConnectionReason,
    AccountBalance? Balance,
    ImmutableDictionary<string, BrokerPosition> Positions)
{
    /// <summary>The connection's standing notice (e.g. a login locked by the broker), or null.</summary>
    public string? Notice { get; init; }

    public int PositionIn(string symbol) => Positions.TryGetValue(symbol, out var p) ? p.Quantity : 0;
}
