namespace CopyTrader.Domain.Copying;

/// <summary>
/// Decides, for every follower of a group, the one order (or none) that brings it to the position that
/// mirrors the leader's. Pure: the caller supplies each follower's current expected position.
/// </summary>
public static class CopyPlanner
{
    public static IReadOnlyList<FollowerPlan> Plan(CopyGroupSnapshot group, int leaderNetPosition, Func<FollowerSnapshot, int> currentPosition)
    {
        var plans = new List<FollowerPlan>(group.Followers.Count);
        foreach (var follower in group.Followers)
        {
            var current = currentPosition(follower);
            var target = FollowerTarget.For(leaderNetPosition, follower.Multiplier);
            plans.Add(new FollowerPlan(follower, current, target, SkipReason(group, follower, current, target)));
        }

        return plans;
    }

    private static string? SkipReason(CopyGroupSnapshot group, FollowerSnapshot follower, int current, int target)
    {
        if (!group.AutoCopyEnabled)
        {
            return $"Auto-copy is off for group '{group.Name}'.";
        }

        if (!follower.Enabled)
        {
            return "Follower is disabled.";
        }

        return current == target ? $"Already at target position {target}." : null;
    }
}
