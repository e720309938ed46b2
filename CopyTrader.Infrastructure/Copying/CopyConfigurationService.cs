using CopyTrader.Domain;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Changes to copy groups and followers. Each change is validated whole (rule problems, self-follow, copy
/// loops across groups) before anything is saved, then the in-memory snapshot is replaced so the next
/// copy uses it. Refusals are <see cref="CopyTraderDomainException"/>s with the reason.
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

internal sealed class CopyConfigurationService(IDbContextFactory<CopyTraderDbContext> dbFactory, ICopyConfigStore config) : ICopyConfigurationService
{
    public Task<int> CreateGroupAsync(string name, int leaderAccountId, bool autoCopyEnabled, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            await RequireAccountAsync(db, leaderAccountId, ct);
            var group = new CopyGroup(name, leaderAccountId, autoCopyEnabled);
            db.CopyGroups.Add(group);
            return () => group.Id;
        }, ct);

    public Task<int> AddFollowerAsync(int groupId, int accountId, FollowerRule rule, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            await RequireAccountAsync(db, accountId, ct);
            var group = await db.CopyGroups.Include(g => g.Followers).SingleOrDefaultAsync(g => g.Id == groupId, ct)
                ?? throw new CopyTraderDomainException($"Copy group {groupId} does not exist.");
            var follower = group.AddFollower(accountId, rule);
            await RefuseLoopsAsync(db, (group.LeaderAccountId, accountId), ct);
            return () => follower.Id;
        }, ct);

    public Task UpdateFollowerRuleAsync(int followerId, FollowerRule rule, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            (await FollowerAsync(db, followerId, ct)).Apply(rule);
            return () => followerId;
        }, ct);

    public Task SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            (await FollowerAsync(db, followerId, ct)).SetEnabled(enabled);
            return () => followerId;
        }, ct);

    public Task SetFollowerReceivesWebhookOrdersAsync(int followerId, bool receives, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            (await FollowerAsync(db, followerId, ct)).SetReceivesWebhookOrders(receives);
            return () => followerId;
        }, ct);

    public Task SetGroupOptionsAsync(int groupId, GroupOptions options, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            var group = await db.CopyGroups.SingleOrDefaultAsync(g => g.Id == groupId, ct)
                ?? throw new CopyTraderDomainException($"Copy group {groupId} does not exist.");
            group.SetAutoCopy(options.AutoCopyEnabled);
            group.SetDryRun(options.DryRun);
            group.SetAutoSync(options.AutoSync);
            group.SetMirrorWorkingOrders(options.MirrorWorkingOrders);
            return () => groupId;
        }, ct);

    private async Task<int> SaveAsync(Func<CopyTraderDbContext, Task<Func<int>>> change, CancellationToken ct)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var idAfterSave = await change(db);
            await db.SaveChangesAsync(ct);
            id = idAfterSave();
        }

        await config.ReloadAsync(ct);
        return id;
    }

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
