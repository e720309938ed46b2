using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.CopySetup;

/// <summary>
/// Copy groups, followers and contract maps as the configuration forms edit them. Each write is checked whole
/// (names, rule and limit problems, self-follow, copy loops across groups, duplicate maps) and stored in one
/// transaction touching only what it names; refusals come back as messages in the result. Every stored change
/// reloads the copy configuration, so the next copy uses it.
/// </summary>
public interface ICopySetupService
{
    Task<IReadOnlyList<CopyGroupView>> ListGroupsAsync(CancellationToken ct = default);

    /// <summary>Every saved trading account, for the leader and follower pickers.</summary>
    Task<IReadOnlyList<AccountOption>> ListAccountsAsync(CancellationToken ct = default);

    /// <summary>The mappings every group uses unless it maps the same root itself.</summary>
    Task<IReadOnlyList<ContractMapView>> ListGlobalContractMapsAsync(CancellationToken ct = default);

    Task<CopySetupResult> CreateGroupAsync(GroupDraft draft, CancellationToken ct = default);

    /// <summary>Name, leader and switches; the followers and maps stay as they are.</summary>
    Task<CopySetupResult> UpdateGroupAsync(int groupId, GroupDraft draft, CancellationToken ct = default);

    /// <summary>Removes the group with its followers and its own contract maps; accounts, global maps and the copy log stay.</summary>
    Task<CopySetupResult> DeleteGroupAsync(int groupId, CancellationToken ct = default);

    Task<CopySetupResult> AddFollowerAsync(int groupId, int accountId, FollowerSettings settings, CancellationToken ct = default);

    /// <summary>Replaces the follower's rule, limits and switch; the group's other followers and maps stay as they are.</summary>
    Task<CopySetupResult> UpdateFollowerAsync(int followerId, FollowerSettings settings, CancellationToken ct = default);

    Task<CopySetupResult> SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default);

    /// <summary>Replaces only the follower's risk limits; its rule and switch stay as they are (a concurrent toggle is never undone).</summary>
    Task<CopySetupResult> SetFollowerRiskLimitsAsync(int followerId, FollowerRiskLimits limits, CancellationToken ct = default);

    /// <summary>Stops copying to the account; its positions and orders at the broker are left as they are.</summary>
    Task<CopySetupResult> RemoveFollowerAsync(int followerId, CancellationToken ct = default);

    /// <summary>Adds a mapping to a group, or a global one when <paramref name="groupId"/> is null; a second mapping of the same root there is refused.</summary>
    Task<CopySetupResult> AddContractMapAsync(int? groupId, ContractMapping mapping, CancellationToken ct = default);

    Task<CopySetupResult> RemoveContractMapAsync(int contractMapId, CancellationToken ct = default);
}
