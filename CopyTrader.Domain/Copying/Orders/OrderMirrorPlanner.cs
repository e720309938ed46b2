using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// Order mirroring: replicates the leader's working orders (limit, stop, stop-limit, trailing stop, bracket and
/// OCO legs) to every follower of a group, and carries the leader's modifications and cancels to the copies.
/// Pure: it reads the book and the context, and returns the next book with one decision per follower.
/// Market orders and fills are left to position mirroring.
/// </summary>
public sealed class OrderMirrorPlanner(InstrumentCatalog catalog, bool skipFollowersWithWebhookOrders = true)
{
    private readonly CopyPlacement _placement = new(catalog, skipFollowersWithWebhookOrders);
    private readonly CopyChanges _changes = new(catalog);

    public OrderMirrorPlan Plan(LeaderOrderEvent leaderEvent, MirrorContext context, OrderBook book)
    {
        var order = leaderEvent.Order;
        var known = book.Leader(leaderEvent.LeaderAccountId, order.BrokerOrderId);
        var leader = known is null
            ? new TrackedLeaderOrder(leaderEvent.LeaderAccountId, order, Classify(leaderEvent), leaderEvent.LeaderPositionBefore)
            : known with { Order = order };
        var plan = new PlanBuilder(book);
        plan.Track(leader);
        var contract = context.ContractMap.Resolve(order.Symbol, catalog);
        var group = context.Group;

        if (order.Status is OrderStatus.Canceled or OrderStatus.Rejected)
        {
            var ended = order.Status == OrderStatus.Canceled ? $"The leader canceled order {leader.Id}." : $"The leader's broker rejected order {leader.Id}.";
            OverLinks(plan, leader, group, link => plan.Cancel(link, ended), $"{ended} Nothing was copied to this follower.");
        }
        else if (order.Type == OrderType.Market)
        {
            SkipAll(plan, leader, group, $"Leader order {leader.Id} is a market order: its fills are copied by position mirroring, not as a working order.");
        }
        else if (known is null && order.Status == OrderStatus.Filled)
        {
            SkipAll(plan, leader, group, $"Leader order {leader.Id} filled before it was seen working: its fills are copied by position mirroring.");
        }
        else if (known is null)
        {
            foreach (var follower in group.Followers)
            {
                _placement.Decide(plan, leader, follower, context, contract);
            }
        }
        else if (order.Status == OrderStatus.Filled)
        {
            OverLinks(plan, leader, group,
                link => plan.Skip(link.Key, $"Leader order {leader.Id} filled; the copy keeps working and fills at the follower's broker at its own price."),
                $"Leader order {leader.Id} filled; it was not copied to this follower.");
        }
        else
        {
            OverLinks(plan, leader, group,
                link => _changes.Follow(plan, leader, link, group.Followers.FirstOrDefault(f => f.Id == link.FollowerId), context, contract),
                $"Leader order {leader.Id} was not copied to this follower, so its change is not either.");
        }

        return plan.Build();
    }

    /// <summary>
    /// The follower's broker accepted a copy. Catches up on what happened while it was in flight: the leader
    /// canceled (cancel it), the leader modified (modify it), or bracket legs waited for it (place them).
    /// </summary>
    public OrderMirrorPlan Accepted(OrderLinkKey key, string followerOrderId, MirrorContext context, OrderBook book)
    {
        var plan = new PlanBuilder(book);
        if (book.Link(key) is not { } inFlight)
        {
            return plan.Build();
        }

        var link = inFlight with { FollowerOrderId = followerOrderId };
        plan.Keep(link);
        if (link.PendingCancelReason is { } reason)
        {
            plan.Cancel(link, reason);
            return plan.Build();
        }

        var follower = context.Group.Followers.FirstOrDefault(f => f.Id == key.FollowerId);
        if (follower is null)
        {
            return plan.Build();
        }

        if (book.Leader(key.LeaderAccountId, key.LeaderOrderId) is { IsOpen: true } leader && link.MirroredFrom != leader.Terms)
        {
            _changes.Follow(plan, leader, link, follower, context, context.ContractMap.Resolve(leader.Order.Symbol, catalog));
        }

        var legs = new PlanBuilder(plan.Book);
        foreach (var leg in book.OpenLegsOf(key.LeaderAccountId, key.LeaderOrderId).Where(l => legs.Book.Link(key with { LeaderOrderId = l.Id }) is null))
        {
            _placement.Decide(legs, leg, follower, context, context.ContractMap.Resolve(leg.Order.Symbol, catalog));
        }

        return new OrderMirrorPlan(legs.Book, [.. plan.Decisions, .. legs.Decisions.OfType<PlaceOrder>()]);
    }

    private static OrderRole Classify(LeaderOrderEvent e) =>
        OrderClassifier.Classify(e.Order.Type, e.Order.Side, e.Order.Quantity, e.LeaderPositionBefore, e.Order.ParentOrderId is not null);

    /// <summary>Applies <paramref name="onLink"/> to every copy of the order; followers without one are skipped with <paramref name="noCopy"/>.</summary>
    private static void OverLinks(PlanBuilder plan, TrackedLeaderOrder leader, CopyGroupSnapshot group, Action<OrderLink> onLink, string noCopy)
    {
        var links = plan.Book.ForLeaderOrder(leader.LeaderAccountId, leader.Id);
        foreach (var link in links)
        {
            onLink(link);
        }

        foreach (var follower in group.Followers.Where(f => links.All(l => l.FollowerId != f.Id)))
        {
            plan.Skip(new OrderLinkKey(leader.LeaderAccountId, leader.Id, follower.Id), noCopy);
        }
    }

    private static void SkipAll(PlanBuilder plan, TrackedLeaderOrder leader, CopyGroupSnapshot group, string reason)
    {
        foreach (var follower in group.Followers)
        {
            plan.Skip(new OrderLinkKey(leader.LeaderAccountId, leader.Id, follower.Id), reason);
        }
    }
}
