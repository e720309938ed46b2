using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

public class OrderMirrorPlannerPlace
{
    public static TheoryData<OrderType, Side, decimal?, decimal?, decimal?, TimeInForce> WorkingOrders => new()
    {
        { OrderType.Limit, Side.Buy, 21000.25m, null, null, TimeInForce.Day },
        { OrderType.Stop, Side.Sell, null, 20990.5m, null, TimeInForce.GoodTillCanceled },
        { OrderType.StopLimit, Side.Buy, 21011m, 21010m, null, TimeInForce.Day },
        { OrderType.TrailingStop, Side.Sell, null, 20990m, 12.5m, TimeInForce.GoodTillCanceled },
    };

    [Theory]
    [MemberData(nameof(WorkingOrders))]
    public void PlacesACopyPreservingTypeSidePricesAndTimeInForceWithScaledQuantity(OrderType type, Side side, decimal? limit, decimal? stop, decimal? trail, TimeInForce tif)
    {
        var context = Context(Group(Follower(1, Times(2m))));

        var plan = Plan(context, OrderBook.Empty, Order("L1", type, side, 3, limit, stop, trail, timeInForce: tif));

        var request = Single<PlaceOrder>(plan, 1).Request;
        Assert.Equal(new OrderRequest("ACC-1", "MNQZ6", side, 6, type, limit, stop, CopyTag.For(LeaderAccount, "order:L1", 1), tif, trail), request);
        var link = Assert.Single(plan.Book.ForLeaderOrder(LeaderAccount, "L1"));
        Assert.Null(link.FollowerOrderId);
        Assert.Equal(6, link.Quantity);
    }

    [Fact]
    public void MapsNqToMnqKeepingMonthAndYearAndRoundsPricesToTheMicroTick()
    {
        var context = Context(Group(Follower(1)), map: new ContractMap([], ContractMapping.MicroPresets));

        var plan = Plan(context, OrderBook.Empty, Order("L1", OrderType.StopLimit, Side.Buy, 2, limit: 21000.13m, stop: 20999.9m, symbol: "NQH7"));

        var request = Single<PlaceOrder>(plan, 1).Request;
        Assert.Equal(("MNQH7", 20, 21000.25m, 21000m), (request.Symbol, request.Quantity, request.LimitPrice!.Value, request.StopPrice!.Value));
    }

    [Theory]
    [InlineData("ZNH7", 110.51, 110.515625)]
    [InlineData("ZNH7", 110.5, 110.5)]
    [InlineData("ZNH7", 110.507, 110.5)]
    public void RoundsPricesToTheTenYearNoteTickOfOneSixtyFourth(string symbol, decimal price, decimal expected) =>
        Assert.Equal(expected, Single<PlaceOrder>(Plan(Context(Group(Follower(1))), OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: price, symbol: symbol)), 1).Request.LimitPrice);

    [Fact]
    public void RoundsToTheCoarserTickOfTheMappedContract()
    {
        var context = Context(Group(Follower(1)), map: new ContractMap([new ContractMapping("ZN", "ZB", 1m)], []));

        var request = Single<PlaceOrder>(Plan(context, OrderBook.Empty, Order("L1", OrderType.Stop, Side.Sell, 1, stop: 110.515625m, symbol: "ZNH7")), 1).Request;

        Assert.Equal(("ZBH7", 110.53125m), (request.Symbol, request.StopPrice!.Value));
    }

    [Fact]
    public void KeepsATrailOfAtLeastOneTick() =>
        Assert.Equal(0.25m, Single<PlaceOrder>(Plan(Context(Group(Follower(1))), OrderBook.Empty, Order("L1", OrderType.TrailingStop, Side.Sell, 1, stop: 20990m, trail: 0.1m)), 1).Request.TrailAmount);

    [Fact]
    public void EachFollowerGetsItsOwnSizeAndAZeroSizedCopyIsSkippedNamingTheRule()
    {
        var context = Context(Group(Follower(1, Times(1m)), Follower(2, Times(3m)), Follower(3, Times(0.4m))));

        var plan = Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m));

        Assert.Equal(1, Single<PlaceOrder>(plan, 1).Request.Quantity);
        Assert.Equal(3, Single<PlaceOrder>(plan, 2).Request.Quantity);
        Assert.Equal("1 × multiplier 0.4 = 0.4 rounds to 0 contracts (Nearest rounding) and 'at least one' is off.", Single<SkipOrder>(plan, 3).Reason);
        Assert.Equal(2, plan.Book.Links.Count);
    }

    [Fact]
    public void CapsTheCopyAgainstTheFollowersCurrentPosition()
    {
        var context = Context(Group(Follower(1, FollowerRule.Default with { MaxPosition = 3 })), position: 2);

        Assert.Equal(1, Single<PlaceOrder>(Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 2, limit: 21000m)), 1).Request.Quantity);
        Assert.Equal(2, Single<PlaceOrder>(Plan(context, OrderBook.Empty, Order("L2", OrderType.Stop, Side.Sell, 2, stop: 20900m), positionBefore: 0), 1).Request.Quantity);
    }

    [Fact]
    public void FixedQuantityFollowerGetsItsFixedSize() =>
        Assert.Equal(4, Single<PlaceOrder>(Plan(Context(Group(Follower(1, FollowerRule.Default with { Mode = QuantityMode.Fixed, FixedQuantity = 4 }))), OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 9, limit: 21000m)), 1).Request.Quantity);

    public static TheoryData<string, FollowerSnapshot, string> SkippedFollowers => new()
    {
        { "disabled", Follower(1, enabled: false), "Follower is disabled." },
        { "blocked root", Follower(1, FollowerRule.Default with { BlockedRoots = new HashSet<string> { "MNQ" } }), "MNQ is on this follower's blocked list." },
        { "webhook", Follower(1) with { ReceivesWebhookOrders = true }, "A webhook strategy also trades this account; copying is skipped to avoid double fills (Copy:SkipFollowersWithWebhookOrders)." },
    };

    [Theory]
    [MemberData(nameof(SkippedFollowers))]
    public void SkipsFollowersTheGroupRulesExclude(string scenario, FollowerSnapshot follower, string reason) =>
        Assert.True(reason == Single<SkipOrder>(Plan(Context(Group(follower)), OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m)), 1).Reason, scenario);

    [Fact]
    public void SkipsEveryoneWhenAutoCopyIsOff() =>
        Assert.Equal("Auto-copy is off for group 'Group'.", Single<SkipOrder>(Plan(Context(Group(Follower(1)) with { AutoCopyEnabled = false }), OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m)), 1).Reason);

    [Fact]
    public void SkipsInverseFollowersBecauseTheOppositeOfARestingOrderIsAnotherTrade() =>
        Assert.StartsWith("Inverse copy does not mirror working orders: the opposite of a resting limit or stop is a different trade",
            Single<SkipOrder>(Plan(Context(Group(Follower(1, FollowerRule.Default with { Inverse = true }))), OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m)), 1).Reason);

    [Fact]
    public void SkipsTrailingStopsAtABrokerWithoutThem() =>
        Assert.Equal("The follower's broker has no trailing stops, and a fixed stop would not follow the market as the leader's does.",
            Single<SkipOrder>(Plan(Context(Group(Follower(1)), Full with { TrailingStops = false }), OrderBook.Empty, Order("L1", OrderType.TrailingStop, Side.Buy, 1, stop: 21010m, trail: 5m)), 1).Reason);

    [Fact]
    public void LeavesMarketOrdersToPositionMirroring()
    {
        var plan = Plan(Context(Group(Follower(1))), OrderBook.Empty, Order("L1", OrderType.Market, Side.Buy, 1));

        Assert.Equal("Leader order L1 is a market order: its fills are copied by position mirroring, not as a working order.", Single<SkipOrder>(plan, 1).Reason);
        Assert.Equal(OrderRole.Entry, plan.Book.Leader(LeaderAccount, "L1")!.Role);
    }

    [Fact]
    public void LeavesAnOrderFirstSeenFilledToPositionMirroring() =>
        Assert.Equal("Leader order L1 filled before it was seen working: its fills are copied by position mirroring.",
            Single<SkipOrder>(Plan(Context(Group(Follower(1))), OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m, status: OrderStatus.Filled)), 1).Reason);

    [Fact]
    public void NeverSendsTheSameCopyTwiceForARepeatedReport()
    {
        var context = Context(Group(Follower(1)));
        var order = Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m);
        var first = Plan(context, OrderBook.Empty, order);

        var again = Plan(context, first.Book, order);

        Assert.IsType<SkipOrder>(Assert.Single(again.Decisions));
        Assert.Single(again.Book.Links);
    }
}
