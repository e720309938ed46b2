using System.Security.Claims;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;

namespace CopyTrader.Web.Api;

/// <summary>
/// The one place that decides what an API caller may see and change. Every endpoint looks connections, accounts,
/// groups and followers up through the caller's <see cref="ApiScope"/>, so anything outside it is a 404. There is
/// no ownership yet: every signed-in user sees the whole configuration. Per-user visibility filters the snapshot
/// here (by the principal's user id and roles), and every endpoint follows.
/// </summary>
public sealed class ApiVisibility(ICopyConfigStore config)
{
    public ApiScope For(ClaimsPrincipal user) => new(config.Current);
}

/// <summary>What one caller may see, taken from one configuration snapshot.</summary>
public sealed class ApiScope(CopyConfigSnapshot config)
{
    public CopyConfigSnapshot Config => config;

    public IReadOnlyList<CopyGroupSnapshot> Groups => config.Groups;

    public IReadOnlyList<AccountSnapshot> Accounts => config.Accounts;

    public AccountSnapshot? Account(int accountId) => config.Account(accountId);

    public CopyGroupSnapshot? Group(int groupId) => config.Groups.FirstOrDefault(g => g.Id == groupId);

    public GroupFollower? Follower(int followerId) =>
        config.Groups.SelectMany(g => g.Followers.Select(f => new GroupFollower(g, f))).FirstOrDefault(p => p.Follower.Id == followerId);

    public bool SeesConnection(int connectionId) => config.Connections.Any(c => c.Id == connectionId);

    public bool SeesGroup(int groupId) => config.Groups.Any(g => g.Id == groupId);

    public string AccountName(int accountId) => config.Account(accountId)?.DisplayName ?? $"#{accountId}";

    /// <summary>
    /// The caller's copy log filter narrowed to the entries this caller may read. Unchanged today (everyone reads
    /// the whole log, including entries of groups deleted since); per-user visibility narrows it here.
    /// </summary>
    public CopyLogFilter Restrict(CopyLogFilter filter) => filter;
}

public sealed record GroupFollower(CopyGroupSnapshot Group, FollowerSnapshot Follower);
