using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

public class OrderMirrorPlannerCancel
{
    [Theory]
    [InlineData(OrderType.Limit, 21000.0, null, null)]
    [InlineData(OrderType.Stop, null, 21010.0, null)]
    [InlineData(OrderType.StopLimit, 21011.0, 21010.0, null)]
    [InlineData(OrderType.TrailingStop, null, 21010.0, 8.0)]
    public void CancelsEveryWorkingCopyWhenTheLeaderCancels(OrderType type, double? limit, double? stop, double? trail)
    {
        var context = Context(Group(Follower(1), Follower(2, Times(3m))));
        var order = Order("L1", type, Side.Buy, 1, (decimal?)limit, (decimal?)stop, (decimal?)trail);
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, order)).Book;

        var plan = Plan(context, book, order with { Status = OrderStatus.Canceled });

        Assert.Equal(
            [new CancelOrder(Key("L1", 1), "ACC-1", "F1-L1", "The leader canceled order L1."), new CancelOrder(Key("L1", 2), "ACC-2", "F2-L1", "The leader canceled order L1.")],
            plan.Decisions);
        Assert.Empty(plan.Book.Links);
        Assert.False(plan.Book.Leader(LeaderAccount, "L1")!.IsOpen);
    }

    [Fact]
    public void CancelsAcceptedCopiesAndCancelsInFlightCopiesOnAcceptance()
    {
        var context = Context(Group(Follower(1), Follower(2), Follower(3, enabled: false)));
        var order = Order("L1", OrderType.Limit, Side.Sell, 1, limit: 21050m);
        var placed = Plan(context, OrderBook.Empty, order);
        var book = Planner.Accepted(Key("L1", 1), "F1-L1", context, placed.Book).Book;

        var canceled = Plan(context, book, order with { Status = OrderStatus.Canceled });
        var lateAcceptance = Planner.Accepted(Key("L1", 2), "F2-L1", context, canceled.Book);

        Assert.Equal("F1-L1", Single<CancelOrder>(canceled, 1).FollowerOrderId);
        Assert.Equal("The leader canceled order L1. The copy is not accepted by the follower's broker yet; it is canceled as soon as it is.", Single<SkipOrder>(canceled, 2).Reason);
        Assert.Equal("The leader canceled order L1. Nothing was copied to this follower.", Single<SkipOrder>(canceled, 3).Reason);
        Assert.True(canceled.Book.Link(Key("L1", 2))!.CancelOnAcceptance);
        Assert.Equal(new CancelOrder(Key("L1", 2), "ACC-2", "F2-L1", "The leader canceled order L1."), Single<CancelOrder>(lateAcceptance, 2));
        Assert.Empty(lateAcceptance.Book.Links);
    }

    [Fact]
    public void ARejectedCopyLeavesTheBookAndTheLaterCancelFindsNothingToCancel()
    {
        var context = Context(Group(Follower(1)));
        var order = Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m);
        var book = Plan(context, OrderBook.Empty, order).Book.Rejected(Key("L1", 1));

        var plan = Plan(context, book, order with { Status = OrderStatus.Canceled });

        Assert.Equal("The leader canceled order L1. Nothing was copied to this follower.", Single<SkipOrder>(plan, 1).Reason);
    }

    [Fact]
    public void CancelsCopiesWhenTheLeadersBrokerRejectsTheOrderLater()
    {
        var context = Context(Group(Follower(1)));
        var order = Order("L1", OrderType.Stop, Side.Sell, 1, stop: 20900m);
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, order)).Book;

        var plan = Plan(context, book, order with { Status = OrderStatus.Rejected });

        Assert.Equal("The leader's broker rejected order L1.", Single<CancelOrder>(plan, 1).Reason);
    }

    [Fact]
    public void AFilledLeaderOrderLeavesItsCopiesWorking()
    {
        var context = Context(Group(Follower(1)));
        var order = Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m);
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, order)).Book;

        var plan = Plan(context, book, order with { Status = OrderStatus.Filled, FilledQuantity = 1 });

        Assert.Equal("Leader order L1 filled; the copy keeps working and fills at the follower's broker at its own price.", Single<SkipOrder>(plan, 1).Reason);
        Assert.Single(plan.Book.Links);
    }

    [Fact]
    public void CancelsCopiesOfFollowersWhoLeftTheGroup()
    {
        var context = Context(Group(Follower(1)));
        var order = Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m);
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, order)).Book;

        var plan = Plan(Context(Group()), book, order with { Status = OrderStatus.Canceled });

        Assert.Equal("F1-L1", Single<CancelOrder>(plan, 1).FollowerOrderId);
    }
}
