using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class FollowerTargetFor
{
    private static FollowerRule Times(decimal multiplier) => FollowerRule.Default with { Multiplier = multiplier };

    [Theory]
    [InlineData(1, 1.0, 1)]
    [InlineData(3, 2.0, 6)]
    [InlineData(-3, 2.0, -6)]
    [InlineData(1, 0.5, 1)]   // half rounds away from zero
    [InlineData(3, 0.5, 2)]
    [InlineData(-3, 0.5, -2)]
    [InlineData(2, 0.5, 1)]
    [InlineData(1, 0.4, 0)]   // below half a contract: nothing
    [InlineData(0, 2.0, 0)]
    public void ScalesLeaderPositionRoundingToNearest(int leader, double multiplier, int expected) =>
        Assert.Equal(expected, FollowerTarget.For(leader, Times((decimal)multiplier)));

    [Theory]
    [InlineData(RoundingRule.Nearest, 3, 0.5, 2)]
    [InlineData(RoundingRule.Down, 3, 0.5, 1)]
    [InlineData(RoundingRule.Up, 3, 0.5, 2)]
    [InlineData(RoundingRule.Down, 1, 0.9, 0)]
    [InlineData(RoundingRule.Up, 1, 0.1, 1)]
    [InlineData(RoundingRule.Up, -1, 0.1, -1)]
    [InlineData(RoundingRule.Down, -5, 0.3, -1)]
    public void AppliesTheChosenRoundingRule(RoundingRule rounding, int leader, double multiplier, int expected) =>
        Assert.Equal(expected, FollowerTarget.For(leader, Times((decimal)multiplier) with { Rounding = rounding }));

    [Fact]
    public void HoldsAtLeastOneWhileLeaderIsInAPositionWhenAsked()
    {
        var rule = Times(0.2m) with { AtLeastOneWhileLeaderInPosition = true };

        Assert.Equal(1, FollowerTarget.For(1, rule));
        Assert.Equal(-1, FollowerTarget.For(-2, rule));
        Assert.Equal(0, FollowerTarget.For(0, rule));
        Assert.Equal(0, FollowerTarget.For(1, rule with { AtLeastOneWhileLeaderInPosition = false }));
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(-5, -3)]
    [InlineData(2, 2)]
    public void CapsAtMaxPosition(int leader, int expected) =>
        Assert.Equal(expected, FollowerTarget.For(leader, Times(1m) with { MaxPosition = 3 }));

    [Fact]
    public void MaxPositionZeroKeepsFlatEvenWithAtLeastOne() =>
        Assert.Equal(0, FollowerTarget.For(4, Times(1m) with { MaxPosition = 0, AtLeastOneWhileLeaderInPosition = true }));

    [Fact]
    public void NoCapMeansNoCap() => Assert.Equal(1000, FollowerTarget.For(100, Times(10m)));

    [Theory]
    [InlineData(2, -4)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    public void InverseTakesTheOppositeSide(int leader, int expected) =>
        Assert.Equal(expected, FollowerTarget.For(leader, Times(2m) with { Inverse = true }));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(5, 2)]
    [InlineData(-3, -2)]
    [InlineData(0, 0)]
    public void FixedModeHoldsTheFixedSizeOnTheLeadersSide(int leader, int expected) =>
        Assert.Equal(expected, FollowerTarget.For(leader, FollowerRule.Default with { Mode = QuantityMode.Fixed, FixedQuantity = 2 }, "NQ", mapRatio: 10m));

    [Fact]
    public void PerSymbolMultiplierWinsOverBase()
    {
        var rule = Times(2m) with { SymbolMultipliers = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["nq"] = 0.5m } };

        Assert.Equal(2, FollowerTarget.For(4, rule, "NQ"));
        Assert.Equal(8, FollowerTarget.For(4, rule, "ES"));
    }

    [Fact]
    public void ContractMapRatioScalesBeforeRoundingAndCap()
    {
        // NQ → MNQ × 10 at ×0.25: 1 NQ = 10 MNQ × 0.25 = 2.5 → 3, capped at 2.
        Assert.Equal(3, FollowerTarget.For(1, Times(0.25m), "NQ", mapRatio: 10m));
        Assert.Equal(2, FollowerTarget.For(1, Times(0.25m) with { MaxPosition = 2 }, "NQ", mapRatio: 10m));
    }

    [Fact]
    public void DoesNotDriftOverManySmallFills()
    {
        // Ten single-contract buys at ×0.5 end at 5, not 10 (rounding each fill up) or 0 (each fill down).
        var targets = Enumerable.Range(1, 10).Select(net => FollowerTarget.For(net, Times(0.5m))).ToList();

        Assert.Equal(5, targets[^1]);
    }
}
