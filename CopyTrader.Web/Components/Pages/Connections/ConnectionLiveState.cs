using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Web.Components.Pages.Connections;

/// <summary>
/// A connection's live state as the hub reports it for its accounts (one connector serves them all), or null
/// when none of them is in a copy group: the hub only connects connections the copier uses. A standing notice (a
/// login the broker locked) goes before the last state change's reason.
/// </summary>
public sealed record ConnectionLiveState(BrokerConnectionState State, string? Reason)
{
    public static ConnectionLiveState? Of(ConnectionSummary connection, Func<int, AccountState?> stateOf)
    {
        var states = connection.Accounts.Select(a => stateOf(a.Id)).OfType<AccountState>().ToList();
        return states.Count == 0
            ? null
            : new ConnectionLiveState(
                states[0].ConnectionState,
                states.Select(s => s.Notice).Concat(states.Select(s => s.ConnectionReason)).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)));
    }
}
