using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// Builds a follower's copy of a leader order: same type, side, time in force; the follower's contract; the
/// scaled quantity; prices and trail distance rounded to the follower contract's tick. The OCO group id goes to
/// the broker only when it has native OCO; the link always keeps it, for the emulator.
/// </summary>
internal static class CopyOrderFactory
{
    public static OrderTerms FollowerTerms(OrderTerms leader, int quantity, InstrumentSpec spec) => new(
        quantity,
        leader.LimitPrice is { } limit ? spec.RoundToTick(limit) : null,
        leader.StopPrice is { } stop ? spec.RoundToTick(stop) : null,
        leader.TrailAmount is { } trail ? Math.Max(spec.TickSize, spec.RoundToTick(trail)) : null);

    /// <summary>The follower-side group of a bracket or OCO leg: legs of one entry share one group.</summary>
    public static string? FollowerOcoGroup(TrackedLeaderOrder leader, int followerId) =>
        (leader.Order.OcoGroupId ?? leader.Order.ParentOrderId) is { } group
            ? $"{CopyTag.Prefix}OCO-{leader.LeaderAccountId}-{group}-{followerId}"
            : null;

    public static (OrderLink Link, OrderRequest Request) Build(
        TrackedLeaderOrder leader,
        int followerId,
        FollowerAccountState state,
        string symbol,
        OrderTerms terms,
        string? parentFollowerOrderId,
        string leaderEventId)
    {
        var order = leader.Order;
        var group = FollowerOcoGroup(leader, followerId);
        var request = new OrderRequest(
            state.BrokerAccountId, symbol, order.Side, terms.Quantity, order.Type, terms.LimitPrice, terms.StopPrice,
            CopyTag.For(leader.LeaderAccountId, leaderEventId, followerId), order.TimeInForce, terms.TrailAmount,
            state.Capabilities.NativeOco ? group : null, parentFollowerOrderId);
        var link = new OrderLink(
            leader.LeaderAccountId, leader.Id, followerId, state.BrokerAccountId, null, symbol, terms, leader.Terms, group);
        return (link, request);
    }
}
