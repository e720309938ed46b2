using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Copying;

/// <summary>
/// An immutable picture of the copy configuration, replaced whole when anything changes, so the hot path
/// reads it without touching the database.
/// </summary>
public sealed record CopyConfigSnapshot(
    IReadOnlyList<ConnectionSnapshot> Connections,
    IReadOnlyList<AccountSnapshot> Accounts,
    IReadOnlyList<CopyGroupSnapshot> Groups)
{
    public static readonly CopyConfigSnapshot Empty = new([], [], []);

    public AccountSnapshot? Account(int accountId) => Accounts.FirstOrDefault(a => a.Id == accountId);

    public IEnumerable<CopyGroupSnapshot> GroupsLedBy(int accountId) => Groups.Where(g => g.LeaderAccountId == accountId);

    public bool IsLeader(int accountId) => Groups.Any(g => g.LeaderAccountId == accountId);
}

public sealed record ConnectionSnapshot(int Id, string Name, BrokerKind Kind, string ProtectedCredentials);

public sealed record AccountSnapshot(int Id, int ConnectionId, string ExternalId, string DisplayName);

public sealed record CopyGroupSnapshot(int Id, string Name, int LeaderAccountId, bool AutoCopyEnabled, IReadOnlyList<FollowerSnapshot> Followers);

public sealed record FollowerSnapshot(int Id, int AccountId, decimal Multiplier, bool Enabled);
