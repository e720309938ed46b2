namespace CopyTrader.Domain.Copying;

/// <summary>
/// The follower position that mirrors a leader position, always computed from the leader's cumulative net
/// position (never from a fill's size), so rounding never drifts. In order:
/// <list type="number">
/// <item>size: |leader| × contract-map ratio × multiplier (per-symbol override, else base), or the fixed quantity;</item>
/// <item>rounding to whole contracts by the rule, then "at least 1 while the leader is in a position" if set;</item>
/// <item>the max position cap, last, so a cap of 0 always wins;</item>
/// <item>the leader's side, flipped for inverse copy.</item>
/// </list>
/// The fixed quantity is the follower's own contract count: the contract-map ratio does not scale it.
/// </summary>
public static class FollowerTarget
{
    public static int For(int leaderNetPosition, FollowerRule rule, string leaderRoot = "", decimal mapRatio = 1m)
    {
        if (leaderNetPosition == 0)
        {
            return 0;
        }

        var size = rule.Mode == QuantityMode.Fixed
            ? rule.FixedQuantity
            : Round(Math.Abs(leaderNetPosition) * mapRatio * MultiplierFor(rule, leaderRoot), rule.Rounding);
        if (rule.AtLeastOneWhileLeaderInPosition && size == 0)
        {
            size = 1;
        }

        if (rule.MaxPosition is { } cap)
        {
            size = Math.Min(size, cap);
        }

        return Math.Sign(leaderNetPosition) * (rule.Inverse ? -1 : 1) * size;
    }

    public static decimal MultiplierFor(FollowerRule rule, string leaderRoot) =>
        rule.SymbolMultipliers.TryGetValue(leaderRoot, out var overridden) ? overridden : rule.Multiplier;

    public static int Round(decimal contracts, RoundingRule rule) => (int)(rule switch
    {
        RoundingRule.Down => Math.Truncate(contracts),
        RoundingRule.Up => Math.Ceiling(contracts),
        _ => Math.Round(contracts, MidpointRounding.AwayFromZero),
    });
}
