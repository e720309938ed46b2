using System.Collections.Immutable;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// The order-mirroring state of the copier, immutable: every leader order seen (with the role it had) and every
/// follower copy still working, linked to the leader order it mirrors. The planner returns a new book with each
/// decision; the engine keeps the latest one and reports brokers' answers back into it.
/// </summary>
public sealed class OrderBook
{
    public static readonly OrderBook Empty = new(
        ImmutableDictionary<OrderLinkKey, OrderLink>.Empty,
        ImmutableDictionary<(int, string), TrackedLeaderOrder>.Empty);

    private readonly ImmutableDictionary<OrderLinkKey, OrderLink> _links;
    private readonly ImmutableDictionary<(int LeaderAccountId, string OrderId), TrackedLeaderOrder> _leaders;

    private OrderBook(ImmutableDictionary<OrderLinkKey, OrderLink> links, ImmutableDictionary<(int, string), TrackedLeaderOrder> leaders)
    {
        _links = links;
        _leaders = leaders;
    }

    public IReadOnlyCollection<OrderLink> Links => _links.Values.OrderBy(l => l.LeaderOrderId, StringComparer.Ordinal).ThenBy(l => l.FollowerId).ToList();

    public IReadOnlyCollection<TrackedLeaderOrder> LeaderOrders => _leaders.Values.ToList();

    public TrackedLeaderOrder? Leader(int leaderAccountId, string leaderOrderId) => _leaders.GetValueOrDefault((leaderAccountId, leaderOrderId));

    public OrderLink? Link(OrderLinkKey key) => _links.GetValueOrDefault(key);

    public IReadOnlyList<OrderLink> ForLeaderOrder(int leaderAccountId, string leaderOrderId) =>
        _links.Values.Where(l => l.LeaderAccountId == leaderAccountId && l.LeaderOrderId == leaderOrderId).OrderBy(l => l.FollowerId).ToList();

    public OrderLink? ForFollowerOrder(int followerId, string followerOrderId) =>
        _links.Values.FirstOrDefault(l => l.FollowerId == followerId && l.FollowerOrderId == followerOrderId);

    /// <summary>The follower's other working copies in the same one-cancels-other group.</summary>
    public IReadOnlyList<OrderLink> OcoSiblings(OrderLink link) => link.OcoGroupId is null ? [] :
        _links.Values.Where(l => l.FollowerId == link.FollowerId && l.OcoGroupId == link.OcoGroupId && l.Key != link.Key)
            .OrderBy(l => l.LeaderOrderId, StringComparer.Ordinal).ToList();

    /// <summary>The leader's open orders that are bracket legs of an entry.</summary>
    public IReadOnlyList<TrackedLeaderOrder> OpenLegsOf(int leaderAccountId, string parentOrderId) =>
        _leaders.Values.Where(o => o.LeaderAccountId == leaderAccountId && o.Order.ParentOrderId == parentOrderId && o.IsOpen)
            .OrderBy(o => o.Id, StringComparer.Ordinal).ToList();

    public OrderBook With(OrderLink link) => new(_links.SetItem(link.Key, link), _leaders);

    public OrderBook With(TrackedLeaderOrder leader) => new(_links, _leaders.SetItem((leader.LeaderAccountId, leader.Id), leader));

    public OrderBook Without(OrderLinkKey key) => new(_links.Remove(key), _leaders);

    /// <summary>The follower's broker refused the copy: it never worked, so the link goes.</summary>
    public OrderBook Rejected(OrderLinkKey key) => Without(key);

    /// <summary>
    /// Forgets the leader's finished orders that no copy refers to. Call it when the leader is flat again: a
    /// bracket leg reported after its filled entry is forgotten is judged by the leader's position alone.
    /// </summary>
    public OrderBook ForgetFinishedLeaderOrders(int leaderAccountId)
    {
        var finished = _leaders.Values
            .Where(o => o.LeaderAccountId == leaderAccountId && !o.IsOpen && ForLeaderOrder(leaderAccountId, o.Id).Count == 0)
            .Select(o => (o.LeaderAccountId, o.Id));
        return new(_links, _leaders.RemoveRange(finished));
    }
}
