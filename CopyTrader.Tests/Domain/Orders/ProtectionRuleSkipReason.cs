using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;

namespace CopyTrader.Tests.Domain.Orders;

public class ProtectionRuleSkipReason
{
    [Theory]
    [InlineData(OrderRole.Entry)]
    [InlineData(OrderRole.Add)]
    [InlineData(OrderRole.Exit)]
    [InlineData(OrderRole.Reversal)]
    public void CopiesOrdersThatAreNotProtective(OrderRole role) =>
        Assert.Null(ProtectionRule.SkipReason(role, null, null, 2));

    [Theory]
    [InlineData(OrderRole.StopLoss, OrderRole.Entry)]
    [InlineData(OrderRole.TakeProfit, OrderRole.Entry)]
    [InlineData(OrderRole.StopLoss, OrderRole.Reversal)]
    [InlineData(OrderRole.TakeProfit, OrderRole.Reversal)]
    public void CopiesLegsOfAnEntryFromFlatOrAReversal(OrderRole role, OrderRole parentRole) =>
        Assert.Null(ProtectionRule.SkipReason(role, "E1", parentRole, 0));

    [Theory]
    [InlineData(OrderRole.StopLoss, OrderRole.Add, "A stop-loss attached to an add to the leader's position (leader order E1) is not copied")]
    [InlineData(OrderRole.TakeProfit, OrderRole.Exit, "A take-profit attached to a trim of the leader's position (leader order E1) is not copied")]
    public void SkipsLegsOfAnAddOrATrim(OrderRole role, OrderRole parentRole, string reason)
    {
        var skip = ProtectionRule.SkipReason(role, "E1", parentRole, 1);

        Assert.StartsWith(reason, skip);
        Assert.Contains("seed 001 §11", skip);
    }

    [Fact]
    public void SkipsAStandaloneStopOnAnExistingPosition() => Assert.Equal(
        "A stop-loss on the leader's existing position (long 2) is not copied: protective orders are copied only as legs of an "
        + "entry from flat or a reversal, never on adds or trims (seed 001 §11).",
        ProtectionRule.SkipReason(OrderRole.StopLoss, null, null, 2));

    [Fact]
    public void CopiesALegOfAnUnseenEntryOnlyWhileTheLeaderIsFlat()
    {
        Assert.Null(ProtectionRule.SkipReason(OrderRole.TakeProfit, "E9", null, 0));
        Assert.StartsWith(
            "A take-profit leg of leader order E9, which was never seen, is not copied: the leader was already short 1",
            ProtectionRule.SkipReason(OrderRole.TakeProfit, "E9", null, -1));
    }

    [Theory]
    [InlineData(false, true, OrderRole.StopLoss, "Copying stop-loss orders is off for this follower (Copy stop-loss).")]
    [InlineData(true, false, OrderRole.TakeProfit, "Copying take-profit orders is off for this follower (Copy take-profit).")]
    [InlineData(false, true, OrderRole.TakeProfit, null)]
    [InlineData(true, false, OrderRole.StopLoss, null)]
    [InlineData(false, false, OrderRole.Entry, null)]
    public void FollowerSwitchesGateStopLossAndTakeProfitSeparately(bool copyStopLoss, bool copyTakeProfit, OrderRole role, string? reason) =>
        Assert.Equal(reason, ProtectionRule.SwitchSkipReason(role, FollowerRule.Default with { CopyStopLoss = copyStopLoss, CopyTakeProfit = copyTakeProfit }));
}
