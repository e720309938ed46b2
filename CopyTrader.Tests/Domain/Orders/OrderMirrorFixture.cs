using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain.Orders;

/// <summary>Builders for order-mirroring tests, and a tiny engine that reports every copy accepted.</summary>
internal static class OrderMirrorFixture
{
    public const int LeaderAccount = 10;

    public static readonly OrderMirrorPlanner Planner = new(InstrumentCatalog.Default);

    public static readonly BrokerCapabilities Full = new(Brackets: true, NativeOco: true, TrailingStops: true, ShortLocates: false, ModifyOrders: true);

    public static readonly BrokerCapabilities NoOco = Full with { NativeOco = false };

    public static FollowerSnapshot Follower(int id, FollowerRule? rule = null, bool enabled = true) =>
        new(id, 100 + id, enabled, rule ?? FollowerRule.Default);

    public static FollowerRule Times(decimal multiplier) => FollowerRule.Default with { Multiplier = multiplier };

    public static CopyGroupSnapshot Group(params FollowerSnapshot[] followers) => new(1, "Group", LeaderAccount, true, followers);

    public static MirrorContext Context(CopyGroupSnapshot group, BrokerCapabilities? capabilities = null, int position = 0, ContractMap? map = null) =>
        new(group, map ?? ContractMap.None, (f, _) => new FollowerAccountState($"ACC-{f.Id}", capabilities ?? Full, position));

    public static BrokerOrder Order(
        string id, OrderType type, Side side, int quantity, decimal? limit = null, decimal? stop = null, decimal? trail = null,
        OrderStatus status = OrderStatus.Working, string symbol = "MNQZ6", string? parent = null, string? oco = null,
        TimeInForce timeInForce = TimeInForce.Day) =>
        new(id, null, symbol, side, type, quantity, 0, limit, stop, status, null, timeInForce, trail, oco, parent);

    public static LeaderOrderEvent Event(BrokerOrder order, int positionBefore = 0) => new(LeaderAccount, order, positionBefore);

    public static OrderLinkKey Key(string leaderOrderId, int followerId) => new(LeaderAccount, leaderOrderId, followerId);

    /// <summary>The follower's broker id for a copy: "F{follower}-{leader order}".</summary>
    public static string CopyId(OrderLinkKey key) => $"F{key.FollowerId}-{key.LeaderOrderId}";

    public static OrderMirrorPlan Plan(MirrorContext context, OrderBook book, BrokerOrder order, int positionBefore = 0) =>
        Planner.Plan(Event(order, positionBefore), context, book);

    /// <summary>Reports every placed copy in the plan accepted, and returns the book and all follow-up decisions.</summary>
    public static OrderMirrorPlan AcceptAll(MirrorContext context, OrderMirrorPlan plan)
    {
        var book = plan.Book;
        var followUps = new List<FollowerOrderDecision>();
        foreach (var place in plan.Decisions.OfType<PlaceOrder>())
        {
            var accepted = Planner.Accepted(place.Key, CopyId(place.Key), context, book);
            book = accepted.Book;
            followUps.AddRange(accepted.Decisions);
        }

        return new OrderMirrorPlan(book, followUps);
    }

    public static T Single<T>(OrderMirrorPlan plan, int followerId) where T : FollowerOrderDecision =>
        Assert.IsType<T>(Assert.Single(plan.Decisions, d => d.FollowerId == followerId));
}
