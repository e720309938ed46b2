using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

public class OrderBookLookups
{
    private static readonly OrderTerms One = new(1, 21000m, null, null);

    private static OrderLink Link(string leaderOrderId, int followerId, string? followerOrderId, int leaderAccount = LeaderAccount) =>
        new(leaderAccount, leaderOrderId, followerId, $"ACC-{followerId}", followerOrderId, "MNQZ6", One, One, null);

    private static readonly OrderBook Book = OrderBook.Empty
        .With(Link("L1", 2, "X"))
        .With(Link("L1", 1, "X"))
        .With(Link("L2", 1, null))
        .With(Link("L1", 1, "Y", leaderAccount: 11));

    [Fact]
    public void FindsTheCopiesOfALeaderOrderPerLeaderAccount()
    {
        Assert.Equal([1, 2], Book.ForLeaderOrder(LeaderAccount, "L1").Select(l => l.FollowerId));
        Assert.Equal("Y", Assert.Single(Book.ForLeaderOrder(11, "L1")).FollowerOrderId);
        Assert.Empty(Book.ForLeaderOrder(LeaderAccount, "L3"));
    }

    [Fact]
    public void FindsACopyByTheFollowersOrderIdWithinThatFollower()
    {
        Assert.Equal(Key("L1", 2), Book.ForFollowerOrder(2, "X")!.Key);
        Assert.Equal(Key("L1", 1), Book.ForFollowerOrder(1, "X")!.Key);
        Assert.Null(Book.ForFollowerOrder(3, "X"));
    }

    [Fact]
    public void OneCopyPerLeaderOrderAndFollowerTheLatestWins()
    {
        var book = Book.With(Link("L2", 1, "Z"));

        Assert.Equal("Z", book.Link(Key("L2", 1))!.FollowerOrderId);
        Assert.Equal(4, book.Links.Count);
        Assert.Equal(3, book.Without(Key("L2", 1)).Links.Count);
        Assert.Equal(4, Book.Links.Count);
    }

    [Fact]
    public void ForgetsFinishedLeaderOrdersNoCopyRefersTo()
    {
        var open = new TrackedLeaderOrder(LeaderAccount, Order("L2", OrderType.Limit, Side.Buy, 1, limit: 21000m), OrderRole.Entry, 0);
        var finished = new TrackedLeaderOrder(LeaderAccount, Order("L3", OrderType.Limit, Side.Buy, 1, limit: 21000m, status: OrderStatus.Filled), OrderRole.Entry, 0);
        var linked = new TrackedLeaderOrder(LeaderAccount, Order("L1", OrderType.Limit, Side.Buy, 1, limit: 21000m, status: OrderStatus.Filled), OrderRole.Entry, 0);

        var book = Book.With(open).With(finished).With(linked).ForgetFinishedLeaderOrders(LeaderAccount);

        Assert.Equal(["L1", "L2"], book.LeaderOrders.Select(o => o.Id).Order());
    }
}
