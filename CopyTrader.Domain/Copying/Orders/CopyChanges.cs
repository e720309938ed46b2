using System.Globalization;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>
/// Carries a modification of a leader order to one follower's working copy: quantity rescaled from the leader's
/// new quantity, prices re-rounded to the follower's tick. A copy that rescales to nothing is canceled; at a broker
/// that cannot modify orders the copy is canceled and placed again with the new terms.
/// </summary>
internal sealed class CopyChanges(InstrumentCatalog catalog)
{
    public void Follow(PlanBuilder plan, TrackedLeaderOrder leader, OrderLink link, FollowerSnapshot? follower, MirrorContext context, MappedContract contract)
    {
        var terms = leader.Terms;
        if (link.MirroredFrom == terms)
        {
            plan.Skip(link.Key, leader.Order.Status == OrderStatus.PartiallyFilled
                ? $"Leader order {leader.Id} filled {leader.Order.FilledQuantity} of {leader.Order.Quantity}; the copy keeps working and fills at the follower's broker."
                : $"The copy already mirrors leader order {leader.Id} as it stands.");
            return;
        }

        if (link.FollowerOrderId is null)
        {
            plan.Skip(link.Key, $"Leader order {leader.Id} changed while its copy is not accepted by the follower's broker yet; the change is applied as soon as it is.");
            return;
        }

        if (follower is null)
        {
            plan.Skip(link.Key, $"The follower is no longer in group '{context.Group.Name}', so the change to leader order {leader.Id} is not carried to its copy.");
            return;
        }

        var state = context.FollowerState(follower, link.Symbol);
        var quantity = OrderQuantity.For(terms.Quantity, leader.Order.Side, follower.Rule, contract.LeaderRoot, contract.Ratio, state.Position);
        if (quantity.SkipReason is { } zero)
        {
            plan.Cancel(link, $"The leader changed order {leader.Id} to {terms.Quantity}, which is 0 contracts for this follower: {zero}");
            return;
        }

        var updated = link with { Terms = CopyOrderFactory.FollowerTerms(terms, quantity.Quantity, catalog.For(link.Symbol)), MirroredFrom = terms };
        if (updated.Terms == link.Terms)
        {
            plan.Keep(updated);
            plan.Skip(link.Key, $"The change to leader order {leader.Id} scales and rounds to the quantity and prices the copy already has.");
            return;
        }

        if (state.Capabilities.ModifyOrders)
        {
            plan.Modify(updated);
            return;
        }

        plan.Cancel(link, $"Leader order {leader.Id} changed and the follower's broker cannot modify orders, so the copy is replaced.");
        var parentCopyId = leader.Order.ParentOrderId is { } parentId
            ? plan.Book.Link(link.Key with { LeaderOrderId = parentId })?.FollowerOrderId
            : null;
        var next = updated.Terms;
        var eventId = string.Create(CultureInfo.InvariantCulture, $"order:{leader.Id}:{next.Quantity}:{next.LimitPrice}:{next.StopPrice}:{next.TrailAmount}");
        var (replacement, request) = CopyOrderFactory.Build(leader, follower.Id, state, link.Symbol, next, parentCopyId, eventId);
        plan.Place(replacement, request);
    }
}
