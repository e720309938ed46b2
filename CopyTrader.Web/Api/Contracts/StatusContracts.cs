using CopyTrader.Infrastructure.Users;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>The copier at a glance: its version, each connection's state, how many accounts, the last copy.</summary>
public sealed record StatusDto(string Version, IReadOnlyList<ConnectionStatusDto> Connections, int Accounts, CopyLogDto? LastCopy);

public sealed record ConnectionStatusDto(int Id, string Name, BrokerKind Kind, LiveStateDto Live);

/// <summary>
/// A connection's live state as its broker last reported it. <see cref="State"/> is null while the copier does not
/// connect it (none of its accounts is in a copy group). <see cref="Notice"/> is a standing warning, such as a
/// login the broker locked; <see cref="Reason"/> explains the last state change.
/// </summary>
public sealed record LiveStateDto(BrokerConnectionState? State, string? Reason, string? Notice)
{
    public static LiveStateDto Of(IEnumerable<int> accountIds, ILeaderMonitorHub hub)
    {
        var states = accountIds.Select(hub.AccountStateOf).OfType<AccountState>().ToList();
        return states.Count == 0
            ? new LiveStateDto(null, null, null)
            : new LiveStateDto(states[0].ConnectionState, FirstText(states.Select(s => s.ConnectionReason)), FirstText(states.Select(s => s.Notice)));
    }

    public static LiveStateDto Of(AccountState? state) =>
        state is null ? new LiveStateDto(null, null, null) : new LiveStateDto(state.ConnectionState, state.ConnectionReason, state.Notice);

    private static string? FirstText(IEnumerable<string?> texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}

public static class ConnectionStatusMapping
{
    public static ConnectionStatusDto Of(ConnectionSnapshot connection, UserScope scope, ILeaderMonitorHub hub) =>
        new(connection.Id, connection.Name, connection.Kind, LiveStateDto.Of(scope.Accounts.Where(a => a.ConnectionId == connection.Id).Select(a => a.Id), hub));
}
