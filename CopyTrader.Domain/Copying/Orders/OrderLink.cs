namespace CopyTrader.Domain.Copying.Orders;

/// <summary>Identifies the one copy a follower holds of one leader order.</summary>
public sealed record OrderLinkKey(int LeaderAccountId, string LeaderOrderId, int FollowerId);

/// <summary>
/// A follower's working copy of a leader's working order, so the leader's modifications and cancels can follow
/// it. <see cref="FollowerOrderId"/> is null while the copy is in flight (sent, not yet accepted by the
/// follower's broker). <see cref="Terms"/> are the copy's own quantity and prices; <see cref="MirroredFrom"/>
/// the leader terms they were scaled from, so a change the copy missed in flight is still noticed.
/// <see cref="OcoGroupId"/> is the follower-side one-cancels-other group of a bracket or OCO leg.
/// </summary>
public sealed record OrderLink(
    int LeaderAccountId,
    string LeaderOrderId,
    int FollowerId,
    string FollowerBrokerAccountId,
    string? FollowerOrderId,
    string Symbol,
    OrderTerms Terms,
    OrderTerms MirroredFrom,
    string? OcoGroupId)
{
    public OrderLinkKey Key => new(LeaderAccountId, LeaderOrderId, FollowerId);

    public int Quantity => Terms.Quantity;

    public bool IsAccepted => FollowerOrderId is not null;

    /// <summary>Why the copy must go (the leader canceled, an OCO sibling ended) while it was in flight: cancel it on acceptance.</summary>
    public string? PendingCancelReason { get; init; }

    public bool CancelOnAcceptance => PendingCancelReason is not null;
}
