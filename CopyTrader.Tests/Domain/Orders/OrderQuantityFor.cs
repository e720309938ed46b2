using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain.Orders;

public class OrderQuantityFor
{
    private static readonly FollowerRule Base = FollowerRule.Default;

    public static TheoryData<string, FollowerRule, int, string, decimal, int> Scaled => new()
    {
        // scenario, rule, leader quantity, leader root, map ratio, follower quantity
        { "multiplier 2", Base with { Multiplier = 2m }, 3, "MNQ", 1m, 6 },
        { "NQ → MNQ ×10 at multiplier 1", Base, 2, "NQ", 10m, 20 },
        { "ratio 10 × multiplier 0.5", Base with { Multiplier = 0.5m }, 1, "NQ", 10m, 5 },
        { "per-symbol override wins", Base with { SymbolMultipliers = new Dictionary<string, decimal> { ["ES"] = 3m } }, 2, "ES", 1m, 6 },
        { "override for another root is ignored", Base with { Multiplier = 2m, SymbolMultipliers = new Dictionary<string, decimal> { ["ES"] = 3m } }, 2, "NQ", 1m, 4 },
        { "fixed ignores the leader's size and the ratio", Base with { Mode = QuantityMode.Fixed, FixedQuantity = 4 }, 10, "NQ", 10m, 4 },
        { "nearest rounds 1.5 up", Base with { Multiplier = 0.5m }, 3, "MNQ", 1m, 2 },
        { "down rounds 1.5 down", Base with { Multiplier = 0.5m, Rounding = RoundingRule.Down }, 3, "MNQ", 1m, 1 },
        { "up rounds 1.2 up", Base with { Multiplier = 0.4m, Rounding = RoundingRule.Up }, 3, "MNQ", 1m, 2 },
        { "up turns 0.3 into 1", Base with { Multiplier = 0.3m, Rounding = RoundingRule.Up }, 1, "MNQ", 1m, 1 },
        { "at least one turns 0 into 1", Base with { Multiplier = 0.3m, AtLeastOneWhileLeaderInPosition = true }, 1, "MNQ", 1m, 1 },
        { "at least one leaves larger sizes alone", Base with { Multiplier = 3m, AtLeastOneWhileLeaderInPosition = true }, 1, "MNQ", 1m, 3 },
    };

    [Theory]
    [MemberData(nameof(Scaled))]
    public void ScalesTheLeadersOrderByTheFollowersRule(string scenario, FollowerRule rule, int leaderQuantity, string root, decimal ratio, int expected)
    {
        var quantity = OrderQuantity.For(leaderQuantity, Side.Buy, rule, root, ratio, 0);

        Assert.True(expected == quantity.Quantity, $"{scenario}: expected {expected}, got {quantity.Quantity}");
        Assert.Null(quantity.SkipReason);
    }

    public static TheoryData<string, int, Side, int, int> Capped => new()
    {
        // scenario, cap, side, follower position, follower quantity (leader 5 at ×1)
        { "flat: up to the cap", 3, Side.Buy, 0, 3 },
        { "long 2 buying: the room left", 3, Side.Buy, 2, 1 },
        { "long 2 selling: through zero to the cap on the other side", 3, Side.Sell, 2, 5 },
        { "short 1 buying: under the cap", 3, Side.Buy, -1, 4 },
        { "no cap reached", 10, Side.Sell, -2, 5 },
    };

    [Theory]
    [MemberData(nameof(Capped))]
    public void CutsTheOrderToWhatTheCapLeavesGivenTheCurrentPosition(string scenario, int cap, Side side, int position, int expected) =>
        Assert.True(expected == OrderQuantity.For(5, side, Base with { MaxPosition = cap }, "MNQ", 1m, position).Quantity, scenario);

    [Fact]
    public void CapAppliesToFixedQuantityToo() =>
        Assert.Equal(2, OrderQuantity.For(1, Side.Sell, Base with { Mode = QuantityMode.Fixed, FixedQuantity = 5, MaxPosition = 2 }, "MNQ", 1m, 0).Quantity);

    [Theory]
    [InlineData(3, Side.Buy, 3, "The max position cap of 3 leaves no room for a buy order: the follower is already long 3.")]
    [InlineData(2, Side.Sell, -4, "The max position cap of 2 leaves no room for a sell order: the follower is already short 4.")]
    [InlineData(0, Side.Buy, 0, "The max position cap of 0 leaves no room for a buy order: the follower is already flat.")]
    public void ZeroRoomUnderTheCapSkipsNamingTheCap(int cap, Side side, int position, string reason)
    {
        var quantity = OrderQuantity.For(1, side, Base with { MaxPosition = cap }, "MNQ", 1m, position);

        Assert.True(quantity.IsZero);
        Assert.Equal(reason, quantity.SkipReason);
    }

    [Fact]
    public void RoundingToZeroSkipsNamingMultiplierAndRounding() => Assert.Equal(
        "1 × multiplier 0.4 = 0.4 rounds to 0 contracts (Nearest rounding) and 'at least one' is off.",
        OrderQuantity.For(1, Side.Buy, Base with { Multiplier = 0.4m }, "MNQ", 1m, 0).SkipReason);

    [Fact]
    public void RoundingToZeroNamesTheSymbolOverrideAndTheRatio() => Assert.Equal(
        "1 × ratio 10 × the NQ multiplier 0.09 = 0.9 rounds to 0 contracts (Down rounding) and 'at least one' is off.",
        OrderQuantity.For(1, Side.Buy, Base with { Rounding = RoundingRule.Down, SymbolMultipliers = new Dictionary<string, decimal> { ["NQ"] = 0.09m } }, "NQ", 10m, 0).SkipReason);
}
