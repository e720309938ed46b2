using CopyTrader.Domain.Instruments;

namespace CopyTrader.Domain.Copying;

/// <summary>
/// Decides, for every follower of a group, the one order (or none) that brings it to the position that
/// mirrors the leader's net position in a symbol. Pure: the caller supplies each follower's current
/// expected position in the follower's (mapped) contract.
/// </summary>
public sealed class CopyPlanner(InstrumentCatalog catalog, bool skipFollowersWithWebhookOrders = true)
{
    public IReadOnlyList<FollowerPlan> Plan(
        CopyGroupSnapshot group,
        ContractMap contractMap,
        string leaderSymbol,
        int leaderNetPosition,
        Func<FollowerSnapshot, string, int> currentPosition)
    {
        var contract = contractMap.Resolve(leaderSymbol, catalog);
        var plans = new List<FollowerPlan>(group.Followers.Count);
        foreach (var follower in group.Followers)
        {
            var current = currentPosition(follower, contract.Symbol);
            var target = FollowerTarget.For(leaderNetPosition, follower.Rule, contract.LeaderRoot, contract.Ratio);
            plans.Add(new FollowerPlan(follower, contract.Symbol, current, target, SkipReason(group, follower, contract, current, target)));
        }

        return plans;
    }

    private string? SkipReason(CopyGroupSnapshot group, FollowerSnapshot follower, MappedContract contract, int current, int target)
    {
        if (!group.AutoCopyEnabled)
        {
            return $"Auto-copy is off for group '{group.Name}'.";
        }

        if (!follower.Enabled)
        {
            return "Follower is disabled.";
        }

        if (follower.Rule.BlockedRoots.Contains(contract.LeaderRoot))
        {
            return $"{contract.LeaderRoot} is on this follower's blocked list.";
        }

        if (skipFollowersWithWebhookOrders && follower.ReceivesWebhookOrders)
        {
            return "A webhook strategy also trades this account; copying is skipped to avoid double fills (Copy:SkipFollowersWithWebhookOrders).";
        }

        return current == target ? $"Already at target position {target}." : null;
    }
}
