using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

public class OrderMirrorPlannerModify
{
    public static TheoryData<OrderType, decimal?, decimal?, decimal?, decimal?, decimal?, decimal?> Changes => new()
    {
        // type, limit, stop, trail before; limit, stop, trail after
        { OrderType.Limit, 21000m, null, null, 21002.5m, null, null },
        { OrderType.Stop, null, 20950m, null, null, 20960.25m, null },
        { OrderType.StopLimit, 21011m, 21010m, null, 21021m, 21020m, null },
        { OrderType.TrailingStop, null, 20950m, 10m, null, 20950m, 15m },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void ModifiesTheCopyWithRescaledQuantityAndNewPrices(OrderType type, decimal? limit, decimal? stop, decimal? trail, decimal? newLimit, decimal? newStop, decimal? newTrail)
    {
        var context = Context(Group(Follower(1, Times(2m))));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", type, Side.Buy, 1, limit, stop, trail))).Book;

        var plan = Plan(context, book, Order("L1", type, Side.Buy, 3, newLimit, newStop, newTrail));

        Assert.Equal(new ModifyOrder(Key("L1", 1), "ACC-1", "F1-L1", 6, newLimit, newStop, newTrail), Single<ModifyOrder>(plan, 1));
        Assert.Equal(new OrderTerms(6, newLimit, newStop, newTrail), plan.Book.Link(Key("L1", 1))!.Terms);
    }

    [Fact]
    public void ReRoundsTheNewPricesToTheFollowersTick()
    {
        var context = Context(Group(Follower(1)));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Sell, 1, limit: 110.5m, symbol: "ZNM7"))).Book;

        var modify = Single<ModifyOrder>(Plan(context, book, Order("L1", OrderType.Limit, Side.Sell, 1, limit: 110.53m, symbol: "ZNM7")), 1);

        Assert.Equal(110.53125m, modify.LimitPrice);
    }

    [Fact]
    public void SkipsAChangeThatScalesAndRoundsToTheSameCopy()
    {
        var context = Context(Group(Follower(1, Times(0.5m) with { Rounding = RoundingRule.Down })));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 2, limit: 21000m))).Book;

        var plan = Plan(context, book, Order("L1", OrderType.Limit, Side.Buy, 3, limit: 21000m));

        Assert.Equal("The change to leader order L1 scales and rounds to the quantity and prices the copy already has.", Single<SkipOrder>(plan, 1).Reason);
        Assert.Equal(3, plan.Book.Link(Key("L1", 1))!.MirroredFrom.Quantity);
    }

    [Fact]
    public void CancelsTheCopyWhenTheNewQuantityScalesToZero()
    {
        var context = Context(Group(Follower(1, Times(0.4m))));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 2, limit: 21000m))).Book;

        var plan = Plan(context, book, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m));

        var cancel = Single<CancelOrder>(plan, 1);
        Assert.Equal("F1-L1", cancel.FollowerOrderId);
        Assert.StartsWith("The leader changed order L1 to 1, which is 0 contracts for this follower: 1 × multiplier 0.4 = 0.4 rounds to 0", cancel.Reason);
        Assert.Empty(plan.Book.Links);
    }

    [Fact]
    public void SkipsAModificationWhileTheCopyIsInFlightAndAppliesItOnAcceptance()
    {
        var context = Context(Group(Follower(1, Times(2m))));
        var placed = Plan(context, OrderBook.Empty, Order("L1", OrderType.Stop, Side.Buy, 1, stop: 21010m));

        var modified = Plan(context, placed.Book, Order("L1", OrderType.Stop, Side.Buy, 2, stop: 21020m));
        var accepted = Planner.Accepted(Key("L1", 1), "F1-L1", context, modified.Book);

        Assert.Equal("Leader order L1 changed while its copy is not accepted by the follower's broker yet; the change is applied as soon as it is.", Single<SkipOrder>(modified, 1).Reason);
        Assert.Equal(new ModifyOrder(Key("L1", 1), "ACC-1", "F1-L1", 4, null, 21020m, null), Single<ModifyOrder>(accepted, 1));
    }

    [Fact]
    public void AcceptanceWithoutMissedChangesDecidesNothing()
    {
        var context = Context(Group(Follower(1)));
        var placed = Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m));

        var accepted = Planner.Accepted(Key("L1", 1), "F1-L1", context, placed.Book);

        Assert.Empty(accepted.Decisions);
        Assert.Equal("F1-L1", accepted.Book.Link(Key("L1", 1))!.FollowerOrderId);
        Assert.Equal(Key("L1", 1), accepted.Book.ForFollowerOrder(1, "F1-L1")!.Key);
    }

    [Fact]
    public void ReplacesTheCopyAtABrokerThatCannotModifyOrders()
    {
        var context = Context(Group(Follower(1)), Full with { ModifyOrders = false });
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m))).Book;

        var plan = Plan(context, book, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 20995m));

        Assert.Collection(plan.Decisions,
            d => Assert.Equal("F1-L1", Assert.IsType<CancelOrder>(d).FollowerOrderId),
            d => Assert.Equal(20995m, Assert.IsType<PlaceOrder>(d).Request.LimitPrice));
        var link = Assert.Single(plan.Book.Links);
        Assert.Null(link.FollowerOrderId);
        Assert.NotEqual(CopyTag.For(LeaderAccount, "order:L1", 1), ((PlaceOrder)plan.Decisions[1]).Request.ClientOrderId);
    }

    [Fact]
    public void SkipsAPartialFillThatChangesNothing()
    {
        var context = Context(Group(Follower(1)));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 3, limit: 21000m))).Book;

        var plan = Plan(context, book, Order("L1", OrderType.Limit, Side.Buy, 3, limit: 21000m, status: OrderStatus.PartiallyFilled) with { FilledQuantity = 1 });

        Assert.Equal("Leader order L1 filled 1 of 3; the copy keeps working and fills at the follower's broker.", Single<SkipOrder>(plan, 1).Reason);
    }

    [Fact]
    public void SkipsFollowersThatNeverGotACopy()
    {
        var context = Context(Group(Follower(1), Follower(2, enabled: false)));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m))).Book;

        var plan = Plan(context, book, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 20990m));

        Assert.IsType<ModifyOrder>(plan.Decisions.Single(d => d.FollowerId == 1));
        Assert.Equal("Leader order L1 was not copied to this follower, so its change is not either.", Single<SkipOrder>(plan, 2).Reason);
    }

    [Fact]
    public void LeavesTheCopyOfAFollowerWhoLeftTheGroupAsItIs()
    {
        var context = Context(Group(Follower(1)));
        var book = AcceptAll(context, Plan(context, OrderBook.Empty, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m))).Book;

        var plan = Plan(Context(Group()), book, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 20990m));

        Assert.Equal("The follower is no longer in group 'Group', so the change to leader order L1 is not carried to its copy.", Single<SkipOrder>(plan, 1).Reason);
    }
}
