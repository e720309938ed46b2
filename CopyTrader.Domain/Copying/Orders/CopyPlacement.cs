using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>Decides whether one follower gets a copy of a leader order it has not copied yet, and builds it.</summary>
internal sealed class CopyPlacement(InstrumentCatalog catalog, bool skipFollowersWithWebhookOrders)
{
    public void Decide(PlanBuilder plan, TrackedLeaderOrder leader, FollowerSnapshot follower, MirrorContext context, MappedContract contract)
    {
        var key = new OrderLinkKey(leader.LeaderAccountId, leader.Id, follower.Id);
        var reason = FollowerReason(context.Group, follower, contract)
            ?? ProtectionRule.SkipReason(leader.Role, leader.Order.ParentOrderId, ParentRole(plan.Book, leader), leader.LeaderPositionBefore)
            ?? ProtectionRule.SwitchSkipReason(leader.Role, follower.Rule);
        if (reason is not null)
        {
            plan.Skip(key, reason);
            return;
        }

        var state = context.FollowerState(follower, contract.Symbol);
        var quantity = OrderQuantity.For(leader.Order.Quantity, leader.Order.Side, follower.Rule, contract.LeaderRoot, contract.Ratio, state.Position);
        var attachment = AttachmentReason(plan.Book, leader, follower.Id, state.Capabilities, out var parentFollowerOrderId);
        reason = CapabilityReason(leader, state.Capabilities) ?? attachment ?? quantity.SkipReason;
        if (reason is not null)
        {
            plan.Skip(key, reason);
            return;
        }

        var terms = CopyOrderFactory.FollowerTerms(leader.Terms, quantity.Quantity, catalog.For(contract.Symbol));
        var (link, request) = CopyOrderFactory.Build(leader, follower.Id, state, contract.Symbol, terms, parentFollowerOrderId, $"order:{leader.Id}");
        plan.Place(link, request);
    }

    private string? FollowerReason(CopyGroupSnapshot group, FollowerSnapshot follower, MappedContract contract) =>
        !group.AutoCopyEnabled ? $"Auto-copy is off for group '{group.Name}'."
        : !follower.Enabled ? "Follower is disabled."
        : follower.Rule.BlockedRoots.Contains(contract.LeaderRoot) ? $"{contract.LeaderRoot} is on this follower's blocked list."
        : skipFollowersWithWebhookOrders && follower.ReceivesWebhookOrders
            ? "A webhook strategy also trades this account; copying is skipped to avoid double fills (Copy:SkipFollowersWithWebhookOrders)."
        : follower.Rule.Inverse
            ? "Inverse copy does not mirror working orders: the opposite of a resting limit or stop is a different trade "
              + "(a buy limit below the market turned into a sell limit below the market fills at once), so inverse followers copy fills only."
        : null;

    private static OrderRole? ParentRole(OrderBook book, TrackedLeaderOrder leader) =>
        leader.Order.ParentOrderId is { } parentId ? book.Leader(leader.LeaderAccountId, parentId)?.Role : null;

    private static string? CapabilityReason(TrackedLeaderOrder leader, BrokerCapabilities capabilities) =>
        leader.Order.Type == OrderType.TrailingStop && !capabilities.TrailingStops
            ? "The follower's broker has no trailing stops, and a fixed stop would not follow the market as the leader's does."
            : null;

    /// <summary>
    /// A bracket leg is attached to the follower's copy of its entry while that copy works; placed alone, a stop
    /// leg could fill before the entry and open a position. Once the entry has filled (no copy left), it stands alone.
    /// </summary>
    private static string? AttachmentReason(OrderBook book, TrackedLeaderOrder leader, int followerId, BrokerCapabilities capabilities, out string? parentFollowerOrderId)
    {
        parentFollowerOrderId = null;
        if (leader.Order.ParentOrderId is not { } parentId)
        {
            return null;
        }

        var leg = leader.Role == OrderRole.StopLoss ? "stop-loss" : "take-profit";
        var entryCopy = book.Link(new OrderLinkKey(leader.LeaderAccountId, parentId, followerId));
        if (entryCopy is null)
        {
            return book.Leader(leader.LeaderAccountId, parentId) is { IsOpen: true } entry && entry.Order.Type != OrderType.Market
                ? $"Its entry (leader order {parentId}) was not copied to this follower, so neither is this {leg} leg."
                : null;
        }

        if (entryCopy.FollowerOrderId is null)
        {
            return $"The copy of its entry (leader order {parentId}) is not accepted by the follower's broker yet; this {leg} leg is placed as soon as it is.";
        }

        if (!capabilities.Brackets)
        {
            return $"The follower's broker cannot attach a leg to a working entry (no bracket orders); placed alone, this {leg} could fill before the entry does and open a position.";
        }

        parentFollowerOrderId = entryCopy.FollowerOrderId;
        return null;
    }
}
