using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// A leader order as its broker reported it. <see cref="LeaderPositionBefore"/> is the leader's signed net
/// position in the order's contract before this order filled anything; it decides whether a stop or limit
/// protects a position or opens one, and is read only the first time an order is seen.
/// </summary>
public sealed record LeaderOrderEvent(int LeaderAccountId, BrokerOrder Order, int LeaderPositionBefore);

/// <summary>
/// A leader order the order book has seen: its latest report, and its role and the leader's position when it
/// first appeared (its bracket legs are judged by that role).
/// </summary>
public sealed record TrackedLeaderOrder(int LeaderAccountId, BrokerOrder Order, OrderRole Role, int LeaderPositionBefore)
{
    public OrderTerms Terms => OrderTerms.Of(Order);

    public bool IsOpen => Order.Status.IsOpen();

    public string Id => Order.BrokerOrderId;
}
