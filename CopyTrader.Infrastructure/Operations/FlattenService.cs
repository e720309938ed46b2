using CopyTrader.Domain;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Users;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Operations;

public interface IFlattenService
{
    /// <summary>
    /// Flattens one account. A leader's liquidation is copied like any leader trade, so its followers close
    /// too; a follower is flattened alone.
    /// </summary>
    Task<FlattenResult> FlattenAccountAsync(int accountId, CancellationToken ct = default);

    /// <summary>Flattens a group's leader and every follower at once; nothing of it is copied again.</summary>
    Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(int groupId, CancellationToken ct = default);

    /// <summary>
    /// Flattens the group as <paramref name="scope"/> sees it: a trader's group without the followers on other users'
    /// accounts, which they may not see and so never close; an admin's is the whole group.
    /// </summary>
    Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(UserScope scope, int groupId, CancellationToken ct = default);

    /// <summary>Flattens every group.</summary>
    Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken ct = default);
}

/// <summary>
/// Runs flattens in the leader's copy queue, so they never interleave with a copy of the same leader: a
/// copy queued before the flatten completes first, and the flatten's own fills find the followers already
/// at their new expected position (flat) and send nothing. Every flatten is recorded in the audit trail afterwards,
/// with each account's outcome in the broker's words.
/// </summary>
internal sealed class FlattenService(
    ICopyConfigStore config,
    LeaderWorkQueues queues,
    FollowerPositionBook expected,
    AccountFlattener flattener,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<FlattenService> logger) : IFlattenService
{
    public Task<FlattenResult> FlattenAccountAsync(int accountId, CancellationToken ct = default)
    {
        var snapshot = config.Current;
        var account = snapshot.Account(accountId) ?? throw new CopyTraderDomainException($"Trading account {accountId} does not exist.");
        AuditRecord Record(string details) => new(AuditActions.FlattenAccount, AuditSubjects.Account(account.DisplayName), details) { AccountId = accountId };
        return audit.AuditedAsync(() => FlattenAccountAsync(snapshot, account, ct), r => Record(AuditOutcomes.Flatten([r])), Record, logger);
    }

    public Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(int groupId, CancellationToken ct = default) =>
        FlattenGroupAsync(config.Current.Groups.SingleOrDefault(g => g.Id == groupId), groupId, ct);

    public Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(UserScope scope, int groupId, CancellationToken ct = default) =>
        FlattenGroupAsync(scope.Group(groupId), groupId, ct);

    /// <summary><paramref name="visible"/>: the group with the followers to close (all of them, or a trader's own).</summary>
    private async Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(CopyGroupSnapshot? visible, int groupId, CancellationToken ct)
    {
        var snapshot = config.Current;
        var group = visible ?? throw new CopyTraderDomainException($"Copy group {groupId} does not exist.");
        AuditRecord Record(string details) => new(AuditActions.FlattenGroup, AuditSubjects.Group(group.Name), details) { CopyGroupId = groupId };
        return await audit.AuditedAsync(() => FlattenGroupAsync(snapshot, group, ct), r => Record(AuditOutcomes.Flatten(r)), Record, logger);
    }

    public async Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken ct = default)
    {
        var snapshot = config.Current;
        var names = snapshot.Groups.Select(g => $"'{g.Name}'").ToList();
        AuditRecord Record(string details) => new(AuditActions.FlattenAll, names.Count == 0 ? "Every group (none configured)" : $"Every group: {string.Join(", ", names)}", details);
        return await audit.AuditedAsync(
            async () => (await Task.WhenAll(snapshot.Groups.Select(g => FlattenGroupAsync(snapshot, g, ct)))).SelectMany(r => r).ToList(),
            r => Record(AuditOutcomes.Flatten(r)),
            Record,
            logger);
    }

    private async Task<FlattenResult> FlattenAccountAsync(CopyConfigSnapshot snapshot, AccountSnapshot account, CancellationToken ct)
    {
        var accountId = account.Id;
        var followed = snapshot.Groups.Where(g => g.Followers.Any(f => f.AccountId == accountId)).ToList();
        FlattenResult result;
        if (snapshot.IsLeader(accountId) || followed.Count == 0)
        {
            result = await InQueue(accountId, () => flattener.FlattenAsync(account, clientOrderId: null, ct));
        }
        else
        {
            result = await InQueue(followed[0].LeaderAccountId, async () =>
            {
                var flattened = await flattener.FlattenAsync(account, Tag(), ct);
                foreach (var follower in followed.SelectMany(g => g.Followers).Where(f => f.AccountId == accountId))
                {
                    MarkFlat(follower, flattened);
                }

                return flattened;
            });
        }

        Log(result);
        return result;
    }

    private async Task<List<FlattenResult>> FlattenGroupAsync(CopyConfigSnapshot snapshot, CopyGroupSnapshot group, CancellationToken ct)
    {
        var results = await InQueue(group.LeaderAccountId, async () =>
        {
            var tag = Tag();
            var leader = FlattenIfExists(snapshot, group.LeaderAccountId, tag, ct);
            var followers = group.Followers.Select(async f =>
            {
                var flattened = await FlattenIfExists(snapshot, f.AccountId, tag, ct);
                MarkFlat(f, flattened);
                return flattened;
            });
            return (await Task.WhenAll(followers.Prepend(leader))).ToList();
        });
        results.ForEach(Log);
        return results;
    }

    private Task<FlattenResult> FlattenIfExists(CopyConfigSnapshot snapshot, int accountId, string tag, CancellationToken ct) =>
        snapshot.Account(accountId) is { } account
            ? flattener.FlattenAsync(account, tag, ct)
            : Task.FromResult(new FlattenResult(accountId, $"#{accountId}", [new FlattenStep("Find account", false, $"Trading account {accountId} does not exist.")]));

    private void MarkFlat(FollowerSnapshot follower, FlattenResult flattened)
    {
        foreach (var symbol in flattened.Liquidated)
        {
            expected.Set(follower.Id, symbol, 0);
        }
    }

    /// <summary>A CopyTag-shaped client order id: the flatten's fills are ours and never copied.</summary>
    private string Tag() => $"{CopyTag.Prefix}FLAT-{clock.GetUtcNow().ToUnixTimeMilliseconds()}";

    private Task<T> InQueue<T>(int leaderAccountId, Func<Task<T>> work) => queues.RunAsync(leaderAccountId, work);

    private void Log(FlattenResult result)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("Flattened {Account}: {Steps}", result.AccountName, string.Join("; ", result.Steps.Select(s => s.Action)));
        }
        else
        {
            logger.LogWarning("Flatten of {Account} incomplete: {Failures}", result.AccountName,
                string.Join("; ", result.Steps.Where(s => !s.Succeeded).Select(s => $"{s.Action}: {s.Reason}")));
        }
    }
}
