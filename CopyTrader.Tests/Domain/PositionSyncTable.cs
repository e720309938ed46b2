using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain;

/// <summary>
/// The position-sync table of seed 001 §11 (entry, close, add, trim, reversal) and the rules its NEVER list
/// spells out: multiplier and cap on both the previous and the new position, one order per change.
/// </summary>
public class PositionSyncTable
{
    private static readonly CopyPlanner Planner = new(InstrumentCatalog.Default);

    public static TheoryData<string, int, int, decimal, int?, PositionChange, Side, int> Rows => new()
    {
        // scenario, leader before, leader after, multiplier, max position, change, side, quantity
        { "entry from flat", 0, 2, 1m, null, PositionChange.Entry, Side.Buy, 2 },
        { "short entry scaled", 0, -1, 3m, null, PositionChange.Entry, Side.Sell, 3 },
        { "close to flat", 2, 0, 2m, null, PositionChange.Close, Side.Sell, 4 },
        { "add: only the difference", 1, 2, 1m, null, PositionChange.Add, Side.Buy, 1 },
        { "add scaled on both sides", 1, 3, 2m, null, PositionChange.Add, Side.Buy, 4 },
        { "trim: only the difference", 3, 1, 1m, null, PositionChange.Trim, Side.Sell, 2 },
        { "reversal long to short in one order", 2, -1, 1m, null, PositionChange.Reversal, Side.Sell, 3 },
        { "reversal short to long scaled", -1, 2, 2m, null, PositionChange.Reversal, Side.Buy, 6 },
        { "add capped on both sides", 2, 4, 1m, 3, PositionChange.Add, Side.Buy, 1 },
        { "trim under the cap", 5, 2, 1m, 3, PositionChange.Trim, Side.Sell, 1 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void SendsTheSmallestOrderFromExpectedToTarget(string scenario, int leaderBefore, int leaderAfter, decimal multiplier, int? maxPosition, PositionChange change, Side side, int quantity)
    {
        var rule = FollowerRule.Default with { Multiplier = multiplier, MaxPosition = maxPosition };
        var follower = new FollowerSnapshot(1, 11, true, rule);
        var group = new CopyGroupSnapshot(1, "G", 10, true, [follower]);
        var followerNow = FollowerTarget.For(leaderBefore, rule);

        var plan = Planner.Plan(group, ContractMap.None, "MNQZ6", leaderAfter, (_, _) => followerNow).Single();

        Assert.True(plan.SendsOrder, scenario);
        Assert.Equal((change, side, quantity), (plan.Change, plan.Side, plan.Quantity));
    }

    [Fact]
    public void AddAboveTheCapSendsNothing()
    {
        var rule = FollowerRule.Default with { MaxPosition = 2 };
        var group = new CopyGroupSnapshot(1, "G", 10, true, [new FollowerSnapshot(1, 11, true, rule)]);

        var plan = Planner.Plan(group, ContractMap.None, "MNQZ6", 5, (_, _) => 2).Single();

        Assert.False(plan.SendsOrder);
    }
}
