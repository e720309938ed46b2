using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.CopySetup;

internal sealed class CopySetupService(SetupWriter writer, CopySetupReader reader) : ICopySetupService
{
    public Task<IReadOnlyList<CopyGroupView>> ListGroupsAsync(CancellationToken ct = default) => reader.ListGroupsAsync(ct);

    public Task<IReadOnlyList<AccountOption>> ListAccountsAsync(CancellationToken ct = default) => reader.ListAccountsAsync(ct);

    public Task<IReadOnlyList<ContractMapView>> ListGlobalContractMapsAsync(CancellationToken ct = default) => reader.ListGlobalContractMapsAsync(ct);

    public Task<CopySetupResult> CreateGroupAsync(GroupDraft draft, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            if (await SetupRules.GroupProblemsAsync(db, draft, null, ct) is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            var group = new CopyGroup(draft.Name.Trim(), draft.LeaderAccountId, draft.Options.AutoCopyEnabled);
            SetOptions(group, draft.Options);
            db.CopyGroups.Add(group);
            return Change.Saved(() => group.Id);
        }, ct);

    public Task<CopySetupResult> UpdateGroupAsync(int groupId, GroupDraft draft, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Id == groupId, ct);
            if (group is null)
            {
                return Change.Refused(SetupRules.MissingGroup(groupId));
            }

            if (await SetupRules.GroupProblemsAsync(db, draft, group, ct) is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            var leaderChanged = group.LeaderAccountId != draft.LeaderAccountId;
            group.Rename(draft.Name.Trim());
            group.ChangeLeader(draft.LeaderAccountId);
            SetOptions(group, draft.Options);
            return leaderChanged && group.Followers.FirstOrDefault() is { } anyFollower
                ? Change.Saved(() => groupId, (draft.LeaderAccountId, anyFollower.AccountId))
                : Change.Saved(() => groupId);
        }, ct);

    public Task<CopySetupResult> DeleteGroupAsync(int groupId, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Id == groupId, ct);
            if (group is null)
            {
                return Change.Refused(SetupRules.MissingGroup(groupId));
            }

            db.ContractMaps.RemoveRange(await db.ContractMaps.Where(m => m.CopyGroupId == groupId).ToListAsync(ct));
            db.CopyGroups.Remove(group);
            return Change.Saved(() => groupId);
        }, ct);

    public Task<CopySetupResult> AddFollowerAsync(int groupId, int accountId, FollowerSettings settings, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Id == groupId, ct);
            if (group is null)
            {
                return Change.Refused(SetupRules.MissingGroup(groupId));
            }

            if (await SetupRules.NewFollowerProblemsAsync(db, group, accountId, settings, ct) is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            var follower = group.AddFollower(accountId, settings.Rule);
            follower.SetRiskLimits(settings.RiskLimits);
            follower.SetEnabled(settings.Enabled);
            return Change.Saved(() => follower.Id, (group.LeaderAccountId, accountId));
        }, ct);

    public Task<CopySetupResult> UpdateFollowerAsync(int followerId, FollowerSettings settings, CancellationToken ct = default) =>
        WithFollowerAsync(followerId, follower =>
        {
            if (SetupRules.SettingsProblems(settings) is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            follower.Apply(settings.Rule);
            follower.SetRiskLimits(settings.RiskLimits);
            follower.SetEnabled(settings.Enabled);
            return Change.Saved(() => followerId);
        }, ct);

    public Task<CopySetupResult> SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default) =>
        WithFollowerAsync(followerId, follower =>
        {
            follower.SetEnabled(enabled);
            return Change.Saved(() => followerId);
        }, ct);

    public Task<CopySetupResult> SetFollowerRiskLimitsAsync(int followerId, FollowerRiskLimits limits, CancellationToken ct = default) =>
        WithFollowerAsync(followerId, follower =>
        {
            if (limits.Problems() is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            follower.SetRiskLimits(limits);
            return Change.Saved(() => followerId);
        }, ct);

    public Task<CopySetupResult> RemoveFollowerAsync(int followerId, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Followers.Any(f => f.Id == followerId), ct);
            if (group is null)
            {
                return Change.Refused(SetupRules.MissingFollower(followerId));
            }

            group.RemoveFollower(followerId);
            return Change.Saved(() => followerId);
        }, ct);

    public Task<CopySetupResult> AddContractMapAsync(int? groupId, ContractMapping mapping, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            if (groupId is { } id && !await db.CopyGroups.AnyAsync(g => g.Id == id, ct))
            {
                return Change.Refused(SetupRules.MissingGroup(id));
            }

            if (await SetupRules.ContractMapProblemsAsync(db, groupId, mapping, ct) is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            var entry = new ContractMapEntry(groupId, mapping with { SourceRoot = mapping.SourceRoot.Trim(), TargetRoot = mapping.TargetRoot.Trim() });
            db.ContractMaps.Add(entry);
            return Change.Saved(() => entry.Id);
        }, ct);

    public Task<CopySetupResult> RemoveContractMapAsync(int contractMapId, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var entry = await db.ContractMaps.SingleOrDefaultAsync(m => m.Id == contractMapId, ct);
            if (entry is null)
            {
                return Change.Refused($"Contract map {contractMapId} does not exist.");
            }

            db.ContractMaps.Remove(entry);
            return Change.Saved(() => contractMapId);
        }, ct);

    private static void SetOptions(CopyGroup group, GroupOptions options)
    {
        group.SetAutoCopy(options.AutoCopyEnabled);
        group.SetDryRun(options.DryRun);
        group.SetAutoSync(options.AutoSync);
        group.SetMirrorWorkingOrders(options.MirrorWorkingOrders);
    }

    private Task<CopySetupResult> WithFollowerAsync(int followerId, Func<Follower, Change> change, CancellationToken ct) =>
        writer.WriteAsync(async db => await db.Followers.SingleOrDefaultAsync(f => f.Id == followerId, ct) is { } follower
            ? change(follower)
            : Change.Refused(SetupRules.MissingFollower(followerId)), ct);
}
