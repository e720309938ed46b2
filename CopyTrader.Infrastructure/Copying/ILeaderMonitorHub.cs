using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>Owns every broker connection; turns their events into leader fills to copy and account state to show.</summary>
public interface ILeaderMonitorHub
{
    /// <summary>A live leader fill that passed the replay, duplicate and loop filters.</summary>
    event Action<LeaderFill>? LeaderFillReceived;

    event Action<AccountState>? AccountStateChanged;

    /// <summary>A live order update on any account: a leader's drives order mirroring, a follower's OCO emulation.</summary>
    event Action<AccountOrderUpdate>? OrderUpdated;

    /// <summary>A connection finished its initial sync (after a connect or a reconnect): the accounts' state is fresh.</summary>
    event Action<IReadOnlyCollection<int>>? SnapshotCompleted;

    /// <summary>The leader's net position per contract as the hub tracks it (snapshot + live fills).</summary>
    IReadOnlyDictionary<string, int> LeaderPositions(int accountId);

    IReadOnlyCollection<AccountState> Accounts { get; }

    AccountState? AccountStateOf(int accountId);

    /// <summary>The connected connector serving an account, or null when its connection is down.</summary>
    IBrokerConnector? ConnectorFor(int accountId);
}

/// <summary>An order as its broker reported it live, with the account's net position in its contract at that moment.</summary>
public sealed record AccountOrderUpdate(int AccountId, BrokerOrder Order, int PositionBefore);
