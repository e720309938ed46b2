using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain;

public class CopyPlannerPlan
{
    private static readonly FollowerSnapshot X1 = new(1, 11, 1m, true);
    private static readonly FollowerSnapshot X2 = new(2, 12, 2m, true);
    private static readonly FollowerSnapshot Half = new(3, 13, 0.5m, true);

    private static CopyGroupSnapshot Group(bool autoCopy = true, params FollowerSnapshot[] followers) =>
        new(7, "Group", 10, autoCopy, followers.Length > 0 ? followers : [X1, X2, Half]);

    [Fact]
    public void EntryFromFlatSendsScaledQuantityToEveryFollower()
    {
        var plans = CopyPlanner.Plan(Group(), leaderNetPosition: 2, _ => 0);

        Assert.All(plans, p => Assert.True(p.SendsOrder));
        Assert.Equal([2, 4, 1], plans.Select(p => p.Quantity));
        Assert.All(plans, p => Assert.Equal(Side.Buy, p.Side));
        Assert.All(plans, p => Assert.Equal(PositionChange.Entry, p.Change));
    }

    [Theory]
    [InlineData(1, 2, 1, Side.Buy, PositionChange.Add)]
    [InlineData(3, 1, 2, Side.Sell, PositionChange.Trim)]
    [InlineData(2, -1, 3, Side.Sell, PositionChange.Reversal)]
    [InlineData(-2, 0, 2, Side.Buy, PositionChange.Close)]
    public void SendsOnlyTheDifferenceForAddTrimReversalAndClose(int followerNow, int leaderNet, int quantity, Side side, PositionChange change)
    {
        var plan = CopyPlanner.Plan(Group(true, X1), leaderNet, _ => followerNow).Single();

        Assert.Equal(quantity, plan.Quantity);
        Assert.Equal(side, plan.Side);
        Assert.Equal(change, plan.Change);
    }

    [Fact]
    public void SkipsFollowerAlreadyAtTarget()
    {
        var plan = CopyPlanner.Plan(Group(true, Half), leaderNetPosition: -1, _ => -1).Single();

        Assert.False(plan.SendsOrder);
        Assert.Contains("Already at target", plan.SkipReason);
    }

    [Fact]
    public void SkipsDisabledFollowerWithReason()
    {
        var plan = CopyPlanner.Plan(Group(true, X1 with { Enabled = false }), 1, _ => 0).Single();

        Assert.False(plan.SendsOrder);
        Assert.Equal("Follower is disabled.", plan.SkipReason);
    }

    [Fact]
    public void SkipsEveryoneWhenAutoCopyIsOff()
    {
        var plans = CopyPlanner.Plan(Group(autoCopy: false), 1, _ => 0);

        Assert.All(plans, p => Assert.Contains("Auto-copy is off", p.SkipReason));
    }
}
