using CopyTrader.Domain.Instruments;

namespace CopyTrader.Domain.Copying;

/// <summary>
/// Compares what a follower holds with what mirrors the leader's current positions. Followers that are not
/// meant to mirror right now (disabled, auto-copy off, dry run, a webhook strategy) are not compared; a
/// contract the leader does not hold is expected flat, unless its root is on the follower's blocked list.
/// </summary>
public sealed class Reconciler(InstrumentCatalog catalog, bool skipFollowersWithWebhookOrders = true)
{
    public IReadOnlyList<FollowerDrift> Compare(
        CopyGroupSnapshot group,
        ContractMap contractMap,
        IReadOnlyDictionary<string, int> leaderPositions,
        FollowerSnapshot follower,
        IReadOnlyDictionary<string, int> followerPositions)
    {
        if (!group.AutoCopyEnabled || group.DryRun || !follower.Enabled || (skipFollowersWithWebhookOrders && follower.ReceivesWebhookOrders))
        {
            return [];
        }

        var expected = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (leaderSymbol, leaderNet) in leaderPositions)
        {
            var contract = contractMap.Resolve(leaderSymbol, catalog);
            if (!follower.Rule.BlockedRoots.Contains(contract.LeaderRoot))
            {
                expected[contract.Symbol] = expected.GetValueOrDefault(contract.Symbol) + FollowerTarget.For(leaderNet, follower.Rule, contract.LeaderRoot, contract.Ratio);
            }
        }

        var symbols = expected.Keys.Union(followerPositions.Keys.Where(s => !IsBlocked(follower, s)), StringComparer.OrdinalIgnoreCase);
        return symbols
            .Select(s => new FollowerDrift(group.Id, follower.Id, follower.AccountId, s, expected.GetValueOrDefault(s), followerPositions.GetValueOrDefault(s)))
            .Where(d => d.Size != 0)
            .OrderBy(d => d.Symbol, StringComparer.Ordinal)
            .ToList();
    }

    private bool IsBlocked(FollowerSnapshot follower, string symbol) =>
        FuturesSymbol.TryParse(symbol, catalog, out var futures) && follower.Rule.BlockedRoots.Contains(futures.Root);
}
