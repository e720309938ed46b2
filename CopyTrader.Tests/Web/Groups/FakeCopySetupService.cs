using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;

namespace CopyTrader.Tests.Web.Groups;

/// <summary>Answers the forms as the test sets it up and records every change they ask for.</summary>
internal sealed class FakeCopySetupService : ICopySetupService
{
    public List<CopyGroupView> Groups { get; } = [];
    public List<AccountOption> Accounts { get; } =
    [
        new(1, "Leader", "SIM-1", "Paper"),
        new(2, "Alpha", "SIM-2", "Paper"),
        new(3, "Beta", "SIM-3", "Paper"),
    ];

    public List<ContractMapView> GlobalMaps { get; } = [];

    /// <summary>What every change answers; a refusal here is shown by the form.</summary>
    public CopySetupResult Result { get; set; } = CopySetupResult.Done(7);

    /// <summary>Each change as "Method: arguments", in the order asked.</summary>
    public List<string> Calls { get; } = [];

    public List<GroupDraft> GroupDrafts { get; } = [];
    public List<FollowerSettings> FollowerSettings { get; } = [];
    public List<(int? GroupId, ContractMapping Mapping)> AddedMaps { get; } = [];
    public int Loads { get; private set; }

    public static CopyGroupView Group(int id, string name, params FollowerView[] followers) =>
        new(id, name, 1, "Leader", new GroupOptions(true), followers, []);

    public static FollowerView Follower(int id, int accountId, string name, FollowerRule? rule = null, FollowerRiskLimits? limits = null, bool enabled = true) =>
        new(id, accountId, name, enabled, rule ?? FollowerRule.Default, limits ?? FollowerRiskLimits.None);

    /// <summary>When set, loading fails with it (as a database outage would).</summary>
    public Exception? LoadFailure { get; set; }

    public Task<IReadOnlyList<CopyGroupView>> ListGroupsAsync(CancellationToken ct = default)
    {
        Loads++;
        if (LoadFailure is not null)
        {
            return Task.FromException<IReadOnlyList<CopyGroupView>>(LoadFailure);
        }

        return Task.FromResult<IReadOnlyList<CopyGroupView>>(Groups.ToList());
    }

    public Task<IReadOnlyList<AccountOption>> ListAccountsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<AccountOption>>(Accounts.ToList());

    public Task<IReadOnlyList<ContractMapView>> ListGlobalContractMapsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<ContractMapView>>(GlobalMaps.ToList());

    public Task<CopySetupResult> CreateGroupAsync(GroupDraft draft, CancellationToken ct = default) => Record($"CreateGroup: {draft.Name}", () => GroupDrafts.Add(draft));

    public Task<CopySetupResult> UpdateGroupAsync(int groupId, GroupDraft draft, CancellationToken ct = default) => Record($"UpdateGroup: {groupId} {draft.Name}", () => GroupDrafts.Add(draft));

    public Task<CopySetupResult> DeleteGroupAsync(int groupId, CancellationToken ct = default) => Record($"DeleteGroup: {groupId}");

    public Task<CopySetupResult> AddFollowerAsync(int groupId, int accountId, FollowerSettings settings, CancellationToken ct = default) =>
        Record($"AddFollower: {groupId} {accountId}", () => FollowerSettings.Add(settings));

    public Task<CopySetupResult> UpdateFollowerAsync(int followerId, FollowerSettings settings, CancellationToken ct = default) =>
        Record($"UpdateFollower: {followerId}", () => FollowerSettings.Add(settings));

    public Task<CopySetupResult> SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default) => Record($"SetFollowerEnabled: {followerId} {enabled}");

    public Task<CopySetupResult> SetFollowerRiskLimitsAsync(int followerId, FollowerRiskLimits limits, CancellationToken ct = default) => Record($"SetFollowerRiskLimits: {followerId}");

    public Task<CopySetupResult> RemoveFollowerAsync(int followerId, CancellationToken ct = default) => Record($"RemoveFollower: {followerId}");

    public Task<CopySetupResult> AddContractMapAsync(int? groupId, ContractMapping mapping, CancellationToken ct = default) =>
        Record($"AddContractMap: {groupId?.ToString() ?? "global"} {mapping.SourceRoot}→{mapping.TargetRoot}×{mapping.Ratio}", () =>
        {
            AddedMaps.Add((groupId, mapping));
            if (Result.Succeeded && groupId is null)
            {
                GlobalMaps.Add(new ContractMapView(100 + GlobalMaps.Count, null, mapping)); // the next load shows the row
            }
        });

    public Task<CopySetupResult> RemoveContractMapAsync(int contractMapId, CancellationToken ct = default) => Record($"RemoveContractMap: {contractMapId}");

    private Task<CopySetupResult> Record(string call, Action? keep = null)
    {
        Calls.Add(call);
        keep?.Invoke();
        return Task.FromResult(Result);
    }
}
