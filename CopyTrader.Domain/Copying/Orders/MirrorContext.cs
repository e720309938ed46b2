using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// A follower's account as the copier knows it right now: the broker's account id, what the broker supports,
/// and the follower's signed net position in the (mapped) contract.
/// </summary>
public sealed record FollowerAccountState(string BrokerAccountId, BrokerCapabilities Capabilities, int Position);

/// <summary>
/// Everything about the copy group the order planner reads: its followers and rules, its contract map, and a
/// lookup of each follower's account state by follower and follower symbol.
/// </summary>
public sealed record MirrorContext(
    CopyGroupSnapshot Group,
    ContractMap ContractMap,
    Func<FollowerSnapshot, string, FollowerAccountState> FollowerState);
