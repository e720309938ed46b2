using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying.History;

namespace CopyTrader.Infrastructure.Users;

/// <summary>
/// What one user may see and change, taken from one configuration snapshot. An admin sees the whole configuration;
/// a trader sees <see cref="OwnerView"/>. Pages and API endpoints look every id up through the scope, so anything
/// outside it is "not found" — the UI and the API apply the same rule.
/// </summary>
public sealed class UserScope
{
    private readonly HashSet<int> _accountIds;

    private UserScope(Viewer viewer, CopyConfigSnapshot visible)
    {
        Viewer = viewer;
        Config = visible;
        _accountIds = visible.Accounts.Select(a => a.Id).ToHashSet();
    }

    public static UserScope For(Viewer viewer, CopyConfigSnapshot config) =>
        new(viewer, viewer.IsAdmin ? config : OwnerView.Of(config, viewer.UserId));

    public Viewer Viewer { get; }

    public bool IsAdmin => Viewer.IsAdmin;

    /// <summary>The visible part of the configuration.</summary>
    public CopyConfigSnapshot Config { get; }

    public IReadOnlyList<CopyGroupSnapshot> Groups => Config.Groups;

    public IReadOnlyList<AccountSnapshot> Accounts => Config.Accounts;

    public AccountSnapshot? Account(int accountId) => Config.Account(accountId);

    public CopyGroupSnapshot? Group(int groupId) => Config.Groups.FirstOrDefault(g => g.Id == groupId);

    public GroupFollower? Follower(int followerId) =>
        Config.Groups.SelectMany(g => g.Followers.Select(f => new GroupFollower(g, f))).FirstOrDefault(p => p.Follower.Id == followerId);

    public bool SeesConnection(int connectionId) => Config.Connections.Any(c => c.Id == connectionId);

    public bool SeesAccount(int accountId) => _accountIds.Contains(accountId);

    public bool SeesGroup(int groupId) => Config.Groups.Any(g => g.Id == groupId);

    /// <summary>Global contract maps apply to every user's groups: only an admin changes them.</summary>
    public bool MayChangeGlobalContractMaps => IsAdmin;

    public string AccountName(int accountId) => Config.Account(accountId)?.DisplayName ?? $"#{accountId}";

    /// <summary>A copy to or from one of the visible accounts.</summary>
    public bool Sees(CopyLogEntry entry) => IsAdmin || SeesAccount(entry.LeaderAccountId) || SeesAccount(entry.FollowerAccountId);

    /// <summary>The filter narrowed to this user's copies (unchanged for an admin).</summary>
    public CopyLogFilter Restrict(CopyLogFilter filter) => IsAdmin ? filter : filter with { VisibleAccountIds = _accountIds.ToList() };
}

public sealed record GroupFollower(CopyGroupSnapshot Group, FollowerSnapshot Follower);
