using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain;

public class CopyPlannerPlan
{
    private static readonly CopyPlanner Planner = new(InstrumentCatalog.Default);
    private static readonly FollowerSnapshot X1 = Follower(1, 1m);
    private static readonly FollowerSnapshot X2 = Follower(2, 2m);
    private static readonly FollowerSnapshot Half = Follower(3, 0.5m);

    internal static FollowerSnapshot Follower(int id, decimal multiplier, bool enabled = true) =>
        new(id, 10 + id, enabled, FollowerRule.Default with { Multiplier = multiplier });

    private static CopyGroupSnapshot Group(bool autoCopy = true, params FollowerSnapshot[] followers) =>
        new(7, "Group", 10, autoCopy, followers.Length > 0 ? followers : [X1, X2, Half]);

    private static IReadOnlyList<FollowerPlan> Plan(CopyGroupSnapshot group, int leaderNet, int followerNow = 0, string symbol = "MNQZ6", ContractMap? map = null) =>
        Planner.Plan(group, map ?? ContractMap.None, symbol, leaderNet, (_, _) => followerNow);

    [Fact]
    public void EntryFromFlatSendsScaledQuantityToEveryFollower()
    {
        var plans = Plan(Group(), leaderNet: 2);

        Assert.All(plans, p => Assert.True(p.SendsOrder));
        Assert.Equal([2, 4, 1], plans.Select(p => p.Quantity));
        Assert.All(plans, p => Assert.Equal(Side.Buy, p.Side));
        Assert.All(plans, p => Assert.Equal(PositionChange.Entry, p.Change));
    }

    [Fact]
    public void SkipsFollowerAlreadyAtTarget()
    {
        var plan = Plan(Group(true, Half), leaderNet: -1, followerNow: -1).Single();

        Assert.False(plan.SendsOrder);
        Assert.Equal("Already at target position -1.", plan.SkipReason);
    }

    [Fact]
    public void SkipsDisabledFollowerWithReason()
    {
        var plan = Plan(Group(true, Follower(1, 1m, enabled: false)), 1).Single();

        Assert.False(plan.SendsOrder);
        Assert.Equal("Follower is disabled.", plan.SkipReason);
    }

    [Fact]
    public void SkipsEveryoneWhenAutoCopyIsOff() =>
        Assert.All(Plan(Group(autoCopy: false), 1), p => Assert.Equal("Auto-copy is off for group 'Group'.", p.SkipReason));

    [Fact]
    public void SkipsBlockedRootByTheLeadersRoot()
    {
        var blocked = X1 with { Rule = X1.Rule with { BlockedRoots = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "nq" } } };
        var map = new ContractMap([new ContractMapping("NQ", "MNQ", 10m)], []);

        var plan = Plan(Group(true, blocked), 1, symbol: "NQZ6", map: map).Single();

        Assert.Equal("NQ is on this follower's blocked list.", plan.SkipReason);
        Assert.True(Plan(Group(true, blocked), 1, symbol: "ESZ6").Single().SendsOrder);
    }

    [Fact]
    public void SkipsFollowerThatAlsoReceivesWebhookOrdersUnlessSettingIsOff()
    {
        var webhooked = X1 with { ReceivesWebhookOrders = true };

        Assert.Contains("webhook strategy", Plan(Group(true, webhooked), 1).Single().SkipReason);
        Assert.True(new CopyPlanner(InstrumentCatalog.Default, skipFollowersWithWebhookOrders: false)
            .Plan(Group(true, webhooked), ContractMap.None, "MNQZ6", 1, (_, _) => 0).Single().SendsOrder);
    }

    [Fact]
    public void MapsContractKeepingMonthAndYearAndScalesByRatio()
    {
        var map = new ContractMap([], ContractMapping.MicroPresets);

        var plan = Plan(Group(true, X2), leaderNet: -1, symbol: "NQH7", map: map).Single();

        Assert.Equal("MNQH7", plan.Symbol);
        Assert.Equal(-20, plan.TargetPosition);
        Assert.Equal(Side.Sell, plan.Side);
    }

    [Fact]
    public void GroupMappingWinsOverGlobalMapping()
    {
        var map = new ContractMap([new ContractMapping("ES", "MES", 5m)], ContractMapping.MicroPresets);

        Assert.Equal(new MappedContract("MESZ6", "ES", 5m), map.Resolve("ESZ6", InstrumentCatalog.Default));
        Assert.Equal(new MappedContract("MYMZ6", "YM", 10m), map.Resolve("YMZ6", InstrumentCatalog.Default));
    }

    [Theory]
    [InlineData("AAPL")]
    [InlineData("MNQZ6")]
    public void UnmappedSymbolsPassThroughAtRatioOne(string symbol) =>
        Assert.Equal(1m, new ContractMap([], ContractMapping.MicroPresets).Resolve(symbol, InstrumentCatalog.Default).Ratio);
}
