using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>What one follower does about one leader order: place, modify or cancel its copy, or nothing, with why.</summary>
public abstract record FollowerOrderDecision(OrderLinkKey Key)
{
    public int FollowerId => Key.FollowerId;
}

/// <summary>Send a new copy; report the broker's answer with <see cref="OrderMirrorPlanner.Accepted"/> or <see cref="OrderBook.Rejected"/>.</summary>
public sealed record PlaceOrder(OrderLinkKey Key, OrderRequest Request) : FollowerOrderDecision(Key);

/// <summary>Change the working copy's quantity and prices to follow the leader's modification.</summary>
public sealed record ModifyOrder(
    OrderLinkKey Key,
    string AccountId,
    string FollowerOrderId,
    int Quantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal? TrailAmount) : FollowerOrderDecision(Key);

/// <summary>Cancel the working copy; <see cref="Reason"/> says what ended it.</summary>
public sealed record CancelOrder(OrderLinkKey Key, string AccountId, string FollowerOrderId, string Reason) : FollowerOrderDecision(Key);

/// <summary>Nothing is sent to this follower; <see cref="Reason"/> names the rule or the state that decided it.</summary>
public sealed record SkipOrder(OrderLinkKey Key, string Reason) : FollowerOrderDecision(Key);

/// <summary>The book after the decisions, and the decisions to carry out in order.</summary>
public sealed record OrderMirrorPlan(OrderBook Book, IReadOnlyList<FollowerOrderDecision> Decisions);
