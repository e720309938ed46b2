using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Changes to copy groups and followers. Each change is validated whole (rule problems, self-follow, copy
/// loops across groups) before anything is saved, then the in-memory snapshot is replaced so the next
/// copy uses it. Refusals are <see cref="CopyTraderDomainException"/>s with the reason. Each stored change is
/// committed together with its audit trail entry.
/// </summary>
public interface ICopyConfigurationService
{
    Task<int> CreateGroupAsync(string name, int leaderAccountId, bool autoCopyEnabled, CancellationToken ct = default);

    Task<int> AddFollowerAsync(int groupId, int accountId, FollowerRule rule, CancellationToken ct = default);

    Task UpdateFollowerRuleAsync(int followerId, FollowerRule rule, CancellationToken ct = default);

    Task SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default);

    /// <summary>Marks a follower as also traded by a webhook strategy (skipped while Copy:SkipFollowersWithWebhookOrders is on).</summary>
    Task SetFollowerReceivesWebhookOrdersAsync(int followerId, bool receives, CancellationToken ct = default);

    Task SetGroupOptionsAsync(int groupId, GroupOptions options, CancellationToken ct = default);
}

/// <summary>A copy group's switches: copying on/off, dry run, automatic drift repair, working-order mirroring.</summary>
public sealed record GroupOptions(bool AutoCopyEnabled, bool DryRun = false, bool AutoSync = false, bool MirrorWorkingOrders = false);

/// <summary>A change made in the context, not yet saved: the id it returns and its audit record, both read after the save.</summary>
internal sealed record PlannedChange(Func<int> Id, Func<AuditRecord> Audit);

internal sealed class CopyConfigurationService(IDbContextFactory<CopyTraderDbContext> dbFactory, ICopyConfigStore config, IAuditTrail audit) : ICopyConfigurationService
{
    public Task<int> CreateGroupAsync(string name, int leaderAccountId, bool autoCopyEnabled, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            await RequireAccountAsync(db, leaderAccountId, ct);
            var group = new CopyGroup(name, leaderAccountId, autoCopyEnabled);
            db.CopyGroups.Add(group);
            var leader = await AuditSubjects.AccountNameAsync(db, leaderAccountId, ct);
            return new PlannedChange(() => group.Id, () => new AuditRecord(AuditActions.GroupCreated, AuditSubjects.Group(group.Name),
                AuditDiff.Listing(AuditFields.Group(group.Name, leader, AuditFields.OptionsOf(group)))) { CopyGroupId = group.Id });
        }, ct);

    public Task<int> AddFollowerAsync(int groupId, int accountId, FollowerRule rule, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            await RequireAccountAsync(db, accountId, ct);
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Id == groupId, ct)
                ?? throw new CopyTraderDomainException($"Copy group {groupId} does not exist.");
            var follower = group.AddFollower(accountId, rule);
            await RefuseLoopsAsync(db, (group.LeaderAccountId, accountId), ct);
            var subject = AuditSubjects.Follower(await AuditSubjects.AccountNameAsync(db, accountId, ct), group.Name);
            return new PlannedChange(() => follower.Id, () => new AuditRecord(AuditActions.FollowerAdded, subject,
                AuditDiff.Listing(AuditFields.Follower(follower.Enabled, follower.Rule, follower.RiskLimits))) { CopyGroupId = groupId, AccountId = accountId });
        }, ct);

    public Task UpdateFollowerRuleAsync(int followerId, FollowerRule rule, CancellationToken ct = default) =>
        ChangeFollowerAsync(followerId, follower =>
        {
            var before = AuditFields.Rule(follower.Rule);
            follower.Apply(rule);
            return (AuditActions.FollowerRuleChanged, () => AuditDiff.Changes(before, AuditFields.Rule(follower.Rule)));
        }, ct);

    public Task SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default) =>
        ChangeFollowerAsync(followerId, follower =>
        {
            var before = follower.Enabled;
            follower.SetEnabled(enabled);
            return (enabled ? AuditActions.FollowerEnabled : AuditActions.FollowerDisabled, () => Switch("Enabled", before, enabled));
        }, ct);

    public Task SetFollowerReceivesWebhookOrdersAsync(int followerId, bool receives, CancellationToken ct = default) =>
        ChangeFollowerAsync(followerId, follower =>
        {
            var before = follower.ReceivesWebhookOrders;
            follower.SetReceivesWebhookOrders(receives);
            return (AuditActions.FollowerWebhookOrders, () => Switch("Receives webhook orders", before, receives));
        }, ct);

    public Task SetGroupOptionsAsync(int groupId, GroupOptions options, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            var group = await db.CopyGroups.SingleOrDefaultAsync(g => g.Id == groupId, ct)
                ?? throw new CopyTraderDomainException($"Copy group {groupId} does not exist.");
            var before = AuditFields.OptionsOf(group);
            group.SetAutoCopy(options.AutoCopyEnabled);
            group.SetDryRun(options.DryRun);
            group.SetAutoSync(options.AutoSync);
            group.SetMirrorWorkingOrders(options.MirrorWorkingOrders);

            // The cockpit's switch changes auto-copy alone: that is its own action, easy to find in the trail.
            var onlyAutoCopy = before.AutoCopyEnabled != options.AutoCopyEnabled && before with { AutoCopyEnabled = options.AutoCopyEnabled } == options;
            var action = onlyAutoCopy ? AuditActions.GroupAutoCopy : AuditActions.GroupOptions;
            return new PlannedChange(() => groupId, () => new AuditRecord(action, AuditSubjects.Group(group.Name),
                AuditDiff.Changes(AuditFields.Options(before), AuditFields.Options(options))) { CopyGroupId = groupId });
        }, ct);

    /// <summary>
    /// One transaction: the change, its audit entry (built after the first save, so it can name a new id), the commit.
    /// A refusal or a database error keeps neither.
    /// </summary>
    private async Task<int> SaveAsync(Func<CopyTraderDbContext, Task<PlannedChange>> change, CancellationToken ct)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var planned = await change(db);
            await db.SaveChangesAsync(ct);
            audit.Add(db, planned.Audit());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            id = planned.Id();
        }

        await config.ReloadAsync(ct);
        return id;
    }

    /// <summary>A change to one follower; <paramref name="change"/> returns the audit action and its details, read after the change.</summary>
    private Task ChangeFollowerAsync(int followerId, Func<Follower, (string Action, Func<string> Details)> change, CancellationToken ct) =>
        SaveAsync(async db =>
        {
            var follower = await FollowerAsync(db, followerId, ct);
            var subject = AuditSubjects.Follower(await AuditSubjects.AccountNameAsync(db, follower.AccountId, ct), await AuditSubjects.GroupNameAsync(db, follower.CopyGroupId, ct));
            var (action, details) = change(follower);
            return new PlannedChange(() => followerId, () => new AuditRecord(action, subject, details()) { CopyGroupId = follower.CopyGroupId, AccountId = follower.AccountId });
        }, ct);

    private static string Switch(string label, bool before, bool after) =>
        AuditDiff.Changes([new(label, AuditDiff.OnOff(before))], [new(label, AuditDiff.OnOff(after))]);

    internal static async Task RefuseLoopsAsync(CopyTraderDbContext db, (int Leader, int Follower) added, CancellationToken ct)
    {
        var edges = await (from f in db.Followers
                           join g in db.CopyGroups on f.CopyGroupId equals g.Id
                           select new { g.LeaderAccountId, f.AccountId }).ToListAsync(ct);
        var cycle = CopyGraph.FindCycle(edges.Select(e => (e.LeaderAccountId, e.AccountId)).Append(added));
        if (cycle is not null)
        {
            var names = await db.TradingAccounts.Where(a => cycle.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
            throw new CopyTraderDomainException($"Refused: this would create a copy loop ({string.Join(" → ", cycle.Select(id => names.GetValueOrDefault(id, $"#{id}")))}); a trade would be copied back to where it came from.");
        }
    }

    private static async Task RequireAccountAsync(CopyTraderDbContext db, int accountId, CancellationToken ct)
    {
        if (!await db.TradingAccounts.AnyAsync(a => a.Id == accountId, ct))
        {
            throw new CopyTraderDomainException($"Trading account {accountId} does not exist.");
        }
    }

    private static async Task<Follower> FollowerAsync(CopyTraderDbContext db, int followerId, CancellationToken ct) =>
        await db.Followers.SingleOrDefaultAsync(f => f.Id == followerId, ct)
        ?? throw new CopyTraderDomainException($"Follower {followerId} does not exist.");
}
