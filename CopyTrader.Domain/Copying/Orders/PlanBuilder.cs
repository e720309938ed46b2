using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Copying.Orders;

/// <summary>Collects decisions and keeps the book in step with each one.</summary>
internal sealed class PlanBuilder(OrderBook book)
{
    private readonly List<FollowerOrderDecision> _decisions = [];

    public OrderBook Book { get; private set; } = book;

    public IReadOnlyList<FollowerOrderDecision> Decisions => _decisions;

    public void Track(TrackedLeaderOrder leader) => Book = Book.With(leader);

    public void Keep(OrderLink link) => Book = Book.With(link);

    public void Remove(OrderLinkKey key) => Book = Book.Without(key);

    public void Skip(OrderLinkKey key, string reason) => _decisions.Add(new SkipOrder(key, reason));

    public void Place(OrderLink link, OrderRequest request)
    {
        Book = Book.With(link);
        _decisions.Add(new PlaceOrder(link.Key, request));
    }

    public void Modify(OrderLink updated)
    {
        Book = Book.With(updated);
        _decisions.Add(new ModifyOrder(
            updated.Key, updated.FollowerBrokerAccountId, updated.FollowerOrderId!,
            updated.Terms.Quantity, updated.Terms.LimitPrice, updated.Terms.StopPrice, updated.Terms.TrailAmount));
    }

    /// <summary>Cancels an accepted copy at once; marks one in flight so it is canceled when the broker accepts it.</summary>
    public void Cancel(OrderLink link, string reason)
    {
        if (link.FollowerOrderId is { } followerOrderId)
        {
            Book = Book.Without(link.Key);
            _decisions.Add(new CancelOrder(link.Key, link.FollowerBrokerAccountId, followerOrderId, reason));
            return;
        }

        Book = Book.With(link with { PendingCancelReason = reason });
        Skip(link.Key, $"{reason} The copy is not accepted by the follower's broker yet; it is canceled as soon as it is.");
    }

    public OrderMirrorPlan Build() => new(Book, _decisions.ToList());
}
