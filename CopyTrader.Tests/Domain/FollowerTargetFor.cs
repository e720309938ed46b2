using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class FollowerTargetFor
{
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
    [InlineData(5, 0.0, 0)]   // a zero multiplier is zero, not "unset"
    public void ScalesLeaderPositionWithDocumentedRounding(int leader, double multiplier, int expected) =>
        Assert.Equal(expected, FollowerTarget.For(leader, (decimal)multiplier));

    [Fact]
    public void DoesNotDriftOverManySmallFills()
    {
        // Ten single-contract buys at ×0.5 must end at 5, not at 10 (rounding each fill) or 0 (truncating each fill).
        var targets = Enumerable.Range(1, 10).Select(net => FollowerTarget.For(net, 0.5m)).ToList();

        Assert.Equal(5, targets[^1]);
    }
}
