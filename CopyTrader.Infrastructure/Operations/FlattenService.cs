using CopyTrader.Domain;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
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

    /// <summary>Flattens every group.</summary>
    Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken ct = default);
}

/// <summary>
/// Runs flattens in the leader's copy queue, so they never interleave with a copy of the same leader: a
/// copy queued before the flatten completes first, and the flatten's own fills find the followers already
/// at their new expected position (flat) and send nothing.
/// </summary>
internal sealed class FlattenService(
    ICopyConfigStore config,
    LeaderWorkQueues queues,
    FollowerPositionBook expected,
    AccountFlattener flattener,
    TimeProvider clock,
    ILogger<FlattenService> logger) : IFlattenService
{
    public async Task<FlattenResult> FlattenAccountAsync(int accountId, CancellationToken ct = default)
    {
        var snapshot = config.Current;
        var account = snapshot.Account(accountId) ?? throw new CopyTraderDomainException($"Trading account {accountId} does not exist.");
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

    public async Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(int groupId, CancellationToken ct = default)
    {
        var snapshot = config.Current;
        var group = snapshot.Groups.SingleOrDefault(g => g.Id == groupId) ?? throw new CopyTraderDomainException($"Copy group {groupId} does not exist.");
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

    public async Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken ct = default)
    {
        var groups = await Task.WhenAll(config.Current.Groups.Select(g => FlattenGroupAsync(g.Id, ct)));
        return groups.SelectMany(r => r).ToList();
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
