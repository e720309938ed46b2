using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Copying;

/// <summary>
/// An immutable picture of the copy configuration, replaced whole when anything changes, so the hot path
/// reads it without touching the database.
/// </summary>
public sealed record CopyConfigSnapshot(
    IReadOnlyList<ConnectionSnapshot> Connections,
    IReadOnlyList<AccountSnapshot> Accounts,
    IReadOnlyList<CopyGroupSnapshot> Groups,
    IReadOnlyList<ContractMapping> GlobalContractMappings)
{
    public static readonly CopyConfigSnapshot Empty = new([], [], [], []);

    public ContractMap ContractMapFor(CopyGroupSnapshot group) => new(group.ContractMappings, GlobalContractMappings);

    private (IReadOnlyList<AccountSnapshot> Source, Dictionary<int, AccountSnapshot> ById)? _accountIndex;

    /// <summary>An account by id; indexed once per snapshot, since the copy path asks for every follower.</summary>
    public AccountSnapshot? Account(int accountId)
    {
        if (_accountIndex is not { } index || !ReferenceEquals(index.Source, Accounts))
        {
            index = (Accounts, Accounts.ToDictionary(a => a.Id));
            _accountIndex = index;
        }

        return index.ById.GetValueOrDefault(accountId);
    }

    public IEnumerable<CopyGroupSnapshot> GroupsLedBy(int accountId) => Groups.Where(g => g.LeaderAccountId == accountId);

    public bool IsLeader(int accountId) => Groups.Any(g => g.LeaderAccountId == accountId);
}

public sealed record ConnectionSnapshot(int Id, string Name, BrokerKind Kind, string ProtectedCredentials)
{
    /// <summary>The owning user's id; null when no trader owns the connection (only admins see it).</summary>
    public string? OwnerUserId { get; init; }
}

public sealed record AccountSnapshot(int Id, int ConnectionId, string ExternalId, string DisplayName);

public sealed record CopyGroupSnapshot(
    int Id,
    string Name,
    int LeaderAccountId,
    bool AutoCopyEnabled,
    IReadOnlyList<FollowerSnapshot> Followers)
{
    /// <summary>Plan and log what would be sent; send nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Repair drift found by reconciliation automatically.</summary>
    public bool AutoSync { get; init; }

    /// <summary>Also replicate the leader's working orders (order mirroring).</summary>
    public bool MirrorWorkingOrders { get; init; }

    public IReadOnlyList<ContractMapping> ContractMappings { get; init; } = [];
}

/// <summary>A follower of a group. <see cref="ReceivesWebhookOrders"/>: a webhook strategy also trades this account.</summary>
public sealed record FollowerSnapshot(int Id, int AccountId, bool Enabled, FollowerRule Rule)
{
    public bool ReceivesWebhookOrders { get; init; }
}
