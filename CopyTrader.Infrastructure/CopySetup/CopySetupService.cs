using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
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
            var leader = await AuditSubjects.AccountNameAsync(db, draft.LeaderAccountId, ct);
            return Change.Saved(() => group.Id, () => new AuditRecord(AuditActions.GroupCreated, AuditSubjects.Group(group.Name),
                AuditDiff.Listing(AuditFields.Group(group.Name, leader, draft.Options))) { CopyGroupId = group.Id });
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
            var before = AuditFields.Group(group.Name, await AuditSubjects.AccountNameAsync(db, group.LeaderAccountId, ct), AuditFields.OptionsOf(group));
            var after = AuditFields.Group(draft.Name.Trim(), await AuditSubjects.AccountNameAsync(db, draft.LeaderAccountId, ct), draft.Options);
            var subject = AuditSubjects.Group(group.Name);
            group.Rename(draft.Name.Trim());
            group.ChangeLeader(draft.LeaderAccountId);
            SetOptions(group, draft.Options);
            AuditRecord Audit() => new(AuditActions.GroupUpdated, subject, AuditDiff.Changes(before, after)) { CopyGroupId = groupId };
            return leaderChanged && group.Followers.FirstOrDefault() is { } anyFollower
                ? Change.Saved(() => groupId, Audit, (draft.LeaderAccountId, anyFollower.AccountId))
                : Change.Saved(() => groupId, Audit);
        }, ct);

    public Task<CopySetupResult> DeleteGroupAsync(int groupId, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Id == groupId, ct);
            if (group is null)
            {
                return Change.Refused(SetupRules.MissingGroup(groupId));
            }

            var maps = await db.ContractMaps.Where(m => m.CopyGroupId == groupId).ToListAsync(ct);
            var accounts = group.Followers.Select(f => f.AccountId).Append(group.LeaderAccountId).ToList();
            var names = await db.TradingAccounts.Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
            var details = AuditDiff.Listing(
            [
                new("Leader", AuditDiff.Quoted(names.GetValueOrDefault(group.LeaderAccountId, $"#{group.LeaderAccountId}"))),
                new("Followers", AuditDiff.List(group.Followers.Select(f => $"'{names.GetValueOrDefault(f.AccountId, $"#{f.AccountId}")}'"))),
                new("Contract maps", AuditDiff.List(maps.Select(m => SetupRules.Describe(m.ToMapping())))),
            ]);
            db.ContractMaps.RemoveRange(maps);
            db.CopyGroups.Remove(group);
            return Change.Saved(() => groupId, () => new AuditRecord(AuditActions.GroupDeleted, AuditSubjects.Group(group.Name), details) { CopyGroupId = groupId });
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
            var subject = AuditSubjects.Follower(await AuditSubjects.AccountNameAsync(db, accountId, ct), group.Name);
            return Change.Saved(
                () => follower.Id,
                () => new AuditRecord(AuditActions.FollowerAdded, subject, AuditDiff.Listing(AuditFields.Follower(follower.Enabled, follower.Rule, follower.RiskLimits)))
                {
                    CopyGroupId = groupId,
                    AccountId = accountId,
                },
                (group.LeaderAccountId, accountId));
        }, ct);

    public Task<CopySetupResult> UpdateFollowerAsync(int followerId, FollowerSettings settings, CancellationToken ct = default) =>
        WithFollowerAsync(followerId, (follower, audit) =>
        {
            if (SetupRules.SettingsProblems(settings) is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            var before = FieldsOf(follower);
            follower.Apply(settings.Rule);
            follower.SetRiskLimits(settings.RiskLimits);
            follower.SetEnabled(settings.Enabled);
            return Change.Saved(() => followerId, () => audit(AuditActions.FollowerUpdated, AuditDiff.Changes(before, FieldsOf(follower))));
        }, ct);

    public Task<CopySetupResult> SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default) =>
        WithFollowerAsync(followerId, (follower, audit) =>
        {
            var before = follower.Enabled;
            follower.SetEnabled(enabled);
            return Change.Saved(() => followerId, () => audit(
                enabled ? AuditActions.FollowerEnabled : AuditActions.FollowerDisabled,
                AuditDiff.Changes([new("Enabled", AuditDiff.OnOff(before))], [new("Enabled", AuditDiff.OnOff(enabled))])));
        }, ct);

    public Task<CopySetupResult> SetFollowerRiskLimitsAsync(int followerId, FollowerRiskLimits limits, CancellationToken ct = default) =>
        WithFollowerAsync(followerId, (follower, audit) =>
        {
            if (limits.Problems() is { Count: > 0 } problems)
            {
                return Change.Refused(problems);
            }

            var before = AuditFields.RiskLimits(follower.RiskLimits);
            follower.SetRiskLimits(limits);
            return Change.Saved(() => followerId, () => audit(AuditActions.FollowerRiskLimits, AuditDiff.Changes(before, AuditFields.RiskLimits(follower.RiskLimits))));
        }, ct);

    public Task<CopySetupResult> RemoveFollowerAsync(int followerId, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Followers.Any(f => f.Id == followerId), ct);
            if (group is null)
            {
                return Change.Refused(SetupRules.MissingFollower(followerId));
            }

            var follower = group.Followers.Single(f => f.Id == followerId);
            var record = new AuditRecord(
                AuditActions.FollowerRemoved,
                AuditSubjects.Follower(await AuditSubjects.AccountNameAsync(db, follower.AccountId, ct), group.Name),
                $"Removed; its positions and orders at the broker stay as they are. Its settings were: {AuditDiff.Listing(FieldsOf(follower))}")
            {
                CopyGroupId = group.Id,
                AccountId = follower.AccountId,
            };
            group.RemoveFollower(followerId);
            return Change.Saved(() => followerId, () => record);
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
            var record = await ContractMapRecordAsync(db, AuditActions.ContractMapAdded, entry, "Added", ct);
            return Change.Saved(() => entry.Id, () => record);
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
            var record = await ContractMapRecordAsync(db, AuditActions.ContractMapRemoved, entry, "Removed", ct);
            return Change.Saved(() => contractMapId, () => record);
        }, ct);

    private static void SetOptions(CopyGroup group, GroupOptions options)
    {
        group.SetAutoCopy(options.AutoCopyEnabled);
        group.SetDryRun(options.DryRun);
        group.SetAutoSync(options.AutoSync);
        group.SetMirrorWorkingOrders(options.MirrorWorkingOrders);
    }

    private static IReadOnlyList<AuditField> FieldsOf(Follower follower) => AuditFields.Follower(follower.Enabled, follower.Rule, follower.RiskLimits);

    private static async Task<AuditRecord> ContractMapRecordAsync(CopyTraderDbContext db, string action, ContractMapEntry entry, string verb, CancellationToken ct)
    {
        var groupName = entry.CopyGroupId is { } groupId ? await AuditSubjects.GroupNameAsync(db, groupId, ct) : null;
        return new AuditRecord(action, AuditSubjects.ContractMap(entry.SourceRoot, groupName), $"{verb} {SetupRules.Describe(entry.ToMapping())}")
        {
            CopyGroupId = entry.CopyGroupId,
        };
    }

    /// <summary>The follower, and a maker of its audit record (action, details) naming it by account and group.</summary>
    private Task<CopySetupResult> WithFollowerAsync(int followerId, Func<Follower, Func<string, string, AuditRecord>, Change> change, CancellationToken ct) =>
        writer.WriteAsync(async db =>
        {
            if (await db.Followers.SingleOrDefaultAsync(f => f.Id == followerId, ct) is not { } follower)
            {
                return Change.Refused(SetupRules.MissingFollower(followerId));
            }

            var subject = AuditSubjects.Follower(await AuditSubjects.AccountNameAsync(db, follower.AccountId, ct), await AuditSubjects.GroupNameAsync(db, follower.CopyGroupId, ct));
            return change(follower, (action, details) => new AuditRecord(action, subject, details) { CopyGroupId = follower.CopyGroupId, AccountId = follower.AccountId });
        }, ct);
}
