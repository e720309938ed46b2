using System.Globalization;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>The size of a follower's copy of one leader order, or why it is zero.</summary>
public sealed record ScaledQuantity(int Quantity, string? SkipReason)
{
    public bool IsZero => Quantity == 0;
}

/// <summary>
/// Sizes a follower's copy of a working leader order: |leader quantity| × contract-map ratio × multiplier
/// (per-symbol override, else base) rounded by the rule, or the fixed quantity; then one contract when
/// "at least one" is set; then cut so that filling it cannot take the follower's position beyond the max
/// position cap, given the position it holds now. Other working copies are not counted against the cap.
/// </summary>
public static class OrderQuantity
{
    public static ScaledQuantity For(int leaderQuantity, Side side, FollowerRule rule, string leaderRoot, decimal mapRatio, int followerPosition)
    {
        var size = rule.Mode == QuantityMode.Fixed
            ? rule.FixedQuantity
            : FollowerTarget.Round(Math.Abs(leaderQuantity) * mapRatio * FollowerTarget.MultiplierFor(rule, leaderRoot), rule.Rounding);
        if (size == 0 && rule.AtLeastOneWhileLeaderInPosition && leaderQuantity != 0)
        {
            size = 1;
        }

        if (size <= 0)
        {
            return new(0, ZeroSizeReason(leaderQuantity, rule, leaderRoot, mapRatio));
        }

        if (rule.MaxPosition is not { } cap)
        {
            return new(size, null);
        }

        var room = Math.Max(0, side.Sign() * followerPosition >= 0 ? cap - Math.Abs(followerPosition) : Math.Abs(followerPosition) + cap);
        return room > 0
            ? new(Math.Min(size, room), null)
            : new(0, $"The max position cap of {cap} leaves no room for a {side.ToString().ToLowerInvariant()} order: "
                + $"the follower is already {OrderClassifier.DescribePosition(followerPosition)}.");
    }

    private static string ZeroSizeReason(int leaderQuantity, FollowerRule rule, string leaderRoot, decimal mapRatio)
    {
        if (rule.Mode == QuantityMode.Fixed)
        {
            return $"The follower's fixed quantity is {rule.FixedQuantity}, so there is nothing to copy.";
        }

        var multiplier = FollowerTarget.MultiplierFor(rule, leaderRoot);
        var source = rule.SymbolMultipliers.ContainsKey(leaderRoot) ? $"the {leaderRoot} multiplier" : "multiplier";
        var ratio = mapRatio == 1m ? "" : $" × ratio {Text(mapRatio)}";
        var scaled = Math.Abs(leaderQuantity) * mapRatio * multiplier;
        return $"{Math.Abs(leaderQuantity)}{ratio} × {source} {Text(multiplier)} = {Text(scaled)} rounds to 0 contracts "
            + $"({rule.Rounding} rounding) and 'at least one' is off.";
    }

    private static string Text(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
