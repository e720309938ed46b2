using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

public class OcoEmulatorOnFollowerOrderUpdate
{
    private static readonly OrderTerms One = new(1, null, 20950m, null);

    private static OrderLink Leg(string leaderOrderId, int followerId, string? followerOrderId, string group) =>
        new(LeaderAccount, leaderOrderId, followerId, $"ACC-{followerId}", followerOrderId, "MNQZ6", One, One, group);

    private static readonly OrderBook Bracket = OrderBook.Empty
        .With(Leg("SL", 1, "F1-SL", "G-1"))
        .With(Leg("TP", 1, "F1-TP", "G-1"))
        .With(Leg("SL", 2, "F2-SL", "G-2"))
        .With(Leg("TP", 2, "F2-TP", "G-2"));

    private static BrokerOrder Update(string followerOrderId, OrderStatus status, int filled = 0) =>
        new(followerOrderId, null, "MNQZ6", Side.Sell, OrderType.Stop, 1, filled, null, 20950m, status, null);

    [Fact]
    public void OneLegFillingCancelsTheOtherLegOfThatFollowerOnly()
    {
        var plan = OcoEmulator.OnFollowerOrderUpdate(Bracket, 1, Update("F1-SL", OrderStatus.Filled, 1), NoOco);

        var cancel = Assert.IsType<CancelOrder>(Assert.Single(plan.Decisions));
        Assert.Equal(new CancelOrder(Key("TP", 1), "ACC-1", "F1-TP", "Its OCO sibling F1-SL filled, and the follower's broker has no native OCO."), cancel);
        Assert.Equal(["F2-SL", "F2-TP"], plan.Book.Links.Select(l => l.FollowerOrderId));
    }

    [Fact]
    public void OneLegCanceledCancelsTheOtherLeg()
    {
        var plan = OcoEmulator.OnFollowerOrderUpdate(Bracket, 2, Update("F2-TP", OrderStatus.Canceled), NoOco);

        Assert.Equal("F2-SL", Assert.IsType<CancelOrder>(Assert.Single(plan.Decisions)).FollowerOrderId);
        Assert.Equal("Its OCO sibling F2-TP was canceled, and the follower's broker has no native OCO.", ((CancelOrder)plan.Decisions[0]).Reason);
    }

    [Fact]
    public void APartialFillCancelsNothingAndKeepsTheLeg()
    {
        var plan = OcoEmulator.OnFollowerOrderUpdate(Bracket, 1, Update("F1-SL", OrderStatus.PartiallyFilled, 1) with { Quantity = 2 }, NoOco);

        Assert.Empty(plan.Decisions);
        Assert.Same(Bracket, plan.Book);
    }

    [Fact]
    public void ARejectedLegLeavesItsSiblingWorking()
    {
        var plan = OcoEmulator.OnFollowerOrderUpdate(Bracket, 1, Update("F1-TP", OrderStatus.Rejected), NoOco);

        Assert.Empty(plan.Decisions);
        Assert.Null(plan.Book.ForFollowerOrder(1, "F1-TP"));
        Assert.NotNull(plan.Book.ForFollowerOrder(1, "F1-SL"));
    }

    [Fact]
    public void ABrokerWithNativeOcoCancelsTheSiblingItself()
    {
        var plan = OcoEmulator.OnFollowerOrderUpdate(Bracket, 1, Update("F1-SL", OrderStatus.Filled, 1), Full);

        Assert.Empty(plan.Decisions);
        Assert.Equal(3, plan.Book.Links.Count);
    }

    [Fact]
    public void ASiblingStillInFlightIsCanceledOnAcceptance()
    {
        var book = Bracket.With(Leg("TP", 1, null, "G-1"));

        var plan = OcoEmulator.OnFollowerOrderUpdate(book, 1, Update("F1-SL", OrderStatus.Filled, 1), NoOco);

        Assert.StartsWith("Its OCO sibling F1-SL filled, and the follower's broker has no native OCO. The copy is not accepted", Assert.IsType<SkipOrder>(Assert.Single(plan.Decisions)).Reason);
        Assert.Equal("Its OCO sibling F1-SL filled, and the follower's broker has no native OCO.", plan.Book.Link(Key("TP", 1))!.PendingCancelReason);
    }

    [Fact]
    public void OrdersOutsideAnyGroupOrUnknownToTheBookCancelNothing()
    {
        var single = OrderBook.Empty.With(Leg("L1", 1, "F1-L1", "G-1") with { OcoGroupId = null }).With(Leg("L2", 1, "F1-L2", "G-1") with { OcoGroupId = null });

        Assert.Empty(OcoEmulator.OnFollowerOrderUpdate(single, 1, Update("F1-L1", OrderStatus.Filled, 1), NoOco).Decisions);
        Assert.Empty(OcoEmulator.OnFollowerOrderUpdate(Bracket, 1, Update("SOMEONE-ELSES", OrderStatus.Filled, 1), NoOco).Decisions);
    }
}
