using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// Plays one-cancels-other for follower brokers without native OCO. Feed it every order update of a follower
/// copy: a copy that ended (filled, canceled, rejected) leaves the book, and when one leg of an OCO group fills
/// completely or is canceled, the follower's other legs of the group are canceled. A partial fill cancels
/// nothing; a rejected leg leaves its siblings working so a stop is never pulled for a failed target.
/// </summary>
public static class OcoEmulator
{
    public static OrderMirrorPlan OnFollowerOrderUpdate(OrderBook book, int followerId, BrokerOrder followerOrder, BrokerCapabilities capabilities)
    {
        var plan = new PlanBuilder(book);
        if (book.ForFollowerOrder(followerId, followerOrder.BrokerOrderId) is not { } link || followerOrder.Status.IsOpen())
        {
            return plan.Build();
        }

        plan.Remove(link.Key);
        if (capabilities.NativeOco || followerOrder.Status is not (OrderStatus.Filled or OrderStatus.Canceled))
        {
            return plan.Build();
        }

        var ended = followerOrder.Status == OrderStatus.Filled ? "filled" : "was canceled";
        foreach (var sibling in book.OcoSiblings(link))
        {
            plan.Cancel(sibling, $"Its OCO sibling {followerOrder.BrokerOrderId} {ended}, and the follower's broker has no native OCO.");
        }

        return plan.Build();
    }
}
