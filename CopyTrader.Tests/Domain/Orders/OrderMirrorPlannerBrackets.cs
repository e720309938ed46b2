using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

/// <summary>Bracket and OCO legs: which are protective, which are copied (seed 001 §11), and how they attach.</summary>
public class OrderMirrorPlannerBrackets
{
    private static OrderMirrorPlan EntryAccepted(MirrorContext context, int positionBefore = 0, OrderType type = OrderType.Limit, Side side = Side.Buy, int quantity = 1) =>
        AcceptAll(context, Plan(context, OrderBook.Empty, Order("E1", type, side, quantity, limit: type == OrderType.Limit ? 21000m : null, stop: type == OrderType.Stop ? 20990m : null), positionBefore));

    private static OrderMirrorPlan StopLeg(MirrorContext context, OrderBook book, int positionBefore = 0, string parent = "E1") =>
        Plan(context, book, Order("SL", OrderType.Stop, Side.Sell, 1, stop: 20950m, parent: parent, oco: "G1"), positionBefore);

    private static OrderMirrorPlan TargetLeg(MirrorContext context, OrderBook book, int positionBefore = 0) =>
        Plan(context, book, Order("TP", OrderType.Limit, Side.Sell, 1, limit: 21100m, parent: "E1", oco: "G1"), positionBefore);

    [Fact]
    public void CopiesBothLegsOfAnEntryFromFlatAttachedToTheEntrysCopyInOneOcoGroup()
    {
        var context = Context(Group(Follower(1, Times(2m))));
        var book = EntryAccepted(context).Book;

        var stop = Single<PlaceOrder>(StopLeg(context, book), 1).Request;
        var target = Single<PlaceOrder>(TargetLeg(context, StopLeg(context, book).Book), 1).Request;

        Assert.Equal((OrderType.Stop, Side.Sell, 2, 20950m, "F1-E1"), (stop.Type, stop.Side, stop.Quantity, stop.StopPrice!.Value, stop.ParentOrderId));
        Assert.Equal((OrderType.Limit, 21100m, "F1-E1"), (target.Type, target.LimitPrice!.Value, target.ParentOrderId));
        Assert.Equal("CT-OCO-10-G1-1", stop.OcoGroupId);
        Assert.Equal(stop.OcoGroupId, target.OcoGroupId);
    }

    [Fact]
    public void CopiesLegsOfAReversal()
    {
        var context = Context(Group(Follower(1)));
        var book = EntryAccepted(context, positionBefore: 1, type: OrderType.Stop, side: Side.Sell, quantity: 3).Book;

        Assert.Equal(OrderRole.Reversal, book.Leader(LeaderAccount, "E1")!.Role);
        Assert.IsType<PlaceOrder>(Assert.Single(Plan(context, book, Order("TP", OrderType.Limit, Side.Buy, 2, limit: 20900m, parent: "E1"), 1).Decisions));
    }

    [Fact]
    public void CopiesTheAddButNotTheLegsAttachedToIt()
    {
        var context = Context(Group(Follower(1)));
        var add = EntryAccepted(context, positionBefore: 1);

        var leg = StopLeg(context, add.Book, positionBefore: 1);

        Assert.Equal(OrderRole.Add, add.Book.Leader(LeaderAccount, "E1")!.Role);
        Assert.Equal("F1-E1", add.Book.Link(Key("E1", 1))!.FollowerOrderId);
        Assert.StartsWith("A stop-loss attached to an add to the leader's position (leader order E1) is not copied", Single<SkipOrder>(leg, 1).Reason);
    }

    [Theory]
    [InlineData(OrderType.Stop, 2, "A stop-loss on the leader's existing position (long 2) is not copied")]
    [InlineData(OrderType.TrailingStop, 2, "A stop-loss on the leader's existing position (long 2) is not copied")]
    [InlineData(OrderType.Limit, 3, "A take-profit on the leader's existing position (long 3) is not copied")]
    public void DoesNotCopyAProtectiveOrderPlacedOnAnExistingPosition(OrderType type, int leaderPosition, string reason)
    {
        var order = Order("P1", type, Side.Sell, 1, limit: type == OrderType.Limit ? 21100m : null, stop: type == OrderType.Limit ? null : 20950m, trail: type == OrderType.TrailingStop ? 10m : null);

        Assert.StartsWith(reason, Single<SkipOrder>(Plan(Context(Group(Follower(1))), OrderBook.Empty, order, leaderPosition), 1).Reason);
    }

    [Fact]
    public void FollowerSwitchesGateEachProtectiveLeg()
    {
        var noStops = Follower(1, FollowerRule.Default with { CopyStopLoss = false });
        var noTargets = Follower(2, FollowerRule.Default with { CopyTakeProfit = false });
        var context = Context(Group(noStops, noTargets));
        var book = EntryAccepted(context).Book;

        var stop = StopLeg(context, book);
        var target = TargetLeg(context, book);

        Assert.Equal("Copying stop-loss orders is off for this follower (Copy stop-loss).", Single<SkipOrder>(stop, 1).Reason);
        Assert.IsType<PlaceOrder>(stop.Decisions.Single(d => d.FollowerId == 2));
        Assert.IsType<PlaceOrder>(target.Decisions.Single(d => d.FollowerId == 1));
        Assert.Equal("Copying take-profit orders is off for this follower (Copy take-profit).", Single<SkipOrder>(target, 2).Reason);
    }

    [Fact]
    public void PlacesALegThatArrivedBeforeItsEntrysCopyWasAcceptedOnAcceptance()
    {
        var context = Context(Group(Follower(1)));
        var entry = Plan(context, OrderBook.Empty, Order("E1", OrderType.Limit, Side.Buy, 1, limit: 21000m));

        var leg = StopLeg(context, entry.Book);
        var accepted = Planner.Accepted(Key("E1", 1), "F1-E1", context, leg.Book);

        Assert.Equal("The copy of its entry (leader order E1) is not accepted by the follower's broker yet; this stop-loss leg is placed as soon as it is.", Single<SkipOrder>(leg, 1).Reason);
        Assert.Equal(("SL", "F1-E1"), (Single<PlaceOrder>(accepted, 1).Key.LeaderOrderId, Single<PlaceOrder>(accepted, 1).Request.ParentOrderId));
    }

    [Fact]
    public void DoesNotDetachALegFromAWorkingEntryAtABrokerWithoutBrackets()
    {
        var context = Context(Group(Follower(1)), Full with { Brackets = false });

        var leg = StopLeg(context, EntryAccepted(context).Book);

        Assert.StartsWith("The follower's broker cannot attach a leg to a working entry (no bracket orders)", Single<SkipOrder>(leg, 1).Reason);
    }

    [Fact]
    public void PlacesLegsOfAMarketEntryAloneSinceTheEntryFillsThroughPositionMirroring()
    {
        var context = Context(Group(Follower(1)), Full with { Brackets = false });
        var entry = Plan(context, OrderBook.Empty, Order("E1", OrderType.Market, Side.Buy, 1));

        var request = Single<PlaceOrder>(StopLeg(context, entry.Book, positionBefore: 1), 1).Request;

        Assert.Null(request.ParentOrderId);
    }

    [Fact]
    public void SkipsTheLegsOfAnEntryThatWasNotCopiedToTheFollower()
    {
        var context = Context(Group(Follower(1, FollowerRule.Default with { MaxPosition = 1 })), position: 1);
        var entry = Plan(context, OrderBook.Empty, Order("E1", OrderType.Limit, Side.Buy, 1, limit: 21000m));

        var leg = StopLeg(context, entry.Book);

        Assert.StartsWith("The max position cap of 1 leaves no room", Single<SkipOrder>(entry, 1).Reason);
        Assert.Equal("Its entry (leader order E1) was not copied to this follower, so neither is this stop-loss leg.", Single<SkipOrder>(leg, 1).Reason);
    }

    [Fact]
    public void KeepsTheOcoGroupOffTheRequestWhenTheBrokerHasNoNativeOco()
    {
        var context = Context(Group(Follower(1)), NoOco);

        var leg = StopLeg(context, EntryAccepted(context).Book);

        Assert.Null(Single<PlaceOrder>(leg, 1).Request.OcoGroupId);
        Assert.Equal("CT-OCO-10-G1-1", leg.Book.Link(Key("SL", 1))!.OcoGroupId);
    }

    [Fact]
    public void GroupsLegsByTheirEntryWhenTheLeaderReportsNoOcoGroup()
    {
        var context = Context(Group(Follower(1)));

        var leg = Plan(context, EntryAccepted(context).Book, Order("SL", OrderType.Stop, Side.Sell, 1, stop: 20950m, parent: "E1"));

        Assert.Equal("CT-OCO-10-E1-1", Single<PlaceOrder>(leg, 1).Request.OcoGroupId);
    }
}
